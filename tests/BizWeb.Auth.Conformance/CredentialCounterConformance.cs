namespace BizWeb.Auth.Conformance;

/// <summary>Failure counters: reservation is atomic and never passes the limit (SPEC.md §5).</summary>
public abstract class CredentialCounterConformance : AuthStoreConformance
{
    [Fact]
    public async Task Reservations_count_up_to_the_limit_and_then_refuse()
    {
        for (var i = 1; i <= 7; i++)
        {
            Assert.Equal(new AttemptReservation(true, i), await Counters.TryReserveAttemptAsync("k", 7, T0, null, default));
        }

        Assert.Equal(new AttemptReservation(false, 7), await Counters.TryReserveAttemptAsync("k", 7, T0, null, default));
        Assert.Equal(7, await Counters.GetFailuresAsync("k", T0, default));
    }

    [Fact]
    public async Task Reset_changes_only_its_own_counter()
    {
        await Counters.TryReserveAttemptAsync("a", 7, T0, null, default);
        await Counters.TryReserveAttemptAsync("a", 7, T0, null, default);
        await Counters.TryReserveAttemptAsync("b", 7, T0, null, default);

        await Counters.ResetAsync("a", default);
        Assert.Equal(0, await Counters.GetFailuresAsync("a", T0, default));
        Assert.Equal(1, await Counters.GetFailuresAsync("b", T0, default));
        await Counters.ResetAsync("never-used", default);
        Assert.Equal(0, await Counters.GetFailuresAsync("never-used", T0, default));
    }

    [Fact]
    public async Task An_expired_counter_counts_from_zero()
    {
        for (var i = 0; i < 7; i++)
        {
            await Counters.TryReserveAttemptAsync("?x", 7, T0, T0.AddHours(24), default);
        }

        Assert.False((await Counters.TryReserveAttemptAsync("?x", 7, T0.AddHours(23), T0.AddHours(47), default)).Reserved);
        Assert.Equal(new AttemptReservation(true, 1), await Counters.TryReserveAttemptAsync("?x", 7, T0.AddHours(24), T0.AddHours(48), default));
    }

    [Fact]
    public async Task Parallel_reservations_never_pass_the_limit()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(() => Counters.TryReserveAttemptAsync("p", 7, T0, null, default).AsTask())));

        Assert.Equal(7, results.Count(r => r.Reserved));
        Assert.Equal(Enumerable.Range(1, 7), results.Where(r => r.Reserved).Select(r => r.Failures).Order());
        Assert.Equal(7, await Counters.GetFailuresAsync("p", T0, default));
    }
}
