using BizWeb.Auth;

namespace BizWeb.Certificates;

/// <summary>
/// The common name (CN) of a client certificate from the bank's CA (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §7): the administrator's
/// is <c>{contractId}{bankCode}</c> (for example <c>123456789011286</c>), a user's is
/// <c>{contractId}{userId}{bankCode}</c>. The contract id has a fixed length and the bank code ends
/// the name, so a CN parses back unambiguously.
/// </summary>
public readonly record struct CertificateCommonName
{
    private const int AdministratorLength = ContractId.Length + BankCode.Length;

    private CertificateCommonName(ContractId contractId, UserId? userId, BankCode bankCode)
    {
        ContractId = contractId;
        UserId = userId;
        BankCode = bankCode;
    }

    /// <summary>The contract the certificate belongs to.</summary>
    public ContractId ContractId { get; }

    /// <summary>The user, or null for the administrator's certificate.</summary>
    public UserId? UserId { get; }

    /// <summary>The bank code that ends the name.</summary>
    public BankCode BankCode { get; }

    /// <summary>True for the administrator's certificate (no user id).</summary>
    public bool IsAdministrator => UserId is null;

    /// <summary>The administrator's name: contract id + bank code.</summary>
    /// <param name="contractId">The contract.</param>
    /// <param name="bankCode">The bank code.</param>
    /// <returns>The common name.</returns>
    public static CertificateCommonName ForAdministrator(ContractId contractId, BankCode bankCode) =>
        new(Required(contractId), null, Required(bankCode));

    /// <summary>A user's name: contract id + user id + bank code.</summary>
    /// <param name="contractId">The contract.</param>
    /// <param name="userId">The user.</param>
    /// <param name="bankCode">The bank code.</param>
    /// <returns>The common name.</returns>
    public static CertificateCommonName ForUser(ContractId contractId, UserId userId, BankCode bankCode) =>
        new(Required(contractId), Required(userId), Required(bankCode));

    /// <summary>
    /// Reads a CN; never throws. The name must end with <paramref name="expectedBankCode"/>, start
    /// with a valid contract id, and hold a valid user id (or nothing, for the administrator) between.
    /// </summary>
    /// <param name="commonName">The CN value (not a whole distinguished name).</param>
    /// <param name="expectedBankCode">This bank's code.</param>
    /// <returns>The parsed name, or <see cref="MessageCode.CertificateCommonNameInvalid"/> /
    /// <see cref="MessageCode.CertificateCommonNameWrongBank"/>.</returns>
    public static ParseResult<CertificateCommonName> Parse(string? commonName, BankCode expectedBankCode)
    {
        if (commonName is null || commonName.Length < AdministratorLength)
        {
            return Fail(MessageCode.CertificateCommonNameInvalid);
        }

        var contractId = Auth.ContractId.Parse(commonName[..ContractId.Length]);
        var bankCode = Auth.BankCode.Parse(commonName[^BankCode.Length..]);
        if (!contractId.Succeeded || !bankCode.Succeeded)
        {
            return Fail(MessageCode.CertificateCommonNameInvalid);
        }

        if (bankCode.Value != Required(expectedBankCode))
        {
            return Fail(MessageCode.CertificateCommonNameWrongBank);
        }

        if (commonName.Length == AdministratorLength)
        {
            return ParseResult.Success(ForAdministrator(contractId.Value, bankCode.Value));
        }

        var userId = Auth.UserId.Parse(commonName[ContractId.Length..^BankCode.Length]);
        return userId.Succeeded
            ? ParseResult.Success(ForUser(contractId.Value, userId.Value, bankCode.Value))
            : Fail(MessageCode.CertificateCommonNameInvalid);
    }

    /// <summary>The CN value.</summary>
    /// <returns>contract id [+ user id] + bank code.</returns>
    public override string ToString() => string.Concat(ContractId.ToString(), UserId?.ToString(), BankCode.ToString());

    private static ParseResult<CertificateCommonName> Fail(MessageCode code) => ParseResult.Failure<CertificateCommonName>(MessageCatalog.Get(code));

    private static T Required<T>(T value, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(value))] string? name = null)
        where T : struct =>
        value.Equals(default(T)) ? throw new ArgumentException("A default (empty) value is not a valid identifier.", name) : value;
}
