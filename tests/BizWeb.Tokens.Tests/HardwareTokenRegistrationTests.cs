using BizWeb.Auth;

namespace BizWeb.Tokens.Tests;

/// <summary>
/// Guesses at token registration (P.15) are counted like the lockout engine counts credentials:
/// per serial number (blocked at the limit until the bank releases it, unknown serial numbers alike)
/// and per contract and day; the registration window is what drift needs; the bank can bind a token
/// to the contract it ships it to.
/// </summary>
public sealed class HardwareTokenRegistrationTests
{
    private const string OtherContractText = "98765432109";
    private static readonly ContractId OtherContract = ContractId.Parse(OtherContractText).Value;
    private static readonly PrincipalId OtherAdmin = PrincipalId.Administrator(OtherContract);
    private static readonly UserId Jiro = UserId.Parse("jiro01").Value;
    private static readonly byte[] SeedA = Rfc.Key20;
    private static readonly byte[] SeedB = Convert.FromHexString("0102030405060708090a0b0c0d0e0f1011121314");

    /// <summary>Contract 12345678901 with user taro01 and contract 98765432109 with user jiro01, both activated; tokens A1, A2, B1 in stock.</summary>
    private static async Task<TestHost> HostAsync(Action<HardwareTokenOptions>? options = null, Action<BizWebOptions>? bizWeb = null)
    {
        var host = new TestHost(tokens: options, options: bizWeb);
        await host.CreateContractAsync();
        await host.ActivateAdminAsync(await host.IssueCardAsync());
        await host.CreateContractAsync(OtherContractText);
        await host.ActivateAdminAsync(await host.IssueCardAsync(OtherContractText), OtherContractText);
        await RegisterUserAsync(host, TestHost.Admin, "taro01");
        await RegisterUserAsync(host, OtherAdmin, "jiro01");
        var builder = new PskcBuilder().Add("A1", SeedA).Add("A2", SeedB).Add("B1", SeedB);
        await using var stream = builder.ToStream();
        Assert.True((await host.Get<HardwareTokenInventory>().ImportPskcAsync(stream, builder.DecryptionKey, TestHost.Operator)).Succeeded);
        return host;
    }

    private static async Task RegisterUserAsync(TestHost host, PrincipalId admin, string userId)
    {
        var registration = new UserRegistration { UserId = userId, NameKana = "ﾀﾛｳ", TemporaryLoginPin = "Temp1234", TemporaryConfirmationPin = "Temp5678", IssueCertificate = true };
        var result = await host.Get<UserAdministration>().RegisterAsync(await host.AdminAsync(admin), registration, TestHost.ConfirmationPin);
        Assert.True(result.Succeeded, result.ToString());
    }

    private static string Code(TestHost host, byte[] seed, int offset = 0) =>
        Hotp.FormatString(Hotp.Compute(seed, (host.Time.GetUtcNow().ToUnixTimeSeconds() / 30) + offset, OtpHashAlgorithm.Sha1, 6), 6);

    /// <summary>A code that is certainly not one the token shows within the registration window (far outside it).</summary>
    private static string Wrong(TestHost host, byte[] seed, int i) => Code(host, seed, 1_000 + i);

    private static async Task<AuthResult> RegisterAsync(TestHost host, string serial, string code, bool other = false) =>
        other
            ? await host.Get<HardwareTokenRegistration>().RegisterAsync(await host.AdminAsync(OtherAdmin), Jiro, serial, code, TestHost.ConfirmationPin)
            : await host.Get<HardwareTokenRegistration>().RegisterAsync(await host.AdminAsync(), TokenSetup.Taro, serial, code, TestHost.ConfirmationPin);

    private static async Task<IReadOnlyList<AuditEntry>> AuditAsync(TestHost host, string action) =>
        [.. (await host.Get<IAuditTrailStore>().ReadAsync(0, 10_000, default)).Where(a => a.Action == action)];

    [Fact]
    public async Task A_stale_administrator_registers_no_token_and_its_guess_is_not_counted()
    {
        using var host = await HostAsync();
        var admin = await host.AdminAsync();
        Assert.True((await host.Get<BankOperations>().RegisterAccidentAsync(TestHost.Operator, TestHost.Contract, null)).Succeeded);

        var result = await host.Get<HardwareTokenRegistration>().RegisterAsync(admin, TokenSetup.Taro, "A1", Code(host, SeedA), TestHost.ConfirmationPin);
        Assert.Equal(MessageCode.SessionEnded, result.ErrorCode);
        Assert.Null((await host.Get<HardwareTokenInventory>().FindAsync("A1"))!.Owner);
        Assert.Empty(await AuditAsync(host, "HardwareTokenRegistrationFailed"));
    }

