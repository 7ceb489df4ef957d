using BizWeb.Auth;

namespace BizWeb.Testing.Auth;

/// <summary>
/// An active contract with the transfer service, one debit account and an active user granted
/// transfers, each level with the limits given, set through the real flows (bank, administrator with ④).
/// </summary>
public sealed class TransferScenario
{
    /// <summary>The debit account's branch.</summary>
    public const string Branch = "001";

    /// <summary>The debit account's number.</summary>
    public const string AccountNumber = "1234567";

    private int _keys;

    private TransferScenario(AuthHarness harness, ContractId contract, SignedInAdministrator admin, SignedInUser user, System.Security.Cryptography.X509Certificates.X509Certificate2 userCertificate)
    {
        Harness = harness;
        Contract = contract;
        Admin = admin;
        User = user;
        UserCertificate = userCertificate;
    }

    /// <summary>The harness.</summary>
    public AuthHarness Harness { get; }

    /// <summary>The contract.</summary>
    public ContractId Contract { get; }

    /// <summary>The administrator, signed in as the scenario was set up.</summary>
    public SignedInAdministrator Admin { get; }

    /// <summary>The user, signed in at activation (see <see cref="SignInUserAsync"/> for a fresh sign-in).</summary>
    public SignedInUser User { get; private set; }

    /// <summary>The user's principal.</summary>
    public PrincipalId UserPrincipal => User.Principal;

    /// <summary>The user's client certificate.</summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2 UserCertificate { get; }

    /// <summary>The debit account's id.</summary>
    public static string DebitAccountId => new DebitAccount(Branch, PayeeAccountType.Ordinary, AccountNumber, new(null, null)).Id;

    /// <summary>The user as the audit trail names it.</summary>
    public AuditActor UserActor => User.Actor;

    /// <summary>The transfer flow.</summary>
    public Transfers Transfers => Harness.Get<Transfers>();

    /// <summary>Sets everything up.</summary>
    /// <param name="harness">The harness.</param>
    /// <param name="userLimit">The user's limit for transfers.</param>
    /// <param name="accountLimit">The debit account's limit.</param>
    /// <param name="contractLimit">The contract's limit.</param>
    /// <param name="mode">The lockout mode.</param>
    /// <param name="contractId">The contract id.</param>
    /// <returns>The scenario.</returns>
    public static async Task<TransferScenario> CreateAsync(AuthHarness harness, TransferLimit? userLimit = null, TransferLimit? accountLimit = null, TransferLimit? contractLimit = null, LockoutMode mode = LockoutMode.Linked, string contractId = AuthHarness.ContractIdText)
    {
        ArgumentNullException.ThrowIfNull(harness);
        var (contract, _) = await harness.ActiveContractAsync(mode, contractId);
        var admin = await harness.AdminAsync(contract);
        Check(await harness.Get<BankOperations>().SetContractServicesAsync(harness.Operator, contract, [BankServices.BalanceInquiry, BankServices.Transfers]), "services");
        var settings = harness.Get<OptionalSettings>();
        Check(await settings.SetDebitAccountsAsync(admin, [new DebitAccount(Branch, PayeeAccountType.Ordinary, AccountNumber, accountLimit ?? new(null, null))], AuthHarness.AdminConfirmationPin), "accounts");
        if (contractLimit is not null)
        {
            Check(await settings.SetContractLimitAsync(admin, contractLimit, AuthHarness.AdminConfirmationPin), "contract limit");
        }

        var userId = await harness.RegisterUserAsync(contract);
        Check(await harness.Get<UserAdministration>().ChangeAsync(admin, userId, new UserChange
        {
            NameKana = "ヤマダ タロウ",
            Email = "taro@example.co.jp",
            IssueCertificate = true,
            GrantedServices = [BankServices.BalanceInquiry, BankServices.Transfers],
            ServiceLimits = userLimit is null ? new Dictionary<string, TransferLimit>() : new Dictionary<string, TransferLimit> { [BankServices.Transfers] = userLimit },
        }, AuthHarness.AdminConfirmationPin), "grant");
        var (certificate, session) = await harness.ActivateUserAsync(contract, userId);
        return new TransferScenario(harness, contract, admin, await harness.CallerAsync<SignedInUser>(session, certificate), certificate);
    }

    /// <summary>An entry to another bank, payer bears the fee.</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="date">The execution date (today when null).</param>
    /// <param name="key">The idempotency key (a new one when null).</param>
    /// <returns>The request.</returns>
    public TransferRequest Request(long amount, DateOnly? date = null, string? key = null) => new()
    {
        IdempotencyKey = key ?? $"key-{Interlocked.Increment(ref _keys)}",
        DebitAccount = DebitAccountId,
        PayeeBankCode = "0005",
        PayeeBranchCode = "123",
        PayeeAccountType = PayeeAccountType.Ordinary,
        PayeeAccountNumber = "7654321",
        PayeeName = "ｶ)ﾄｳｷｮｳｼｮｳｼﾞ",
        Amount = amount,
        ExecutionDate = date,
    };

    /// <summary>Drafts and reviews.</summary>
    /// <param name="request">The entry.</param>
    /// <returns>The reviewed transfer, or the first failing step's result.</returns>
    public async Task<AuthResult<Transfer>> DraftAndReviewAsync(TransferRequest request)
    {
        var draft = await Transfers.DraftAsync(User, request);
        if (!draft.Succeeded)
        {
            return draft;
        }

        var review = await Transfers.ReviewAsync(User, draft.Value.Id);
        return review.Succeeded ? AuthResult.Ok(review.Value.Transfer) : AuthResult.Fail<Transfer>(review.Errors);
    }

    /// <summary>Draft, review and confirm with the right code.</summary>
    /// <param name="request">The entry.</param>
    /// <returns>The last step's result.</returns>
    public async Task<AuthResult<Transfer>> TransferAsync(TransferRequest request)
    {
        var reviewed = await DraftAndReviewAsync(request);
        return reviewed.Succeeded ? await Transfers.ConfirmAsync(User, reviewed.Value.Id, TestHardwareToken.Code) : reviewed;
    }

    /// <summary>Signs the user in again (certificate and ⑤) after a change renewed the user's security stamp; <see cref="User"/> becomes the new caller.</summary>
    /// <returns>The new caller.</returns>
    public async Task<SignedInUser> SignInUserAsync()
    {
        var signedIn = await Harness.Get<UserSignIn>().SignInAsync(UserCertificate, AuthHarness.UserLoginPin, AuthHarness.Browser);
        Check(signedIn, "user sign-in");
        return User = await Harness.CallerAsync<SignedInUser>(signedIn.Value, UserCertificate);
    }

    private static void Check(AuthResult result, string step)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The scenario step '{step}' failed: {result}.");
        }
    }
}
