using System.Security.Cryptography;
using BizWeb.Auth;
using BizWeb.Testing.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace BizWeb.Tokens.Conformance;

/// <summary>
/// Token registration (P.15) over the stores under test: the failure counters, the token store and
/// the audit trail together never let more wrong codes be evaluated for one serial number than the
/// limit, however many requests arrive at once, and the bank's release and binding are kept.
/// </summary>
public abstract class HardwareTokenRegistrationConformance : TokenStoreConformance
{
    private const string ConfirmationPin = "Confirm456";
    private const string Serial = "REG-0001";
    private static readonly BankOperator Operator = TestBankOperators.Caller("op01");
    private static readonly UserId TaroId = UserId.Parse("taro").Value;
    private readonly byte[] _seed = RandomNumberGenerator.GetBytes(20);

    /// <inheritdoc />
    protected override void ConfigureServices(IServiceCollection services)
    {
        // ④ lets 100 attempts be in flight here, and the contract 1000 failures a day, so that every
        // parallel request reaches the token's counter.
        services.Configure<BizWebOptions>(o => o.Lockout.MaxConsecutiveFailures = 100);
        services.Configure<HardwareTokenOptions>(o => o.ContractRegistrationFailuresPerDay = 1000);
    }

    [Fact]
    public async Task Parallel_guesses_at_one_serial_never_evaluate_more_than_the_limit()
    {
        await ContractWithUserAndTokenAsync();
        var registration = Services.GetRequiredService<HardwareTokenRegistration>();
        var admin = await AdminAsync();
        using var start = new ManualResetEventSlim();
        var guesses = Enumerable.Range(0, 32).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return (await registration.RegisterAsync(admin, TaroId, Serial, Code(1_000 + i), ConfirmationPin)).ErrorCode;
        })).ToArray();
        start.Set();
        var answers = await Task.WhenAll(guesses);

        var audit = await Services.GetRequiredService<IAuditTrailStore>().ReadAsync(0, 10_000, default);
        Assert.Equal(7, audit.Count(a => a.Action == "HardwareTokenRegistrationFailed" && a.Outcome == AuditOutcome.Failed));
        Assert.Single(audit, a => a.Action == "HardwareTokenRegistrationBlocked");
        Assert.Equal(6, answers.Count(a => a == MessageCode.HardwareTokenRegistrationFailed));
        Assert.Equal(26, answers.Count(a => a == MessageCode.HardwareTokenRegistrationBlocked));

        // Blocked for the right code too, until the bank releases it.
        var inventory = Services.GetRequiredService<HardwareTokenInventory>();
        Assert.True(await inventory.IsRegistrationBlockedAsync(Serial));
        Assert.Equal(MessageCode.HardwareTokenRegistrationBlocked, (await RegisterAsync(Code(0))).ErrorCode);
        Assert.True((await inventory.ReleaseRegistrationBlockAsync(Serial, Operator)).Succeeded);
        Assert.False(await inventory.IsRegistrationBlockedAsync(Serial));
        var registered = await RegisterAsync(Code(0));
        Assert.True(registered.Succeeded, registered.ToString());
        Assert.Equal(HardwareTokenStatus.Assigned, (await Tokens.FindAsync(Serial, default))!.Status);
    }

    [Fact]
    public async Task A_bound_token_is_registered_only_by_its_contract()
    {
        await ContractWithUserAndTokenAsync();
        var inventory = Services.GetRequiredService<HardwareTokenInventory>();
        Assert.Equal(MessageCode.ContractNotFound, (await inventory.BindAsync(Serial, ContractId.Parse("98765432109").Value, Operator)).ErrorCode);
        await Services.GetRequiredService<BankOperations>().CreateContractAsync(Operator, "98765432109", "5678", LockoutMode.Linked);
        Assert.True((await inventory.BindAsync(Serial, ContractId.Parse("98765432109").Value, Operator)).Succeeded);
        Assert.Equal(MessageCode.HardwareTokenRegistrationFailed, (await RegisterAsync(Code(0))).ErrorCode);

        Assert.True((await inventory.BindAsync(Serial, Contract, Operator)).Succeeded);
        var registered = await RegisterAsync(Code(0));
        Assert.True(registered.Succeeded, registered.ToString());
        Assert.Equal(MessageCode.HardwareTokenNotInStock, (await inventory.UnbindAsync(Serial, Operator)).ErrorCode);
    }

    private async Task<AuthResult> RegisterAsync(string code) =>
        await Services.GetRequiredService<HardwareTokenRegistration>().RegisterAsync(await AdminAsync(), TaroId, Serial, code, ConfirmationPin);

    /// <summary>The token's RFC 6238 code <paramref name="offset"/> steps from now (SHA-1, 6 digits, 30 s).</summary>
    private string Code(int offset) =>
        OathCode.Of(_seed, (Services.GetRequiredService<TimeProvider>().GetUtcNow().ToUnixTimeSeconds() / 30) + offset);

    /// <summary>An activated contract (<see cref="TokenStoreConformance.Contract"/>, ④ <see cref="ConfirmationPin"/>) with user taro, and token <see cref="Serial"/> in stock.</summary>
    private async Task ContractWithUserAndTokenAsync()
    {
        const string RegistrationPin = "1234";
        var browser = AuditActor.Anonymous("192.0.2.1");
        Assert.True((await Services.GetRequiredService<BankOperations>().CreateContractAsync(Operator, Contract.ToString(), RegistrationPin, LockoutMode.Linked)).Succeeded);
        var card = (await Services.GetRequiredService<CustomerCardIssuance>().IssueAsync(Contract, Operator, default)).Value;
        var activation = Services.GetRequiredService<AdminActivation>();
        var begun = await activation.BeginAsync(Contract.ToString(), RegistrationPin, browser);
        Assert.True(begun.Succeeded, begun.ToString());
        var step = await activation.SetCredentialsAsync(begun.Value.Handle, RegistrationPin, "Login123", ConfirmationPin, "admin@example.jp", browser);
        Assert.True(step.Succeeded, step.ToString());
        var answer = string.Concat(step.Value.Challenge.Prompts.Select(p => CustomerCardPositions.TryParse(p, out var position) ? card.GetValue(position) : throw new InvalidOperationException(p)));
        var done = await activation.CompleteAsync(step.Value.Handle, answer, browser);
        Assert.True(done.Succeeded, done.ToString());

        var user = await Services.GetRequiredService<UserAdministration>().RegisterAsync(
            await AdminAsync(),
            new UserRegistration { UserId = "taro", NameKana = "ﾀﾛｳ", TemporaryLoginPin = "Temp1234", TemporaryConfirmationPin = "Temp5678", IssueCertificate = true },
            ConfirmationPin);
        Assert.True(user.Succeeded, user.ToString());

        var token = new HardwareToken
        {
            SerialNumber = Serial,
            ProtectedSeed = Services.GetRequiredService<ISecretProtector>().Protect(_seed, "BizWeb.Tokens.Seed"),
            ImportedAt = T0,
        };
        Assert.Empty(await Tokens.AddAllAsync([token], null, default));
    }
}
