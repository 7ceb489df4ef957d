using BizWeb.Testing.Auth;

namespace BizWeb.Auth.Tests.Audit;

/// <summary>The append-only, hash-chained audit trail: the verifier finds the first broken link.</summary>
public sealed class AuditChainTests : IDisposable
{
    private readonly AuthHarness _h = AuthHarness.Create();

    public void Dispose() => _h.Dispose();

    private async Task<List<AuditEntry>> ScenarioAsync()
    {
        var (contract, certificate) = await _h.ActiveContractAsync();
        await _h.Get<AdminSignIn>().VerifyPinAsync(certificate, "wrong999", AuthHarness.Browser);
        await _h.SignInAdminAsync(certificate);
        await _h.RegisterUserAsync(contract);
        return [.. await _h.AuditAsync()];
    }

    [Fact]
    public async Task A_full_scenario_leaves_an_intact_chain_that_names_who_what_and_from_where()
    {
        var records = await ScenarioAsync();

        Assert.True(AuditChain.Verify(records).IsIntact);
        Assert.Equal(AuditChain.GenesisHash, records[0].PreviousHash);
        Assert.True((await _h.Get<AuditTrail>().VerifyAsync()).IsIntact);
        Assert.Contains(records, r => r.Action == "ContractCreated" && r.Actor.Kind == AuditActorKind.BankOperator && r.Actor.Id == "op001" && r.Actor.ClientAddress == "10.0.0.5");
        Assert.Contains(records, r => r.Action == "AdminSignIn" && r.Outcome == AuditOutcome.Failed && r.Detail == nameof(MessageCode.AdminSignInFailed) && r.Actor.ClientAddress == "203.0.113.7");
        Assert.Contains(records, r => r.Action == "UserRegistered" && r.Actor.Kind == AuditActorKind.Administrator);
    }

    [Fact]
    public async Task An_edited_record_breaks_the_chain_at_that_record()
    {
        var records = await ScenarioAsync();
        records[3] = records[3] with { Action = records[3].Action + "X" };

        var verification = AuditChain.Verify(records);
        Assert.False(verification.IsIntact);
        Assert.Equal(4, verification.FirstBrokenSequence);
        Assert.Equal(3, verification.VerifiedRecords);
    }

    [Fact]
    public async Task A_recomputed_hash_still_breaks_the_next_link()
    {
        var records = await ScenarioAsync();
        var edited = records[3] with { Actor = AuditActor.System };
        records[3] = edited with { Hash = AuditChain.ComputeHash(edited) };

        Assert.Equal(5, AuditChain.Verify(records).FirstBrokenSequence);
    }

    [Fact]
    public async Task A_deleted_record_breaks_the_chain()
    {
        var records = await ScenarioAsync();
        records.RemoveAt(2);

        Assert.Equal(3, AuditChain.Verify(records).FirstBrokenSequence);
    }

    [Fact]
    public async Task Reordered_records_break_the_chain()
    {
        var records = await ScenarioAsync();
        (records[4], records[5]) = (records[5], records[4]);

        Assert.Equal(5, AuditChain.Verify(records).FirstBrokenSequence);
    }

    [Fact]
    public void Fields_cannot_be_shifted_into_one_another()
    {
        var a = new AuditEntry { At = DateTimeOffset.UnixEpoch, Actor = new AuditActor(AuditActorKind.User, "ab"), Action = "c", Outcome = AuditOutcome.Succeeded };
        var b = a with { Actor = new AuditActor(AuditActorKind.User, "a"), Action = "bc" };
        Assert.NotEqual(AuditChain.ComputeHash(a), AuditChain.ComputeHash(b));
    }
}
