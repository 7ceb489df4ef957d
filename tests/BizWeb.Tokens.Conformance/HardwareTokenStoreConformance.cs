namespace BizWeb.Tokens.Conformance;

/// <summary>The token inventory: all-or-nothing import, one token per user, conditional replay protection.</summary>
public abstract class HardwareTokenStoreConformance : TokenStoreConformance
{
    [Fact]
    public async Task Tokens_round_trip_with_every_field()
    {
        var token = NewToken("A1");
        Assert.Empty(await Tokens.AddAllAsync([token], default));
        var stored = (await Tokens.FindAsync("A1", default))!;
        Assert.Equal(token.ProtectedSeed, stored.ProtectedSeed);
        Assert.Equal(
            (token.Algorithm, token.Digits, token.PeriodSeconds, token.EpochSeconds, token.OcraSuite, token.Manufacturer, token.Status, token.Owner, token.Drift, token.LastUsedStep, token.ImportedAt),
            (stored.Algorithm, stored.Digits, stored.PeriodSeconds, stored.EpochSeconds, stored.OcraSuite, stored.Manufacturer, stored.Status, stored.Owner, stored.Drift, stored.LastUsedStep, stored.ImportedAt));
        Assert.Null(await Tokens.FindAsync("a1", default));
    }

    [Fact]
    public async Task Adding_is_all_or_nothing()
    {
        Assert.Empty(await Tokens.AddAllAsync([NewToken("A1")], default));
        Assert.Equal(["A1"], await Tokens.AddAllAsync([NewToken("B1"), NewToken("A1"), NewToken("C1")], default));
        Assert.Null(await Tokens.FindAsync("B1", default));
        Assert.Null(await Tokens.FindAsync("C1", default));
    }

    [Fact]
    public async Task The_inventory_lists_by_serial_number_in_pages()
    {
        Assert.Empty(await Tokens.AddAllAsync([NewToken("C"), NewToken("A"), NewToken("B"), NewToken("D")], default));
        Assert.Equal(["B", "C"], (await Tokens.ListAsync(1, 2, default)).Select(t => t.SerialNumber));
    }

    [Fact]
    public async Task Assigning_a_second_token_retires_the_first_and_only_stock_can_be_assigned()
    {
        Assert.Empty(await Tokens.AddAllAsync([NewToken("A1"), NewToken("A2")], default));
        Assert.Equal(new HardwareTokenAssignment(true, null), await Tokens.TryAssignAsync("A1", Taro, 100, 2, T0, default));
        Assert.Equal(new HardwareTokenAssignment(false, null), await Tokens.TryAssignAsync("A1", Hanako, 100, 0, T0, default));
        Assert.Equal(new HardwareTokenAssignment(true, "A1"), await Tokens.TryAssignAsync("A2", Taro, 200, -1, T0, default));

        var first = (await Tokens.FindAsync("A1", default))!;
        Assert.Equal((HardwareTokenStatus.Retired, (Auth.PrincipalId?)null), (first.Status, first.Owner));
        var second = (await Tokens.FindByOwnerAsync(Taro, default))!;
        Assert.Equal(("A2", HardwareTokenStatus.Assigned, 200L, -1, (DateTimeOffset?)T0), (second.SerialNumber, second.Status, second.LastUsedStep, second.Drift, second.ChangedAt));
        Assert.Equal(new HardwareTokenAssignment(false, null), await Tokens.TryAssignAsync("A1", Hanako, 300, 0, T0, default));
    }

    [Fact]
    public async Task Retiring_frees_the_owner_once()
    {
        Assert.Empty(await Tokens.AddAllAsync([NewToken("A1")], default));
        await Tokens.TryAssignAsync("A1", Taro, 1, 0, T0, default);
        Assert.Equal(Taro, (await Tokens.TryRetireAsync("A1", T0, default))!.Owner);
        Assert.Null(await Tokens.FindByOwnerAsync(Taro, default));
        Assert.Null(await Tokens.TryRetireAsync("A1", T0, default));
        Assert.Null(await Tokens.TryRetireAsync("none", T0, default));
    }

    [Fact]
    public async Task A_step_is_recorded_only_after_the_last_one_and_only_for_the_owner()
    {
        Assert.Empty(await Tokens.AddAllAsync([NewToken("A1")], default));
        Assert.False(await Tokens.TryRecordUseAsync("A1", Taro, 5, 0, default));
        await Tokens.TryAssignAsync("A1", Taro, 10, 0, T0, default);

        Assert.False(await Tokens.TryRecordUseAsync("A1", Taro, 10, 0, default));
        Assert.False(await Tokens.TryRecordUseAsync("A1", Taro, 9, 0, default));
        Assert.False(await Tokens.TryRecordUseAsync("A1", Hanako, 11, 0, default));
        Assert.True(await Tokens.TryRecordUseAsync("A1", Taro, 11, 1, default));
        var token = (await Tokens.FindAsync("A1", default))!;
        Assert.Equal((11L, 1), (token.LastUsedStep, token.Drift));
    }

    [Fact]
    public async Task The_same_step_recorded_32_times_in_parallel_succeeds_once()
    {
        Assert.Empty(await Tokens.AddAllAsync([NewToken("A1")], default));
        await Tokens.TryAssignAsync("A1", Taro, 10, 0, T0, default);
        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => Tokens.TryRecordUseAsync("A1", Taro, 11, 0, default).AsTask())));
        Assert.Equal(1, results.Count(r => r));
    }
}
