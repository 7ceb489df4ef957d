using BizWeb.Auth;

namespace BizWeb.Tokens.Conformance;

/// <summary>Cards and their challenges: one live card per contract; challenges never re-rolled, consumed once, and a correct answer ends every open challenge of the card.</summary>
public abstract class CustomerCardStoreConformance : TokenStoreConformance
{
    private static CustomerCardChallenge Challenge(string serial, Guid flow, FlowPurpose purpose = FlowPurpose.AdminSignIn, params CustomerCardPosition[] positions) => new()
    {
        Id = Guid.NewGuid(),
        ContractId = Contract,
        CardSerialNumber = serial,
        Principal = PrincipalId.Administrator(Contract),
        Purpose = purpose,
        FlowId = flow,
        Positions = positions.Length == 0 ? [CustomerCardPosition.A, CustomerCardPosition.U, CustomerCardPosition.Ki] : positions,
        IssuedAt = T0,
        ExpiresAt = T0.AddMinutes(5),
    };

    [Fact]
    public async Task A_default_principal_is_refused_as_a_programming_error() =>
        await Assert.ThrowsAsync<ArgumentException>(() => Challenges.FindAsync(default, FlowPurpose.AdminActivation, Guid.NewGuid(), T0, default).AsTask());

    [Fact]
    public async Task Replace_makes_the_new_card_the_only_live_one()
    {
        Assert.Null(await Cards.FindAsync(Contract, default));
        var first = new CustomerCard { ContractId = Contract, SerialNumber = "111", ProtectedValues = [1, 2, 3], IssuedAt = T0 };
        await Cards.ReplaceAsync(first, null, default);
        Assert.Equal(("111", T0), ((await Cards.FindAsync(Contract, default))!.SerialNumber, (await Cards.FindAsync(Contract, default))!.IssuedAt));

        await Cards.ReplaceAsync(first with { SerialNumber = "222", ProtectedValues = [4, 5] }, null, default);
        var live = (await Cards.FindAsync(Contract, default))!;
        Assert.Equal("222", live.SerialNumber);
        Assert.Equal(new byte[] { 4, 5 }, live.ProtectedValues);
    }

    [Fact]
    public async Task A_replacement_commits_with_its_audit_record_or_not_at_all()
    {
        var first = new CustomerCard { ContractId = Contract, SerialNumber = "111", ProtectedValues = [1, 2, 3], IssuedAt = T0 };
        await Cards.ReplaceAsync(first, Audited("issued 111"), default);
        await Assert.ThrowsAnyAsync<Exception>(async () => await Cards.ReplaceAsync(first with { SerialNumber = "222" }, await ConflictingAsync("issued 222"), default));
        Assert.Equal("111", (await Cards.FindAsync(Contract, default))!.SerialNumber);
        Assert.Equal(["issued 111"], await AuditedDetailsAsync());
    }

    [Fact]
    public async Task The_same_step_gets_its_open_challenge_back_and_other_flows_get_its_positions()
    {
        var flow = Guid.NewGuid();
        var first = await Challenges.GetOrAddAsync(Challenge("111", flow), T0, default);
        var again = await Challenges.GetOrAddAsync(Challenge("111", flow, FlowPurpose.AdminSignIn, CustomerCardPosition.Ku), T0.AddMinutes(1), default);
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(first.Positions, again.Positions);

        var otherFlow = Guid.NewGuid();
        var other = await Challenges.GetOrAddAsync(Challenge("111", otherFlow, FlowPurpose.AdminActivation, CustomerCardPosition.Ku), T0.AddMinutes(1), default);
        Assert.NotEqual(first.Id, other.Id);
        Assert.Equal(first.Positions, other.Positions);
        Assert.Equal(otherFlow, other.FlowId);
        Assert.NotNull(await Challenges.FindAsync(PrincipalId.Administrator(Contract), FlowPurpose.AdminActivation, otherFlow, T0.AddMinutes(1), default));
    }

    [Fact]
    public async Task Expired_and_reissued_cards_challenges_are_not_open()
    {
        var flow = Guid.NewGuid();
        var old = await Challenges.GetOrAddAsync(Challenge("111", flow), T0, default);
        Assert.Null(await Challenges.FindAsync(old.Principal, old.Purpose, flow, old.ExpiresAt, default));

        var renewed = await Challenges.GetOrAddAsync(Challenge("222", flow, FlowPurpose.AdminSignIn, CustomerCardPosition.Ku), T0.AddMinutes(1), default);
        Assert.Equal([CustomerCardPosition.Ku], renewed.Positions);
        Assert.Equal("222", renewed.CardSerialNumber);
    }