    [Fact]
    public async Task The_eighth_guess_at_one_serial_is_refused_without_evaluation_until_the_bank_releases_it()
    {
        using var host = await HostAsync();
        var codes = new List<MessageCode?>();
        for (var i = 0; i < 7; i++)
        {
            codes.Add((await RegisterAsync(host, "A1", Wrong(host, SeedA, i))).ErrorCode);
        }

        Assert.All(codes[..6], c => Assert.Equal(MessageCode.HardwareTokenRegistrationFailed, c));
        Assert.Equal(MessageCode.HardwareTokenRegistrationBlocked, codes[6]);
        var inventory = host.Get<HardwareTokenInventory>();
        Assert.True(await inventory.IsRegistrationBlockedAsync("A1"));

        // The 8th guess is the right code: refused without evaluation, the token stays in stock.
        Assert.Equal(MessageCode.HardwareTokenRegistrationBlocked, (await RegisterAsync(host, "A1", Code(host, SeedA))).ErrorCode);
        Assert.Equal(HardwareTokenStatus.InStock, (await inventory.FindAsync("A1"))!.Status);

        var failures = await AuditAsync(host, TokenAudit.HardwareTokenRegistrationFailed);
        Assert.Equal(7, failures.Count(a => a.Outcome == AuditOutcome.Failed));
        Assert.Equal(1, failures.Count(a => a.Outcome == AuditOutcome.Refused));
        Assert.Single(await AuditAsync(host, TokenAudit.HardwareTokenRegistrationBlocked));

        // Other serial numbers are not blocked by it.
        Assert.True((await RegisterAsync(host, "A2", Code(host, SeedB))).Succeeded);

        // The bank releases it (audited); then the right code registers it.
        Assert.True((await inventory.ReleaseRegistrationBlockAsync("A1", TestHost.Operator)).Succeeded);
        Assert.Single(await AuditAsync(host, TokenAudit.HardwareTokenRegistrationReleased));
        Assert.Equal(MessageCode.HardwareTokenNotBlocked, (await inventory.ReleaseRegistrationBlockAsync("A1", TestHost.Operator)).ErrorCode);
        Assert.Equal(MessageCode.HardwareTokenNotFound, (await inventory.ReleaseRegistrationBlockAsync("NO-SUCH", TestHost.Operator)).ErrorCode);
        host.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.True((await RegisterAsync(host, "A1", Code(host, SeedA))).Succeeded);
    }

    [Fact]
    public async Task A_registration_resets_the_serial_numbers_count()
    {
        using var host = await HostAsync();
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(MessageCode.HardwareTokenRegistrationFailed, (await RegisterAsync(host, "A1", Wrong(host, SeedA, i))).ErrorCode);
        }

