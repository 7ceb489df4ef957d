using BizWeb.Testing.Auth;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BizWeb.Auth.Tests.Identifiers;

/// <summary>A <c>default</c> id is detectably no id, and the SDK refuses it where an id enters a flow or a store (a programming error).</summary>
public sealed class DefaultIdTests : IDisposable
{
    private static readonly ContractId Contract = ContractId.Parse("12345678901").Value;
    private static readonly UserId Taro = UserId.Parse("taro").Value;
    private readonly AuthHarness _h = AuthHarness.Create();

    public void Dispose() => _h.Dispose();

    [Fact]
    public void Defaults_are_detectable_and_parsed_ids_are_not()
    {
        Assert.True(default(ContractId).IsDefault);
        Assert.True(default(UserId).IsDefault);
        Assert.True(default(BankCode).IsDefault);
        Assert.False(Contract.IsDefault);
        Assert.False(Taro.IsDefault);
        Assert.False(BankCode.Default.IsDefault);
        Assert.False(BankCode.Parse("0001").Value.IsDefault);
    }

    [Fact]
    public void A_default_principal_is_no_administrator_and_shows_that_it_is_default()
    {
        var principal = default(PrincipalId);
        Assert.True(principal.IsDefault);
        Assert.False(principal.IsAdministrator);
        Assert.Equal("(default)", principal.ToString());

        var defaultUser = new PrincipalId(Contract, default(UserId));
        Assert.True(defaultUser.IsDefault);
        Assert.False(defaultUser.IsAdministrator);
        Assert.True(new PrincipalId(default, Taro).IsDefault);
    }

    [Property(MaxTest = 500)]
    public Property A_principal_of_parsed_ids_is_never_default() =>
        Prop.ForAll(
            Arb.From(Gen.Choose(0, int.MaxValue).Select(n => n.ToString("D11", System.Globalization.CultureInfo.InvariantCulture))),
            Arb.From(Gen.Elements("a", "taro", "ABC123", new string('z', UserId.MaxLength))),
            (contractText, userText) =>
            {
                var admin = PrincipalId.Administrator(ContractId.Parse(contractText).Value);
                var user = PrincipalId.User(ContractId.Parse(contractText).Value, UserId.Parse(userText).Value);
                return !admin.IsDefault && admin.IsAdministrator && admin.ToString() == contractText
                    && !user.IsDefault && !user.IsAdministrator && user.ToString() == $"{contractText}/{userText}";
            });

    [Fact]
    public void A_default_parse_result_is_no_success()
    {
        var result = default(ParseResult<ContractId>);
        Assert.False(result.Succeeded);
        Assert.False(result.TryGetValue(out _));
        Assert.Throws<InvalidOperationException>(() => result.Value);
        Assert.True(ContractId.Parse("12345678901").Succeeded);
        Assert.False(ContractId.Parse("1234").Succeeded);
    }

    [Fact]
    public void The_factories_refuse_default_ids_naming_the_parameter()
    {
        Assert.Equal("contractId", Assert.Throws<ArgumentException>(() => PrincipalId.Administrator(default)).ParamName);
        Assert.Equal("contractId", Assert.Throws<ArgumentException>(() => PrincipalId.User(default, Taro)).ParamName);
        Assert.Equal("userId", Assert.Throws<ArgumentException>(() => PrincipalId.User(Contract, default)).ParamName);
    }

    [Fact]
    public async Task The_flows_refuse_a_default_principal_or_id_naming_the_parameter()
    {
        // A default principal cannot reach a verb: verbs take callers only the SDK makes, and the SDK
        // makes none from a session of a default principal.
        using var certificate = _h.Certificates.IssueFor(PrincipalId.Administrator(Contract));
        Assert.Null(await _h.Get<SessionValidation>().ValidateAsync(new SignedInPrincipal(default, "stamp", certificate.SerialNumber, SignedInPrincipal.ThumbprintOf(certificate)), certificate));

        var (contract, _) = await _h.ActiveContractAsync(contractId: "12345678901");
        var admin = await _h.AdminAsync(contract);
        await Refused("userId", () => _h.Get<UserAdministration>().DeleteAsync(admin, default, "Confirm456").AsTask());
        await Refused("userId", () => _h.Get<UserAdministration>().ReleaseSuspensionAsync(admin, default, "Confirm456").AsTask());
        await Refused("contractId", () => _h.Get<BankOperations>().UnlockContractAsync(_h.Operator, default).AsTask());
        await Refused("contractId", () => _h.Get<BankOperations>().ResetRegistrationPinAsync(_h.Operator, default, "1234").AsTask());
        await Refused("userId", () => _h.Get<BankOperations>().UnlockUserAsync(_h.Operator, Contract, default).AsTask());
        await Refused("userId", () => _h.Get<BankOperations>().RegisterAccidentAsync(_h.Operator, Contract, default(UserId)).AsTask());
        await Refused("contractId", () => _h.Get<BankOperations>().ClearAccidentAsync(_h.Operator, default, null).AsTask());
    }