    [Fact]
    public async Task A_challenge_is_consumed_exactly_once_even_in_parallel()
    {
        var flow = Guid.NewGuid();
        var challenge = await Challenges.GetOrAddAsync(Challenge("111", flow), T0, default);
        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => Challenges.TryConsumeAsync(challenge, T0.AddMinutes(1), default).AsTask())));
        Assert.Equal(1, results.Count(r => r));
        Assert.Null(await Challenges.FindAsync(challenge.Principal, challenge.Purpose, flow, T0.AddMinutes(1), default));
    }

    [Fact]
    public async Task An_expired_challenge_cannot_be_consumed()
    {
        var challenge = await Challenges.GetOrAddAsync(Challenge("111", Guid.NewGuid()), T0, default);
        Assert.False(await Challenges.TryConsumeAsync(challenge, challenge.ExpiresAt, default));
    }

    [Fact]
    public async Task A_correct_answer_ends_every_open_challenge_of_the_card()
    {
        var (signIn, activation, enrollment) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var answered = await Challenges.GetOrAddAsync(Challenge("111", signIn), T0, default);
        var pinned = await Challenges.GetOrAddAsync(Challenge("111", activation, FlowPurpose.AdminActivation, CustomerCardPosition.Ku), T0.AddMinutes(1), default);
        var other = await Challenges.GetOrAddAsync(Challenge("111", enrollment, FlowPurpose.AdminCertificateEnrollment, CustomerCardPosition.Ku), T0.AddMinutes(2), default);
        Assert.Equal(answered.Positions, pinned.Positions);
        Assert.Equal(answered.Positions, other.Positions);

        Assert.True(await Challenges.TryConsumeAsync(answered, T0.AddMinutes(3), default));

        // The other flows' challenges ended with the answer: the same digits cannot pass them.
        Assert.Null(await Challenges.FindAsync(pinned.Principal, pinned.Purpose, activation, T0.AddMinutes(3), default));
        Assert.Null(await Challenges.FindAsync(other.Principal, other.Purpose, enrollment, T0.AddMinutes(3), default));
        Assert.False(await Challenges.TryConsumeAsync(pinned, T0.AddMinutes(3), default));
        Assert.False(await Challenges.TryConsumeAsync(other, T0.AddMinutes(3), default));

        // The next challenge of the card, in a new flow or in an ended one, draws fresh positions.
        var next = await Challenges.GetOrAddAsync(Challenge("111", Guid.NewGuid(), FlowPurpose.AdminSignIn, CustomerCardPosition.Ku), T0.AddMinutes(3), default);
        Assert.Equal([CustomerCardPosition.Ku], next.Positions);
        var reloaded = await Challenges.GetOrAddAsync(Challenge("111", activation, FlowPurpose.AdminActivation, CustomerCardPosition.O), T0.AddMinutes(3), default);
        Assert.NotEqual(pinned.Id, reloaded.Id);
        Assert.Equal([CustomerCardPosition.Ku], reloaded.Positions);
    }

    [Fact]
    public async Task A_correct_answer_leaves_other_contracts_challenges_open()
    {
        var elsewhere = ContractId.Parse("98765432109").Value;
        var theirs = await Challenges.GetOrAddAsync(Challenge("999", Guid.NewGuid()) with { ContractId = elsewhere, Principal = PrincipalId.Administrator(elsewhere) }, T0, default);
        var ours = await Challenges.GetOrAddAsync(Challenge("111", Guid.NewGuid()), T0, default);
        Assert.True(await Challenges.TryConsumeAsync(ours, T0.AddMinutes(1), default));
        Assert.NotNull(await Challenges.FindAsync(theirs.Principal, theirs.Purpose, theirs.FlowId, T0.AddMinutes(1), default));
    }

    [Fact]
    public async Task Of_the_open_challenges_of_one_card_one_correct_answer_is_accepted_even_in_parallel()
    {
        var purposes = new[] { FlowPurpose.AdminSignIn, FlowPurpose.AdminActivation, FlowPurpose.AdminCertificateEnrollment };
        var open = new List<CustomerCardChallenge>();
        for (var i = 0; i < 24; i++)
        {
            open.Add(await Challenges.GetOrAddAsync(Challenge("111", Guid.NewGuid(), purposes[i % 3]), T0, default));
        }

        var results = await Task.WhenAll(open.Select(c => Task.Run(() => Challenges.TryConsumeAsync(c, T0.AddMinutes(1), default).AsTask())));
        Assert.Equal(1, results.Count(r => r));
        foreach (var challenge in open)
        {
            Assert.Null(await Challenges.FindAsync(challenge.Principal, challenge.Purpose, challenge.FlowId, T0.AddMinutes(1), default));
        }
    }

    [Fact]
    public async Task A_challenge_added_while_an_answer_is_accepted_is_ended_with_it_or_draws_fresh_positions()
    {
        var answered = await Challenges.GetOrAddAsync(Challenge("111", Guid.NewGuid()), T0, default);
        var now = T0.AddMinutes(1);
        var adding = Enumerable.Range(0, 16).Select(_ => Task.Run(() => Challenges.GetOrAddAsync(Challenge("111", Guid.NewGuid(), FlowPurpose.AdminSignIn, CustomerCardPosition.Ku), now, default).AsTask())).ToList();
        var consumed = Task.Run(() => Challenges.TryConsumeAsync(answered, now, default).AsTask());
        var added = await Task.WhenAll(adding);
        Assert.True(await consumed);

        foreach (var challenge in added)
        {
            var stillOpen = await Challenges.FindAsync(challenge.Principal, challenge.Purpose, challenge.FlowId, now, default);
            if (challenge.Positions.SequenceEqual(answered.Positions))
            {
                // Added before the answer, sharing its positions: ended by it.
                Assert.Null(stillOpen);
            }
            else
            {
                // Added after: fresh positions, open.
                Assert.Equal([CustomerCardPosition.Ku], challenge.Positions);
                Assert.NotNull(stillOpen);
            }
        }
    }
}
