using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BizWeb.Auth;

namespace BizWeb.Testing.Auth;

/// <summary>
/// An in-test certificate authenticator (the real one is BizWeb.Certificates): it knows the
/// certificates it made with <see cref="IssueFor"/> and refuses any other, or one it revoked.
/// </summary>
public sealed class TestCertificates : IClientCertificateAuthenticator, IDisposable
{
    private readonly ConcurrentDictionary<string, PrincipalId> _issued = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<X509Certificate2> _made = [];

    /// <summary>A self-signed P-256 certificate whose CN follows SPEC.md §7, registered to <paramref name="principal"/>.</summary>
    public X509Certificate2 IssueFor(PrincipalId principal)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var cn = $"{principal.ContractId}{principal.UserId}1286";
        var request = new CertificateRequest($"CN={cn}", key, HashAlgorithmName.SHA256);
        var certificate = request.CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(100));
        _issued[certificate.Thumbprint] = principal;
        _made.Add(certificate);
        return certificate;
    }

    /// <summary>Stops accepting <paramref name="certificate"/>.</summary>
    public void Revoke(X509Certificate2 certificate) => _issued.TryRemove(certificate.Thumbprint, out _);

    /// <inheritdoc />
    public ValueTask<PrincipalId?> AuthenticateAsync(X509Certificate2 certificate, DateTimeOffset now, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_issued.TryGetValue(certificate.Thumbprint, out var principal) ? principal : (PrincipalId?)null);

    /// <inheritdoc />
    public ValueTask<bool> IsCurrentAsync(PrincipalId principal, string certificateThumbprint, DateTimeOffset now, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_made.FirstOrDefault(c => SignedInPrincipal.ThumbprintOf(c) == certificateThumbprint) is { } certificate
            && _issued.TryGetValue(certificate.Thumbprint, out var issued) && issued == principal);

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var certificate in _made)
        {
            certificate.Dispose();
        }
    }
}
