using BizWeb.Testing.Auth;

namespace BizWeb.Auth.Conformance;

/// <summary>
/// Contract settings, transfers and the daily totals (issue 8): versions, idempotency keys, the atomic
/// all-or-nothing reservation that never passes a limit, and the transfer flow end to end on the store.
/// </summary>
public abstract class TransactionConformance : AuthStoreConformance
{
    private static readonly DateOnly Day = new(2026, 11, 25);

    private ITransferTotalStore Totals => H.Get<ITransferTotalStore>();

    private ITransferStore Transfers => H.Get<ITransferStore>();

    private IContractSettingsStore Settings => H.Get<IContractSettingsStore>();

    private static Transfer NewTransfer(string key = "k1", long amount = 10_000) => new()
    {
        Id = Guid.NewGuid(),
        User = PrincipalId.User(ContractId.Parse("12345678901").Value, UserId.Parse("taro").Value),
        IdempotencyKey = key,
        Details = new TransferDetails
        {
            DebitAccount = "001-1-1234567",
            PayeeBankCode = "0005",
            PayeeBranchCode = "123",
            PayeeAccountType = PayeeAccountType.Current,
            PayeeAccountNumber = "7654321",
            PayeeName = "ｶ)ﾄｳｷｮｳｼｮｳｼﾞ",
            Quote = new TransferQuote(amount, 0, amount, 550, amount + 550),
            FeeBearer = FeeBearer.Payer,
            ExecutionDate = Day,
        },
        PayeeRelation = PayeeRelation.OtherBank,
        State = TransferState.Drafted,
        CreatedAt = T0,
        UpdatedAt = T0,
    };

    [Fact]
    public async Task Reservations_add_to_every_total_or_to_none()
    {
        Assert.True(await Totals.TryReserveAsync([new("a", 100), new("b", null)], Day, 60, default));
        Assert.False(await Totals.TryReserveAsync([new("b", null), new("a", 100)], Day, 41, default));
        Assert.Equal([60L, 60L, 0L], await Totals.GetUsedAsync(["a", "b", "c"], Day, default));
        Assert.True(await Totals.TryReserveAsync([new("a", 100), new("b", null)], Day, 40, default));
        Assert.False(await Totals.TryReserveAsync([new("c", 10)], Day, 11, default));
        Assert.True(await Totals.TryReserveAsync([new("a", 100)], Day.AddDays(1), 100, default));
        Assert.Equal([100L, 100L, 0L], await Totals.GetUsedAsync(["a", "b", "c"], Day, default));
        Assert.True(await Totals.TryReserveAsync([new("big", long.MaxValue)], Day, TransferFees.MaxAmount, default));
    }

    [Fact]
    public async Task Releases_give_back_and_never_go_below_zero()
    {
        Assert.True(await Totals.TryReserveAsync([new("a", 100), new("b", 100)], Day, 70, default));
        await Totals.ReleaseAsync(["a", "b"], Day, 50, default);
        Assert.Equal([20L, 20L], await Totals.GetUsedAsync(["a", "b"], Day, default));
        await Totals.ReleaseAsync(["a", "never"], Day, 50, default);
        Assert.Equal([0L, 20L, 0L], await Totals.GetUsedAsync(["a", "b", "never"], Day, default));
        Assert.True(await Totals.TryReserveAsync([new("a", 100), new("b", 100)], Day, 80, default));
    }

    [Fact]
    public async Task Parallel_reservations_and_releases_of_the_same_totals_all_complete_and_add_up()
    {
        Assert.True(await Totals.TryReserveAsync([new("a", null), new("b", null), new("c", null)], Day, 1_000, default));

        // Reservations name the totals in one order and releases in the other: neither may wait for the other in a cycle.
        var work = Enumerable.Range(0, 32).Select(i => Task.Run(async () =>
        {
            if (i % 2 == 0)
            {
                Assert.True(await Totals.TryReserveAsync([new("c", null), new("b", null), new("a", null)], Day, 10, default));
            }
            else
            {
                await Totals.ReleaseAsync(["a", "b", "c"], Day, 10, default);
            }
        }));
        await Task.WhenAll(work);

        Assert.Equal([1_000L, 1_000L, 1_000L], await Totals.GetUsedAsync(["a", "b", "c"], Day, default));
    }

    [Fact]
    public async Task Parallel_reservations_never_pass_a_limit()
    {
        const long Limit = 1_000;
        var amounts = Enumerable.Range(0, 48).Select(i => (long)(17 + (i * 31 % 90))).ToList();
        var reserved = await Task.WhenAll(amounts.Select(a => Task.Run(async () => await Totals.TryReserveAsync([new("shared", Limit), new($"own-{a % 3}", null)], Day, a, default) ? a : 0)));
        var used = (await Totals.GetUsedAsync(["shared"], Day, default))[0];
        Assert.Equal(reserved.Sum(), used);
        Assert.InRange(used, Limit - amounts.Max() + 1, Limit);
        Assert.Equal(reserved.Sum(), (await Totals.GetUsedAsync(["own-0", "own-1", "own-2"], Day, default)).Sum());
    }

