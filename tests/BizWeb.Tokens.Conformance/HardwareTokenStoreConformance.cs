using BizWeb.Auth;

namespace BizWeb.Tokens.Conformance;

/// <summary>The token inventory: all-or-nothing import, one token per user, conditional replay protection.</summary>
public abstract class HardwareTokenStoreConformance : TokenStoreConformance
{
    [Fact]
    public async Task A_default_owner_is_refused_as_a_programming_error()
    {
        await Tokens.AddAllAsync([NewToken("DEF-0001")], null, default);
        PrincipalId none = default;

        await Assert.ThrowsAsync<ArgumentException>(() => Tokens.FindByOwnerAsync(none, default).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => Tokens.TryAssignAsync("DEF-0001", none, 1, 0, T0, null, default).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => Tokens.TryRecordUseAsync("DEF-0001", none, 2, 0, null, default).AsTask());
        await Assert.ThrowsAsync<ArgumentException>(() => Tokens.FindByOwnerAsync(new PrincipalId(Contract, default(UserId)), default).AsTask());
        Assert.Equal(HardwareTokenStatus.InStock, (await Tokens.FindAsync("DEF-0001", default))!.Status);
    }

    [Fact]
    public async Task Tokens_round_trip_with_every_field()
    {
        var token = NewToken("A1") with { BoundContractId = Contract };
        Assert.Empty(await Tokens.AddAllAsync([token], null, default));
        var stored = (await Tokens.FindAsync("A1", default))!;
        Assert.Equal(token.ProtectedSeed, stored.ProtectedSeed);
        Assert.Equal(
            (token.Algorithm, token.Digits, token.PeriodSeconds, token.EpochSeconds, token.OcraSuite, token.Manufacturer, token.Status, token.Owner, token.BoundContractId, token.Drift, token.LastUsedStep, token.ImportedAt),
            (stored.Algorithm, stored.Digits, stored.PeriodSeconds, stored.EpochSeconds, stored.OcraSuite, stored.Manufacturer, stored.Status, stored.Owner, stored.BoundContractId, stored.Drift, stored.LastUsedStep, stored.ImportedAt));
        Assert.Null(await Tokens.FindAsync("a1", default));
    }

    [Fact]
    public async Task Each_change_commits_with_its_audit_record_and_a_refused_one_records_nothing()
    {
        Assert.Empty(await Tokens.AddAllAsync([NewToken("A1"), NewToken("A2")], Audited("imported"), default));
        Assert.Equal(["A1"], await Tokens.AddAllAsync([NewToken("A1")], Audited("imported again"), default));
        Assert.Equal(new HardwareTokenAssignment(true, null), await Tokens.TryAssignAsync("A1", Taro, 10, 0, T0, a => Audited($"assigned A1 {a.ReplacedSerialNumber}"), default));
        Assert.False((await Tokens.TryAssignAsync("A1", Hanako, 10, 0, T0, _ => throw new InvalidOperationException("called for a refused assignment"), default)).Assigned);
        Assert.True((await Tokens.TryAssignAsync("A2", Taro, 10, 0, T0, a => Audited($"assigned A2 {a.ReplacedSerialNumber}"), default)).Assigned);
        Assert.False(await Tokens.TryRecordUseAsync("A2", Taro, 10, 0, Audited("replayed"), default));
        Assert.True(await Tokens.TryRecordUseAsync("A2", Taro, 11, 0, Audited("used 11"), default));
        Assert.NotNull(await Tokens.TryRetireAsync("A2", T0, t => Audited($"retired {t.SerialNumber} of {t.Owner}"), default));
        Assert.Null(await Tokens.TryRetireAsync("A2", T0, _ => throw new InvalidOperationException("called for a refused retirement"), default));
        Assert.Equal(["imported", "assigned A1 ", "assigned A2 A1", "used 11", $"retired A2 of {Taro}"], await AuditedDetailsAsync());
    }

    [Fact]
    public async Task A_change_whose_audit_record_cannot_commit_is_not_stored()
    {
        Assert.Empty(await Tokens.AddAllAsync([NewToken("A1")], null, default));
        await Assert.ThrowsAnyAsync<Exception>(async () => await Tokens.AddAllAsync([NewToken("B1")], await ConflictingAsync("import"), default));
        Assert.Null(await Tokens.FindAsync("B1", default));

        var clash = await ConflictingAsync("assign");
        await Assert.ThrowsAnyAsync<Exception>(async () => await Tokens.TryAssignAsync("A1", Taro, 10, 0, T0, _ => clash, default));
        Assert.Equal(HardwareTokenStatus.InStock, (await Tokens.FindAsync("A1", default))!.Status);
        Assert.Null(await Tokens.FindByOwnerAsync(Taro, default));

        Assert.True((await Tokens.TryAssignAsync("A1", Taro, 10, 0, T0, null, default)).Assigned);
        await Assert.ThrowsAnyAsync<Exception>(async () => await Tokens.TryRecordUseAsync("A1", Taro, 11, 0, await ConflictingAsync("use"), default));
        Assert.Equal(10, (await Tokens.FindAsync("A1", default))!.LastUsedStep);
        clash = await ConflictingAsync("retire");
        await Assert.ThrowsAnyAsync<Exception>(async () => await Tokens.TryRetireAsync("A1", T0, _ => clash, default));
        Assert.Equal(HardwareTokenStatus.Assigned, (await Tokens.FindAsync("A1", default))!.Status);
        Assert.Empty(await AuditedDetailsAsync());
    }

