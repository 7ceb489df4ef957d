using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BizWeb.Auth.Tests.Lifecycle;

/// <summary>The transfer's transitions (利用者9-1 … 9-2, 資金移動先予約取消) as the flow takes them, written out independently of <see cref="TransferLifecycle"/>.</summary>
public sealed class TransferLifecycleProperties
{
    private static readonly HashSet<(TransferState, TransferTrigger, TransferState)> Table =
    [
        (TransferState.Drafted, TransferTrigger.Reviewed, TransferState.Reviewed),
        (TransferState.Reviewed, TransferTrigger.Reviewed, TransferState.Reviewed),
        (TransferState.Reviewed, TransferTrigger.Confirmed, TransferState.Executing),
        (TransferState.Reviewed, TransferTrigger.Refused, TransferState.Refused),
        (TransferState.Executing, TransferTrigger.Refused, TransferState.Refused),
        (TransferState.Executing, TransferTrigger.Authorised, TransferState.Authorised),
        (TransferState.Executing, TransferTrigger.Failed, TransferState.Failed),
        (TransferState.Authorised, TransferTrigger.Cancelled, TransferState.Cancelled),
    ];

    private static readonly TransferState[] Terminal = [TransferState.Refused, TransferState.Failed, TransferState.Cancelled];

    /// <summary>Every state the table reaches from <see cref="TransferState.Drafted"/>.</summary>
    private static readonly HashSet<TransferState> Reachable = Closure(TransferState.Drafted, Table.Select(t => (t.Item1, t.Item3)));

    [Property(MaxTest = 2000)]
    public Property Random_trigger_sequences_stay_in_the_table_and_final_states_accept_nothing() =>
        Prop.ForAll(Arb.From(Gen.ListOf(Gen.Elements(Enum.GetValues<TransferTrigger>()))), triggers =>
        {
            var state = TransferState.Drafted;
            foreach (var trigger in triggers)
            {
                if (TransferLifecycle.TryNext(state, trigger, out var next))
                {
                    if (!Table.Contains((state, trigger, next)) || !Reachable.Contains(next) || Terminal.Contains(state))
                    {
                        return false;
                    }

                    state = next;
                }
                else if (Table.Any(t => t.Item1 == state && t.Item2 == trigger))
                {
                    return false;
                }
            }

            return true;
        });

    [Fact]
    public void Every_state_and_trigger_answers_exactly_the_table()
    {
        foreach (var state in Enum.GetValues<TransferState>())
        {
            foreach (var trigger in Enum.GetValues<TransferTrigger>())
            {
                var expected = Table.Where(t => t.Item1 == state && t.Item2 == trigger).Select(t => (TransferState?)t.Item3).SingleOrDefault();
                Assert.Equal(expected is not null, TransferLifecycle.TryNext(state, trigger, out var next));
                if (expected is { } e)
                {
                    Assert.Equal(e, next);
                }
            }
        }
    }

    [Fact]
    public void Every_state_is_reachable_from_a_draft_and_the_final_ones_accept_no_trigger()
    {
        Assert.Equal(Enum.GetValues<TransferState>().ToHashSet(), Reachable);
        Assert.All(Terminal, s => Assert.All(Enum.GetValues<TransferTrigger>(), t => Assert.False(TransferLifecycle.TryNext(s, t, out _))));
    }

    [Theory]
    [InlineData(TransferState.Drafted, TransferTrigger.Reviewed, TransferState.Reviewed)] // 利用者9-1 資金移動確認画面
    [InlineData(TransferState.Reviewed, TransferTrigger.Reviewed, TransferState.Reviewed)] // reviewing again replaces the confirmation
    [InlineData(TransferState.Reviewed, TransferTrigger.Confirmed, TransferState.Executing)] // token OTP verified, claimed
    [InlineData(TransferState.Reviewed, TransferTrigger.Refused, TransferState.Refused)] // changed after review
    [InlineData(TransferState.Executing, TransferTrigger.Refused, TransferState.Refused)] // a limit or permission at execution
    [InlineData(TransferState.Executing, TransferTrigger.Authorised, TransferState.Authorised)] // 利用者9-2 送信完了
    [InlineData(TransferState.Executing, TransferTrigger.Failed, TransferState.Failed)] // the executor refused
    [InlineData(TransferState.Authorised, TransferTrigger.Cancelled, TransferState.Cancelled)] // 資金移動先予約取消
    public void Transitions(TransferState from, TransferTrigger trigger, TransferState to)
    {
        Assert.True(TransferLifecycle.TryNext(from, trigger, out var next));
        Assert.Equal(to, next);
    }

    [Theory]
    [InlineData(TransferState.Drafted, TransferTrigger.Confirmed)] // a draft is never confirmed without review
    [InlineData(TransferState.Executing, TransferTrigger.Confirmed)] // a replayed confirmation
    [InlineData(TransferState.Authorised, TransferTrigger.Confirmed)] // authorised at most once
    [InlineData(TransferState.Authorised, TransferTrigger.Reviewed)]
    [InlineData(TransferState.Reviewed, TransferTrigger.Cancelled)] // only an authorised (scheduled) transfer is cancelled
    [InlineData(TransferState.Drafted, TransferTrigger.Authorised)]
    public void Refused_transitions(TransferState from, TransferTrigger trigger) =>
        Assert.False(TransferLifecycle.TryNext(from, trigger, out _));

    [Fact]
    public void Undefined_values_have_no_transition()
    {
        Assert.False(TransferLifecycle.TryNext((TransferState)99, TransferTrigger.Reviewed, out _));
        Assert.False(TransferLifecycle.TryNext(TransferState.Drafted, (TransferTrigger)99, out _));
    }

    private static HashSet<TransferState> Closure(TransferState start, IEnumerable<(TransferState From, TransferState To)> edges)
    {
        var reached = new HashSet<TransferState> { start };
        var list = edges.ToList();
        while (list.Where(e => reached.Contains(e.From)).Select(e => e.To).Where(reached.Add).ToList() is { Count: > 0 })
        {
        }

        return reached;
    }
}
