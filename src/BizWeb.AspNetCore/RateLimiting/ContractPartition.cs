using System.Security.Cryptography.X509Certificates;
using BizWeb.Auth;
using Microsoft.AspNetCore.Http;

namespace BizWeb.AspNetCore;

/// <summary>
/// The rate limiter's idea of one contract: the contract id at the start of the client certificate's
/// common name (CN = contract id [+ user id] + bank code), which every sign-in and every signed-in
/// request presents. Only a partition key, never a trust decision (the SDK judges the certificate),
/// and read from what TLS already parsed — before any database read.
/// </summary>
internal static class ContractPartition
{
    public static string? Of(HttpContext context)
    {
        if (context.Connection.ClientCertificate is not { } certificate)
        {
            return null;
        }

        var commonName = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        return commonName is { Length: > ContractId.Length } && ContractId.TryParse(commonName[..ContractId.Length], out var contract)
            ? contract.ToString()
            : null;
    }
}