    [Fact]
    public async Task Only_a_token_in_stock_is_bound_and_the_binding_commits_with_its_audit_record()
    {
        Assert.Empty(await Tokens.AddAllAsync([NewToken("A1"), NewToken("A2")], null, default));
        Assert.Null((await Tokens.TryBindAsync("A1", Contract, t => Audited($"bound {t.SerialNumber} (was {t.BoundContractId})"), default))!.BoundContractId);
        Assert.Equal(Contract, (await Tokens.FindAsync("A1", default))!.BoundContractId);
        Assert.Equal(Contract, (await Tokens.TryBindAsync("A1", null, t => Audited($"unbound {t.SerialNumber} (was {t.BoundContractId})"), default))!.BoundContractId);
        Assert.Null((await Tokens.FindAsync("A1", default))!.BoundContractId);

        Assert.Null(await Tokens.TryBindAsync("none", Contract, _ => throw new InvalidOperationException("called for an unknown token"), default));
        Assert.True((await Tokens.TryAssignAsync("A2", Taro, 1, 0, T0, null, default)).Assigned);
        Assert.Null(await Tokens.TryBindAsync("A2", Contract, _ => throw new InvalidOperationException("called for an assigned token"), default));
        Assert.Null((await Tokens.FindAsync("A2", default))!.BoundContractId);

        var clash = await ConflictingAsync("bind");
        await Assert.ThrowsAnyAsync<Exception>(async () => await Tokens.TryBindAsync("A1", Contract, _ => clash, default));
        Assert.Null((await Tokens.FindAsync("A1", default))!.BoundContractId);
        Assert.Equal(["bound A1 (was )", $"unbound A1 (was {Contract})"], await AuditedDetailsAsync());
    }

    [Fact]
    public async Task Adding_is_all_or_nothing()
    {
        Assert.Empty(await Tokens.AddAllAsync([NewToken("A1")], null, default));
        Assert.Equal(["A1"], await Tokens.AddAllAsync([NewToken("B1"), NewToken("A1"), NewToken("C1")], null, default));
        Assert.Null(await Tokens.FindAsync("B1", default));
        Assert.Null(await Tokens.FindAsync("C1", default));
    }

    [Fact]
    public async Task The_inventory_lists_by_serial_number_in_pages()
    {
        Assert.Empty(await Tokens.AddAllAsync([NewToken("C"), NewToken("A"), NewToken("B"), NewToken("D")], null, default));
        Assert.Equal(["B", "C"], (await Tokens.ListAsync(1, 2, default)).Select(t => t.SerialNumber));
    }

    [Fact]
    public async Task Assigning_a_second_token_retires_the_first_and_only_stock_can_be_assigned()
    {
        Assert.Empty(await Tokens.AddAllAsync([NewToken("A1"), NewToken("A2")], null, default));
        Assert.Equal(new HardwareTokenAssignment(true, null), await Tokens.TryAssignAsync("A1", Taro, 100, 2, T0, null, default));
        Assert.Equal(new HardwareTokenAssignment(false, null), await Tokens.TryAssignAsync("A1", Hanako, 100, 0, T0, null, default));
        Assert.Equal(new HardwareTokenAssignment(true, "A1"), await Tokens.TryAssignAsync("A2", Taro, 200, -1, T0, null, default));

        var first = (await Tokens.FindAsync("A1", default))!;
        Assert.Equal((HardwareTokenStatus.Retired, (Auth.PrincipalId?)null), (first.Status, first.Owner));
        var second = (await Tokens.FindByOwnerAsync(Taro, default))!;
        Assert.Equal(("A2", HardwareTokenStatus.Assigned, 200L, -1, (DateTimeOffset?)T0), (second.SerialNumber, second.Status, second.LastUsedStep, second.Drift, second.ChangedAt));
        Assert.Equal(new HardwareTokenAssignment(false, null), await Tokens.TryAssignAsync("A1", Hanako, 300, 0, T0, null, default));
    }

    [Fact]
    public async Task Retiring_frees_the_owner_once()
    {
        Assert.Empty(await Tokens.AddAllAsync([NewToken("A1")], null, default));
        await Tokens.TryAssignAsync("A1", Taro, 1, 0, T0, null, default);
        Assert.Equal(Taro, (await Tokens.TryRetireAsync("A1", T0, null, default))!.Owner);
        Assert.Null(await Tokens.FindByOwnerAsync(Taro, default));
        Assert.Null(await Tokens.TryRetireAsync("A1", T0, null, default));
        Assert.Null(await Tokens.TryRetireAsync("none", T0, null, default));
    }

    [Fact]
    public async Task A_step_is_recorded_only_after_the_last_one_and_only_for_the_owner()
    {
        Assert.Empty(await Tokens.AddAllAsync([NewToken("A1")], null, default));
        Assert.False(await Tokens.TryRecordUseAsync("A1", Taro, 5, 0, null, default));
        await Tokens.TryAssignAsync("A1", Taro, 10, 0, T0, null, default);

        Assert.False(await Tokens.TryRecordUseAsync("A1", Taro, 10, 0, null, default));
        Assert.False(await Tokens.TryRecordUseAsync("A1", Taro, 9, 0, null, default));
        Assert.False(await Tokens.TryRecordUseAsync("A1", Hanako, 11, 0, null, default));
        Assert.True(await Tokens.TryRecordUseAsync("A1", Taro, 11, 1, null, default));
        var token = (await Tokens.FindAsync("A1", default))!;
        Assert.Equal((11L, 1), (token.LastUsedStep, token.Drift));
    }

    [Fact]
    public async Task The_same_step_recorded_32_times_in_parallel_succeeds_once()
    {
        Assert.Empty(await Tokens.AddAllAsync([NewToken("A1")], null, default));
        await Tokens.TryAssignAsync("A1", Taro, 10, 0, T0, null, default);
        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => Tokens.TryRecordUseAsync("A1", Taro, 11, 0, null, default).AsTask())));
        Assert.Equal(1, results.Count(r => r));
    }
}
