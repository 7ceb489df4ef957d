namespace BizWeb.Auth.Conformance;

/// <summary>The outbox: due order, one claim per attempt, delivery and retry bookkeeping.</summary>
public abstract class OutboxConformance : AuthStoreConformance
{
    [Fact]
    public async Task Due_notifications_come_oldest_first_and_only_when_due()
    {
        var first = NewNotification(T0);
        var second = NewNotification(T0.AddSeconds(1));
        var later = NewNotification(T0.AddMinutes(10));
        await UnitOfWork.CommitAsync(new AuthChanges().Enqueue(second).Enqueue(later).Enqueue(first), default);

        Assert.Equal([first.Id, second.Id], (await Outbox.ListDueAsync(T0.AddMinutes(1), 10, default)).Select(n => n.Id));
        Assert.Single(await Outbox.ListDueAsync(T0.AddMinutes(1), 1, default));
        Assert.Equal(3, await Outbox.CountPendingAsync(default));
    }

    [Fact]
    public async Task A_notification_is_claimed_once_per_attempt_even_in_parallel()
    {
        var notification = NewNotification(T0);
        await UnitOfWork.CommitAsync(new AuthChanges().Enqueue(notification), default);

        var claims = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => Outbox.TryClaimAsync(notification.Id, 0, T0, T0.AddMinutes(2), default).AsTask())));

        Assert.Equal(1, claims.Count(c => c));
        Assert.Empty(await Outbox.ListDueAsync(T0.AddMinutes(1), 10, default));
        var reclaimed = Assert.Single(await Outbox.ListDueAsync(T0.AddMinutes(2), 10, default));
        Assert.Equal(1, reclaimed.Attempts);
    }

    [Fact]
    public async Task Delivered_and_abandoned_notifications_are_no_longer_pending()
    {
        var delivered = NewNotification(T0);
        var failing = NewNotification(T0);
        await UnitOfWork.CommitAsync(new AuthChanges().Enqueue(delivered).Enqueue(failing), default);

        await Outbox.TryClaimAsync(delivered.Id, 0, T0, T0.AddMinutes(2), default);
        await Outbox.MarkDeliveredAsync(delivered.Id, T0.AddSeconds(3), default);
        await Outbox.TryClaimAsync(failing.Id, 0, T0, T0.AddMinutes(2), default);
        await Outbox.MarkFailedAsync(failing.Id, T0.AddMinutes(5), "IOException", abandoned: false, default);

        Assert.Equal(1, await Outbox.CountPendingAsync(default));
        var retry = Assert.Single(await Outbox.ListDueAsync(T0.AddMinutes(5), 10, default));
        Assert.Equal("IOException", retry.LastError);
        Assert.False(await Outbox.TryClaimAsync(delivered.Id, 1, T0.AddHours(1), T0.AddHours(2), default));

        await Outbox.MarkFailedAsync(failing.Id, T0.AddMinutes(10), "IOException", abandoned: true, default);
        Assert.Equal(0, await Outbox.CountPendingAsync(default));
        var all = await Outbox.ListForContractAsync(NewContract().Id, default);
        Assert.Equal(2, all.Count);
        Assert.Contains(all, n => n.Id == delivered.Id && n.DeliveredAt == T0.AddSeconds(3));
        Assert.Contains(all, n => n.Id == failing.Id && n.Abandoned);
    }
}