    [Fact]
    public void The_change_set_refuses_state_with_a_default_id()
    {
        var changes = new AuthChanges();
        var contract = new Contract
        {
            Id = default,
            LockoutMode = LockoutMode.Linked,
            State = ContractState.AwaitingAdminActivation,
            RegistrationPinHash = "x",
            SecurityStamp = "s",
            CreatedAt = DateTimeOffset.UnixEpoch,
        };
        var user = new User
        {
            ContractId = Contract,
            Id = default,
            NameKana = "タロウ",
            LoginPinHash = "x",
            ConfirmationPinHash = "y",
            State = UserState.Registered,
            SecurityStamp = "s",
            CreatedAt = DateTimeOffset.UnixEpoch,
        };
        Assert.Equal("contract", Assert.Throws<ArgumentException>(() => changes.Put(contract)).ParamName);
        Assert.Equal("user", Assert.Throws<ArgumentException>(() => changes.Put(user)).ParamName);
        Assert.Equal("user", Assert.Throws<ArgumentException>(() => changes.Put(user with { ContractId = default, Id = Taro })).ParamName);
        Assert.Equal("settings", Assert.Throws<ArgumentException>(() => changes.Put(ContractSettings.Empty(default))).ParamName);
        Assert.Equal("ticket", Assert.Throws<ArgumentException>(() => changes.Put(Ticket(default))).ParamName);
        Assert.Equal("transfer", Assert.Throws<ArgumentException>(() => changes.Put(NewTransfer(default))).ParamName);
        Assert.Empty(changes.Contracts);
        Assert.Empty(changes.Users);
        Assert.Empty(changes.ContractSettings);
        Assert.Empty(changes.Tickets);
        Assert.Empty(changes.Transfers);

        // The same values with real ids are accepted.
        changes.Put(contract with { Id = Contract }).Put(user with { Id = Taro }).Put(ContractSettings.Empty(Contract))
            .Put(Ticket(PrincipalId.Administrator(Contract))).Put(NewTransfer(PrincipalId.User(Contract, Taro)));
        Assert.Single(changes.Contracts);
        Assert.Single(changes.Users);
        Assert.Single(changes.ContractSettings);
        Assert.Single(changes.Tickets);
        Assert.Single(changes.Transfers);
    }

    private static async Task Refused(string parameter, Func<Task> call) =>
        Assert.Equal(parameter, (await Assert.ThrowsAsync<ArgumentException>(call)).ParamName);

    private static FlowTicket Ticket(PrincipalId principal) => new()
    {
        Id = Guid.NewGuid(),
        HandleHash = "h",
        Purpose = FlowPurpose.AdminActivation,
        Principal = principal,
        Step = 1,
        StartedAt = DateTimeOffset.UnixEpoch,
        LastStepAt = DateTimeOffset.UnixEpoch,
        ExpiresAt = DateTimeOffset.UnixEpoch.AddMinutes(15),
        Values = new Dictionary<string, string>(),
    };

    private static Transfer NewTransfer(PrincipalId user) => new()
    {
        Id = Guid.NewGuid(),
        User = user,
        IdempotencyKey = "k1",
        Details = new TransferDetails
        {
            DebitAccount = "001-1-1234567",
            PayeeBankCode = "0005",
            PayeeBranchCode = "123",
            PayeeAccountType = PayeeAccountType.Current,
            PayeeAccountNumber = "7654321",
            PayeeName = "ｶ)ﾄｳｷｮｳｼｮｳｼﾞ",
            Quote = new TransferQuote(10_000, 0, 10_000, 550, 10_550),
            FeeBearer = FeeBearer.Payer,
            ExecutionDate = new DateOnly(2026, 12, 2),
        },
        PayeeRelation = PayeeRelation.OtherBank,
        State = TransferState.Drafted,
        CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };
}
