using BizWeb.Auth;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BizWeb.Tokens.Tests;

/// <summary>
/// Review finding 3: one customer card answer passes one second-factor step only. Every open challenge
/// of a card asks the same positions (no re-roll, also across flows), so a correct answer ends all of
/// them at once; the next challenge draws fresh positions.
/// </summary>
public sealed class CardAnswerReuseTests
{
    private static readonly AuditActor Browser = AuditActor.Anonymous("192.0.2.10");
    private static readonly FlowPurpose[] CardSteps = [FlowPurpose.AdminSignIn, FlowPurpose.AdminCertificateEnrollment, FlowPurpose.AdminActivation];

    [Fact]
    public async Task One_card_answer_is_never_accepted_by_two_flows_admin_enrollment_then_admin_sign_in()
    {
        using var host = new TestHost();
        await host.CreateContractAsync();
        var card = await host.IssueCardAsync();
        await host.ActivateAdminAsync(card);
        host.CertificatePrincipal = TestHost.Admin;
        using var certificate = TestHost.DummyCertificate();
        var signIn = host.Get<AdminSignIn>();
        var enrollment = host.Get<CertificateEnrollment>();

        // The attack: an admin sign-in kept open pins the positions, then a certificate enrollment asks them too.
        var pinned = (await signIn.VerifyPinAsync(certificate, TestHost.LoginPin, Browser)).Value;
        var enrolling = (await enrollment.BeginAdminAsync(TestHost.ContractText, TestHost.LoginPin, Browser)).Value;
        Assert.Equal(pinned.Challenge.Prompts, enrolling.Challenge.Prompts);
        var answer = TestHost.Answer(card, enrolling.Challenge.Prompts);

        var ticket = await enrollment.CompleteAdminAsync(enrolling.Handle, answer, Browser);
        Assert.True(ticket.Succeeded, ticket.ToString());

        // The same digits no longer pass the sign-in: the answer ended every open challenge of the card.
        var reused = await signIn.VerifyCardAsync(pinned.Handle, answer, Browser);
        Assert.False(reused.Succeeded);
        Assert.Equal(MessageCode.OneTimePasswordIncorrect, reused.ErrorCode);

        // The administrator signs in with the positions of a new challenge.
        var fresh = (await signIn.VerifyPinAsync(certificate, TestHost.LoginPin, Browser)).Value;
        Assert.True((await signIn.VerifyCardAsync(fresh.Handle, TestHost.Answer(card, fresh.Challenge.Prompts), Browser)).Succeeded);
    }

    /// <summary>
    /// Any interleaving of flows asking (and asking again), answering right or wrong, replaying the last
    /// accepted answer and letting time pass behaves like the model: a challenge shown while another of
    /// the card is open asks its positions; an answer is accepted only by an open challenge shown after
    /// every earlier acceptance of the card — so no accepted answer is ever accepted again by a flow that
    /// was open when it was given.
    /// </summary>
    [Property(MaxTest = 60)]
    public Property No_answer_is_ever_accepted_twice_for_one_card() =>
        Prop.ForAll(Arb.From(Moves), moves =>
        {
            RunModelAsync(moves).GetAwaiter().GetResult();
            return true;
        });

    /// <summary>
    /// The parallel variant, in rounds: in each round the flows begun in the round before answer their
    /// positions, every accepted answer is replayed in the flows begun before the round that accepted it,
    /// and new flows begin — all at once. Of one round's answers at most one is accepted (the open
    /// challenges of a card all share one set of positions, and a correct answer ends them all), the
    /// replays never are, and the first round's flows are answered exactly once.
    /// </summary>
    [Property(MaxTest = 30)]
    public Property No_answer_is_ever_accepted_twice_for_one_card_in_parallel() =>
        Prop.ForAll(Arb.From(Rounds), rounds =>
        {
            RunRoundsAsync(rounds).GetAwaiter().GetResult();
            return true;
        });