    [Fact]
    public async Task Settings_round_trip_with_versions()
    {
        var contractId = ContractId.Parse("12345678901").Value;
        var settings = ContractSettings.Empty(contractId) with
        {
            EnabledServices = ["Transfers", "BalanceInquiry"],
            DebitAccounts = [new DebitAccount("001", PayeeAccountType.Ordinary, "1234567", new(100, null)), new DebitAccount("002", PayeeAccountType.Current, "7654321", new(null, 5_000))],
            ContractLimit = new(1_000, 10_000),
            PayeeBorneFees = [new FeeBand(30_000, 0, 110, 330), new FeeBand(long.MaxValue, 0, 220, 440)],
            ZenginPasswordHash = "$argon2id$hash",
            ProtectedFileAccessKey = [1, 2, 3],
        };
        Assert.Null(await Settings.FindAsync(contractId, default));
        Assert.Equal(CommitOutcome.Committed, await UnitOfWork.CommitAsync(new AuthChanges().Put(settings), default));
        var stored = (await Settings.FindAsync(contractId, default))!;
        Assert.Equal(1, stored.Version);
        Assert.Equal(settings.EnabledServices, stored.EnabledServices);
        Assert.Equal(settings.DebitAccounts, stored.DebitAccounts);
        Assert.Equal(settings.ContractLimit, stored.ContractLimit);
        Assert.Equal(settings.PayeeBorneFees, stored.PayeeBorneFees);
        Assert.Equal(settings.ZenginPasswordHash, stored.ZenginPasswordHash);
        Assert.Equal(settings.ProtectedFileAccessKey, stored.ProtectedFileAccessKey);

        Assert.Equal(CommitOutcome.Conflict, await UnitOfWork.CommitAsync(new AuthChanges().Put(settings), default));
        Assert.Equal(CommitOutcome.Committed, await UnitOfWork.CommitAsync(new AuthChanges().Put(stored with { PayeeBorneFees = null }), default));
        Assert.Equal(CommitOutcome.Conflict, await UnitOfWork.CommitAsync(new AuthChanges().Put(stored), default));
        Assert.Null((await Settings.FindAsync(contractId, default))!.PayeeBorneFees);
    }

    [Fact]
    public async Task Transfers_round_trip_and_an_idempotency_key_names_one_transfer()
    {
        var transfer = NewTransfer();
        var audit = NewAudit("TransferDrafted", transfer.User);
        Assert.Equal(CommitOutcome.Committed, await UnitOfWork.CommitAsync(new AuthChanges().Put(transfer).Append(audit), default));
        var stored = (await Transfers.FindAsync(transfer.Id, default))!;
        Assert.Equal(transfer.Details, stored.Details);
        Assert.Equal(transfer with { Version = 1, Details = stored.Details }, stored);

        var reviewed = stored with
        {
            State = TransferState.Authorised,
            ReviewedDigest = stored.Details.ComputeDigest(),
            ConfirmationId = Guid.NewGuid(),
            ReviewExpiresAt = T0.AddMinutes(5),
            ExecutionReference = "T00000001",
            RefusalCode = MessageCode.DailyLimitExceeded,
        };
        Assert.Equal(CommitOutcome.Committed, await UnitOfWork.CommitAsync(new AuthChanges().Put(reviewed), default));
        var again = (await Transfers.FindAsync(transfer.Id, default))!;
        Assert.Equal(reviewed.ReviewedDigest, again.ReviewedDigest);
        Assert.Equal(reviewed with { Version = 2, Details = again.Details, ReviewedDigest = again.ReviewedDigest }, again);
        Assert.Equal(CommitOutcome.Conflict, await UnitOfWork.CommitAsync(new AuthChanges().Put(reviewed), default));

        Assert.Equal(CommitOutcome.Conflict, await UnitOfWork.CommitAsync(new AuthChanges().Put(NewTransfer("k1")), default));
        Assert.Equal(transfer.Id, (await Transfers.FindByIdempotencyKeyAsync(transfer.User, "k1", default))!.Id);
        Assert.Null(await Transfers.FindByIdempotencyKeyAsync(transfer.User, "k2", default));
        Assert.Equal(CommitOutcome.Committed, await UnitOfWork.CommitAsync(new AuthChanges().Put(NewTransfer("k2") with { CreatedAt = T0.AddSeconds(1) }), default));
        Assert.Equal(["k2", "k1"], (await Transfers.ListAsync(transfer.User, 10, default)).Select(t => t.IdempotencyKey));
        Assert.Single(await Transfers.ListAsync(transfer.User, 1, default));
    }

    [Fact]
    public async Task Parallel_transfers_through_the_flow_never_pass_the_daily_limit()
    {
        const long Limit = 100_000;
        var s = await TransferScenario.CreateAsync(H, contractLimit: new(null, Limit));
        var reviewed = new List<Transfer>();
        foreach (var amount in new long[] { 30_000, 25_000, 20_000, 15_000, 40_000, 10_000, 35_000, 5_000, 45_000, 12_000, 18_000, 22_000 })
        {
            var r = await s.DraftAndReviewAsync(s.Request(amount));
            Assert.True(r.Succeeded, r.ToString());
            reviewed.Add(r.Value);
        }

        var results = await Task.WhenAll(reviewed.Select(t => Task.Run(async () => await s.Transfers.ConfirmAsync(s.User, t.Id, TestHardwareToken.Code))));
        var authorised = results.Where(r => r.Succeeded).Sum(r => r.Value.Details.Quote.Amount);
        Assert.InRange(authorised, 1, Limit);
        // A confirmation that found every remaining token attempt held by the others in flight is
        // refused as "busy" without evaluation; none is ever answered "locked", and nothing locks.
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Contains(r.ErrorCode, new MessageCode?[] { MessageCode.DailyLimitExceeded, MessageCode.CredentialBusy }));
        Assert.Equal(UserState.Active, (await H.Get<IUserStore>().FindAsync(s.Contract, s.User.UserId, default))!.State);
        Assert.Equal(authorised, (await Totals.GetUsedAsync([$"contract:{s.Contract}"], reviewed[0].Details.ExecutionDate, default))[0]);
        Assert.Equal(results.Count(r => r.Succeeded), H.Executor.Executions.Count);
    }
}
