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

    [Fact]
    public async Task A_reservation_is_given_back_only_while_the_counter_holds_it()
    {
        var first = await Counters.TryReserveAttemptAsync("r", 7, T0, null, default);
        var second = await Counters.TryReserveAttemptAsync("r", 7, T0, null, default);

        // The first reservation is no longer the count (the second came since): its give-back changes nothing.
        Assert.False(await Counters.TryReleaseAttemptAsync("r", first.Failures, default));
        Assert.Equal(2, await Counters.GetFailuresAsync("r", T0, default));
        Assert.True(await Counters.TryReleaseAttemptAsync("r", second.Failures, default));
        Assert.Equal(1, await Counters.GetFailuresAsync("r", T0, default));
        Assert.False(await Counters.TryReleaseAttemptAsync("r", second.Failures, default));

        Assert.True(await Counters.TryReleaseAttemptAsync("r", 1, default));
        Assert.Equal(0, await Counters.GetFailuresAsync("r", T0, default));
        Assert.False(await Counters.TryReleaseAttemptAsync("r", 1, default));
        Assert.Equal(0, await Counters.GetFailuresAsync("r", T0, default));
        Assert.Equal(new AttemptReservation(true, 1), await Counters.TryReserveAttemptAsync("r", 7, T0, null, default));
    }

    [Fact]
    public async Task A_give_back_after_a_reset_or_for_another_counter_changes_nothing()
    {
        var reserved = await Counters.TryReserveAttemptAsync("s", 7, T0, null, default);
        await Counters.TryReserveAttemptAsync("t", 7, T0, null, default);
        await Counters.ResetAsync("s", default);
        Assert.False(await Counters.TryReleaseAttemptAsync("s", reserved.Failures, default));
        Assert.False(await Counters.TryReleaseAttemptAsync("never-used", 1, default));
        Assert.Equal(0, await Counters.GetFailuresAsync("s", T0, default));
        Assert.Equal(1, await Counters.GetFailuresAsync("t", T0, default));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Counters.TryReleaseAttemptAsync("t", 0, default).AsTask());
    }

    [Fact]
    public async Task Parallel_reservations_and_give_backs_never_pass_the_limit_nor_go_below_zero()
    {
        // Every request reserves, then gives its attempt back: whatever the interleaving, at most the
        // limit is ever held at once, no give-back erases more than its own reservation, and the
        // count ends between 0 and what was not given back.
        var results = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(async () =>
        {
            var reservation = await Counters.TryReserveAttemptAsync("q", 7, T0, null, default);
            return reservation.Reserved && await Counters.TryReleaseAttemptAsync("q", reservation.Failures, default);
        })));
        var failures = await Counters.GetFailuresAsync("q", T0, default);
        Assert.InRange(failures, 0, 7);
        Assert.Contains(true, results);
    }
}