    private static readonly Gen<Move> AnyMove = Gen.Frequency(
        (4, from slot in Gen.Choose(0, 3) from newFlow in Gen.Elements(false, true) select (Move)new Ask(slot, newFlow)),
        (4, from slot in Gen.Choose(0, 3) from correct in Gen.Frequency((3, Gen.Constant(true)), (1, Gen.Constant(false))) select (Move)new Give(slot, correct)),
        (2, Gen.Choose(0, 3).Select(slot => (Move)new Replay(slot))),
        (1, Gen.Choose(1, 4).Select(minutes => (Move)new Wait(minutes))));

    private static readonly Gen<Move[]> Moves = Gen.Choose(1, 40).SelectMany(n => AnyMove.ArrayOf(n));

    private static readonly Gen<int[]> Rounds = Gen.Choose(1, 5).SelectMany(n => Gen.Choose(0, 6).ArrayOf(n));

    private static async Task RunModelAsync(IReadOnlyList<Move> moves)
    {
        using var host = new TestHost();
        await host.CreateContractAsync();
        var card = await host.IssueCardAsync();
        var verifier = host.Get<ICustomerCardVerifier>();
        var flows = Enumerable.Range(0, 4).Select(i => new ModelFlow(CardSteps[i % CardSteps.Length])).ToArray();
        var acceptances = 0;
        (string Answer, int Acceptance)? lastAccepted = null;

        foreach (var move in moves)
        {
            var now = host.Time.GetUtcNow();
            switch (move)
            {
                case Ask(var slot, var newFlow):
                {
                    var flow = flows[slot];
                    if (newFlow)
                    {
                        flow.Restart();
                    }

                    var pinned = flows.FirstOrDefault(f => f != flow && f.IsOpen(now))?.Prompts;
                    var shown = (await verifier.GetChallengeAsync(host.Context(TestHost.Admin, flow.Purpose, flow.Id), default))!;
                    if (flow.IsOpen(now))
                    {
                        // Asking again in the same step: the same challenge, never re-rolled.
                        Assert.Equal(flow.Prompts, shown.Prompts);
                        Assert.Equal(flow.ExpiresAt, shown.ExpiresAt);
                    }
                    else
                    {
                        if (pinned is not null)
                        {
                            // Another flow's challenge of the card is open: its positions, not new ones.
                            Assert.Equal(pinned, shown.Prompts);
                        }

                        Assert.Equal(now.AddMinutes(5), shown.ExpiresAt);
                        flow.Show(shown, acceptances);
                    }

                    break;
                }

                case Give(var slot, var correct) when flows[slot].Prompts is { } prompts:
                {
                    var flow = flows[slot];
                    var answer = TestHost.Answer(card, prompts);
                    answer = correct ? answer : (char)('0' + ((answer[0] - '0' + 1) % 10)) + answer[1..];
                    var verified = await VerifyAsync(host, verifier, flow, answer);
                    Assert.Equal(correct && flow.IsOpen(now), verified);
                    if (verified)
                    {
                        // Shown after every earlier acceptance: a fresh challenge, not one pinned before an answer.
                        Assert.Equal(acceptances, flow.ShownAfter);
                        lastAccepted = (answer, acceptances);
                        acceptances++;
                        Array.ForEach(flows, f => f.End());
                    }

                    break;
                }

                case Replay(var slot) when lastAccepted is { } accepted && flows[slot].Prompts is { } prompts:
                {
                    var flow = flows[slot];
                    var verified = await VerifyAsync(host, verifier, flow, accepted.Answer);
                    if (flow.ShownAfter <= accepted.Acceptance)
                    {
                        // Open when the answer was accepted (or before): never accepts it again.
                        Assert.False(verified);
                    }
                    else
                    {
                        // A challenge drawn afterwards accepts it only if its fresh positions happen to ask the same digits.
                        Assert.Equal(flow.IsOpen(now) && TestHost.Answer(card, prompts) == accepted.Answer, verified);
                    }

                    if (verified)
                    {
                        lastAccepted = (accepted.Answer, acceptances);
                        acceptances++;
                        Array.ForEach(flows, f => f.End());
                    }

                    break;
                }

                case Wait(var minutes):
                    host.Time.Advance(TimeSpan.FromMinutes(minutes));
                    break;
            }
        }
    }