        Assert.True((await RegisterAsync(host, "A1", Code(host, SeedA))).Succeeded);
        Assert.False(await host.Get<HardwareTokenInventory>().IsRegistrationBlockedAsync("A1"));
    }

    [Theory]
    [InlineData("NO-SUCH")] // not in the inventory
    [InlineData("A2")] // registered to another user
    [InlineData("B1")] // bound to another contract
    [InlineData("R1")] // retired
    public async Task An_unknown_serial_answers_like_a_known_one(string serial)
    {
        using var host = await HostAsync(o => o.ContractRegistrationFailuresPerDay = 100);
        var inventory = host.Get<HardwareTokenInventory>();
        Assert.True((await RegisterAsync(host, "A2", Code(host, SeedB), other: true)).Succeeded);
        Assert.True((await inventory.BindAsync("B1", OtherContract, TestHost.Operator)).Succeeded);
        Assert.True((await inventory.CreateSoftwareTokenAsync("R1", "BizWeb", "r1", TestHost.Operator)).Succeeded);
        Assert.True((await inventory.UnregisterAsync("R1", TestHost.Operator)).Succeeded);
        host.Time.Advance(TimeSpan.FromSeconds(30));

        // The same sequence of answers for a registrable token (A1) with wrong codes, and for the
        // serial number under test even with codes of the right length and the token's current code.
        var known = new List<MessageCode?>();
        var other = new List<MessageCode?>();
        for (var i = 0; i < 9; i++)
        {
            var code = i == 0 ? "12345678" : Wrong(host, SeedA, i);
            known.Add((await RegisterAsync(host, "A1", code)).ErrorCode);
            other.Add((await RegisterAsync(host, serial, i == 8 ? Code(host, SeedB) : code)).ErrorCode);
        }

        Assert.Equal(known, other);
        Assert.Equal(MessageCode.HardwareTokenRegistrationBlocked, other[^1]);
        Assert.Equal(serial != "NO-SUCH", await inventory.FindAsync(serial) is not null);
    }

    [Fact]
    public async Task The_contract_limit_refuses_further_registrations_for_the_day()
    {
        using var host = await HostAsync(o => o.ContractRegistrationFailuresPerDay = 3);

        // A registration does not use up the day's limit.
        Assert.True((await RegisterAsync(host, "A2", Code(host, SeedB))).Succeeded);
        Assert.Equal(MessageCode.HardwareTokenRegistrationFailed, (await RegisterAsync(host, "A1", Wrong(host, SeedA, 0))).ErrorCode);
        Assert.Equal(MessageCode.HardwareTokenRegistrationFailed, (await RegisterAsync(host, "NO-SUCH", Wrong(host, SeedA, 1))).ErrorCode);
        Assert.Equal(MessageCode.HardwareTokenRegistrationFailed, (await RegisterAsync(host, "B1", Wrong(host, SeedB, 2))).ErrorCode);

        // The 4th wrong one of the day is not evaluated, even with the right code, and no serial number counts it.
        Assert.Equal(MessageCode.HardwareTokenRegistrationLimitReached, (await RegisterAsync(host, "A1", Code(host, SeedA))).ErrorCode);
        Assert.Equal(HardwareTokenStatus.InStock, (await host.Get<HardwareTokenInventory>().FindAsync("A1"))!.Status);

        // Another contract is not affected.
        Assert.True((await RegisterAsync(host, "B1", Code(host, SeedB), other: true)).Succeeded);

        // The next day in Tokyo (the clock starts at 09:00:10 JST): registrations are accepted again.
        host.Time.Advance(TimeSpan.FromHours(15));
        Assert.True((await RegisterAsync(host, "A1", Code(host, SeedA))).Succeeded);
    }

    [Fact]
    public async Task A_code_three_steps_off_is_refused_at_registration_but_the_drift_rules_at_sign_in_are_unchanged()
    {
        using var host = await HostAsync();
        Assert.Equal(MessageCode.HardwareTokenRegistrationFailed, (await RegisterAsync(host, "A1", Code(host, SeedA, 3))).ErrorCode);
        Assert.Equal(MessageCode.HardwareTokenRegistrationFailed, (await RegisterAsync(host, "A1", Code(host, SeedA, -3))).ErrorCode);
        Assert.True((await RegisterAsync(host, "A1", Code(host, SeedA, 2))).Succeeded);
        var inventory = host.Get<HardwareTokenInventory>();
        Assert.Equal(2, (await inventory.FindAsync("A1"))!.Drift);

        // Sign-in: ±1 step (VerificationWindow) around the learnt drift, which follows the token.
        var verifier = host.Get<IHardwareTokenVerifier>();
        var context = host.Context(TokenSetup.User, FlowPurpose.UserCertificateEnrollment, Guid.NewGuid());
        host.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(SecondFactorResult.Verified, (await verifier.VerifyAsync(context with { Now = host.Time.GetUtcNow() }, Code(host, SeedA, 3), default)).Result);
        host.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(SecondFactorResult.Rejected, (await verifier.VerifyAsync(context with { Now = host.Time.GetUtcNow() }, Code(host, SeedA, 5), default)).Result);

        // The bank's resynchronisation still searches ±100 steps.
        Assert.True((await inventory.ResynchronizeAsync("A1", Code(host, SeedA, 60), Code(host, SeedA, 61), TestHost.Operator)).Succeeded);
        Assert.Equal(61, (await inventory.FindAsync("A1"))!.Drift);
    }

    [Fact]
    public async Task A_bound_token_is_refused_for_another_contract()
    {
        using var host = await HostAsync();
        var inventory = host.Get<HardwareTokenInventory>();
        Assert.True((await inventory.BindAsync("B1", OtherContract, TestHost.Operator)).Succeeded);
        Assert.Equal(OtherContract, (await inventory.FindAsync("B1"))!.BoundContractId);
        Assert.Single(await AuditAsync(host, TokenAudit.HardwareTokenBound));

        // The right code, from the wrong contract: answered like a wrong code, and counted.
        Assert.Equal(MessageCode.HardwareTokenRegistrationFailed, (await RegisterAsync(host, "B1", Code(host, SeedB))).ErrorCode);
        Assert.True((await RegisterAsync(host, "B1", Code(host, SeedB), other: true)).Succeeded);

        // Only tokens in stock, of existing contracts, can be bound.
        Assert.Equal(MessageCode.HardwareTokenNotInStock, (await inventory.BindAsync("B1", TestHost.Contract, TestHost.Operator)).ErrorCode);
        Assert.Equal(MessageCode.HardwareTokenNotFound, (await inventory.BindAsync("NO-SUCH", TestHost.Contract, TestHost.Operator)).ErrorCode);
        Assert.Equal(MessageCode.ContractNotFound, (await inventory.BindAsync("A1", ContractId.Parse("11111111111").Value, TestHost.Operator)).ErrorCode);
    }

    [Fact]
    public async Task With_binding_required_only_a_bound_token_can_be_registered()
    {
        using var host = await HostAsync(o => o.RequireBinding = true);
        var inventory = host.Get<HardwareTokenInventory>();
        Assert.Equal(MessageCode.HardwareTokenRegistrationFailed, (await RegisterAsync(host, "A1", Code(host, SeedA))).ErrorCode);
        Assert.True((await inventory.BindAsync("A1", TestHost.Contract, TestHost.Operator)).Succeeded);
        Assert.True((await inventory.UnbindAsync("A1", TestHost.Operator)).Succeeded);
        Assert.Null((await inventory.FindAsync("A1"))!.BoundContractId);
        Assert.Single(await AuditAsync(host, TokenAudit.HardwareTokenUnbound));
        Assert.True((await inventory.BindAsync("A1", TestHost.Contract, TestHost.Operator)).Succeeded);
        host.Time.Advance(TimeSpan.FromSeconds(30));
        Assert.True((await RegisterAsync(host, "A1", Code(host, SeedA))).Succeeded);
    }

    [Fact]
    public async Task Parallel_guesses_at_one_serial_never_evaluate_more_than_the_limit()
    {
        // ④ allows 100 attempts in flight here, and every ④ check waits for its KDF place (on any number of
        // cores), so that all 32 requests reach the token's counter.
        using var host = await HostAsync(o => o.ContractRegistrationFailuresPerDay = 1000, o =>
        {
            o.Lockout.MaxConsecutiveFailures = 100;
            o.PinHashing.MaxQueuedEvaluations = 64;
        });
        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(async () => (await RegisterAsync(host, "A1", Wrong(host, SeedA, i))).ErrorCode)));

        var evaluated = (await AuditAsync(host, TokenAudit.HardwareTokenRegistrationFailed)).Count(a => a.Outcome == AuditOutcome.Failed);
        Assert.Equal(7, evaluated);
        Assert.Equal(32 - 6, results.Count(r => r == MessageCode.HardwareTokenRegistrationBlocked));
        Assert.Equal(6, results.Count(r => r == MessageCode.HardwareTokenRegistrationFailed));
    }

    [Fact]
    public async Task Input_that_is_no_code_is_refused_without_counting()
    {
        using var host = await HostAsync(o => o.ContractRegistrationFailuresPerDay = 1);
        Assert.Equal(MessageCode.OneTimePasswordMalformed, (await RegisterAsync(host, "A1", "１２３４５６")).ErrorCode);
        Assert.Equal(MessageCode.OneTimePasswordLength, (await RegisterAsync(host, "A1", "12345")).ErrorCode);
        Assert.Equal(MessageCode.OneTimePasswordLength, (await RegisterAsync(host, "A1", "123456789")).ErrorCode);
        Assert.Equal(MessageCode.HardwareTokenRegistrationFailed, (await RegisterAsync(host, new string('S', 65), Code(host, SeedA))).ErrorCode);
        Assert.True((await RegisterAsync(host, "A1", Code(host, SeedA))).Succeeded);
    }
}