    private static async Task RunRoundsAsync(IReadOnlyList<int> newFlowsPerRound)
    {
        using var host = new TestHost();
        await host.CreateContractAsync();
        var card = await host.IssueCardAsync();
        var verifier = host.Get<ICustomerCardVerifier>();
        var begunIn = new List<(ModelFlow Flow, int Round)>();
        var accepted = new List<(string Answer, int Round)>();

        // Round 0 only begins flows (at least two), so round 1 has a set of open challenges to race for.
        var rounds = newFlowsPerRound.Select((n, i) => i == 0 ? n + 2 : n).Append(0).ToArray();
        for (var round = 0; round < rounds.Length; round++)
        {
            var answering = begunIn.Where(b => b.Round == round - 1).Select(b => b.Flow).ToList();
            var replaying = (from a in accepted from b in begunIn where b.Round < a.Round select (b.Flow, a.Answer)).ToList();
            var beginning = Enumerable.Range(0, rounds[round]).Select(i => new ModelFlow(CardSteps[(round + i) % CardSteps.Length])).ToList();

            var answers = answering.Select(f => Task.Run(async () =>
            {
                var answer = TestHost.Answer(card, f.Prompts!);
                return (Answer: answer, Verified: await VerifyAsync(host, verifier, f, answer));
            })).ToList();
            var replays = replaying.Select(r => Task.Run(() => VerifyAsync(host, verifier, r.Flow, r.Answer))).ToList();
            var begins = beginning.Select(f => Task.Run(async () =>
                f.Show((await verifier.GetChallengeAsync(host.Context(TestHost.Admin, f.Purpose, f.Id), default))!, round))).ToList();
            await Task.WhenAll(answers.Cast<Task>().Concat(replays).Concat(begins));

            var verified = answers.Select(a => a.Result).Where(a => a.Verified).ToList();
            Assert.True(verified.Count <= 1, $"round {round}: {verified.Count} flows accepted an answer");
            if (round == 1)
            {
                Assert.Single(verified);
            }

            Assert.DoesNotContain(true, replays.Select(r => r.Result));
            accepted.AddRange(verified.Select(v => (v.Answer, round)));
            begunIn.AddRange(beginning.Select(f => (f, round)));
        }
    }

    private static async Task<bool> VerifyAsync(TestHost host, ICustomerCardVerifier verifier, ModelFlow flow, string answer) =>
        (await verifier.VerifyAsync(host.Context(TestHost.Admin, flow.Purpose, flow.Id), answer, default)).Result == SecondFactorResult.Verified;

    /// <summary>One step of an interleaving.</summary>
    public abstract record Move;

    /// <summary>The flow in <paramref name="Slot"/> asks for its challenge (a new flow there first when <paramref name="NewFlow"/>).</summary>
    public sealed record Ask(int Slot, bool NewFlow) : Move;

    /// <summary>The flow in <paramref name="Slot"/> answers its positions, right or wrong.</summary>
    public sealed record Give(int Slot, bool Correct) : Move;

    /// <summary>The flow in <paramref name="Slot"/> replays the last accepted answer.</summary>
    public sealed record Replay(int Slot) : Move;

    /// <summary>Time passes (challenges live 5 minutes).</summary>
    public sealed record Wait(int Minutes) : Move;

    /// <summary>What the model knows of a flow: its binding, the challenge it was shown and whether that can still be answered.</summary>
    private sealed class ModelFlow(FlowPurpose purpose)
    {
        private bool _ended = true;

        public FlowPurpose Purpose { get; } = purpose;

        public Guid Id { get; private set; } = Guid.NewGuid();

        public IReadOnlyList<string>? Prompts { get; private set; }

        public DateTimeOffset ExpiresAt { get; private set; }

        /// <summary>How many answers the card had accepted when this flow's challenge was shown.</summary>
        public int ShownAfter { get; private set; } = -1;

        public bool IsOpen(DateTimeOffset now) => !_ended && now < ExpiresAt;

        public void Show(SecondFactorChallenge challenge, int acceptances)
        {
            (Prompts, ExpiresAt, ShownAfter, _ended) = (challenge.Prompts, challenge.ExpiresAt, acceptances, false);
        }

        public void End() => _ended = true;

        public void Restart()
        {
            (Id, Prompts, ShownAfter, _ended) = (Guid.NewGuid(), null, -1, true);
        }
    }
}
