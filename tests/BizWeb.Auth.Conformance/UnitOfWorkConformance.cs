namespace BizWeb.Auth.Conformance;

/// <summary>State + audit + outbox + counter resets commit atomically, with optimistic concurrency (DESIGN.md).</summary>
public abstract class UnitOfWorkConformance : AuthStoreConformance
{
    [Fact]
    public async Task Aggregates_round_trip_every_field_and_versions_count_commits()
    {
        var contract = NewContract() with { AdminEmail = "a@example.co.jp", AdminLoginPinHash = "h3", AdminConfirmationPinHash = "h4", AccidentRegistered = true };
        var user = NewUser() with
        {
            ActivatedAt = T0.AddMinutes(1), DeletedAt = T0.AddMinutes(2), State = UserState.Deleted, AccidentRegistered = true,
            ServiceLimits = new Dictionary<string, TransferLimit> { ["Transfer"] = new(100_000, null), ["BalanceInquiry"] = new(null, TransferFees.MaxAmount) },
        };
        Assert.Equal(CommitOutcome.Committed, await UnitOfWork.CommitAsync(new AuthChanges().Put(contract).Put(user), default));

        var stored = await Contracts.FindAsync(contract.Id, default);
        Assert.Equal(contract with { Version = 1 }, stored);
        var storedUser = (await Users.FindAsync(user.ContractId, user.Id, default))!;
        Assert.Equal(["BalanceInquiry", "Transfer"], storedUser.GrantedServices);
        Assert.Equal(user.ServiceLimits.OrderBy(l => l.Key, StringComparer.Ordinal), storedUser.ServiceLimits.OrderBy(l => l.Key, StringComparer.Ordinal));
        Assert.Equal(user with { Version = 1, GrantedServices = storedUser.GrantedServices, ServiceLimits = storedUser.ServiceLimits }, storedUser);

        Assert.Equal(CommitOutcome.Committed, await UnitOfWork.CommitAsync(new AuthChanges().Put(stored! with { State = ContractState.Active }), default));
        Assert.Equal(2, (await Contracts.FindAsync(contract.Id, default))!.Version);
    }

    [Fact]
    public async Task The_principal_reader_answers_the_contract_and_user_as_stored()
    {
        var contract = NewContract();
        var deleted = NewUser("hanako") with { State = UserState.Deleted, DeletedAt = T0 };
        await UnitOfWork.CommitAsync(new AuthChanges().Put(contract).Put(NewUser("taro")).Put(deleted).Put(NewContract("12345678902")), default);

        var admin = (await Principals.FindAsync(PrincipalId.Administrator(contract.Id), default))!;
        Assert.Equal(await Contracts.FindAsync(contract.Id, default), admin.Contract);
        Assert.Null(admin.User);
        Assert.Equal(PrincipalId.Administrator(contract.Id), admin.Principal);

        var taro = (await Principals.FindAsync(PrincipalId.User(contract.Id, UserId.Parse("taro").Value), default))!;
        Assert.Equal(admin.Contract, taro.Contract);
        var stored = (await Users.FindAsync(contract.Id, UserId.Parse("taro").Value, default))!;
        Assert.Equal((stored.Principal, stored.Version, stored.State, stored.SecurityStamp, stored.LoginPinHash), (taro.User!.Principal, taro.User.Version, taro.User.State, taro.User.SecurityStamp, taro.User.LoginPinHash));

        // A deleted user keeps its row; the reader answers it with its state.
        Assert.Equal(UserState.Deleted, (await Principals.FindAsync(PrincipalId.User(contract.Id, UserId.Parse("hanako").Value), default))!.User!.State);
        // Unknown contract, unknown user, a user id of another contract, and case: nothing.
        Assert.Null(await Principals.FindAsync(PrincipalId.Administrator(ContractId.Parse("12345678903").Value), default));
        Assert.Null(await Principals.FindAsync(PrincipalId.User(contract.Id, UserId.Parse("jiro").Value), default));
        Assert.Null(await Principals.FindAsync(PrincipalId.User(ContractId.Parse("12345678902").Value, UserId.Parse("taro").Value), default));
        Assert.Null(await Principals.FindAsync(PrincipalId.User(contract.Id, UserId.Parse("TARO").Value), default));
        await Assert.ThrowsAsync<ArgumentException>(async () => await Principals.FindAsync(default, default));
    }

    [Fact]
    public async Task A_second_insert_of_the_same_key_conflicts()
    {
        Assert.Equal(CommitOutcome.Committed, await UnitOfWork.CommitAsync(new AuthChanges().Put(NewContract()), default));
        Assert.Equal(CommitOutcome.Conflict, await UnitOfWork.CommitAsync(new AuthChanges().Put(NewContract()), default));
        Assert.Equal(CommitOutcome.Committed, await UnitOfWork.CommitAsync(new AuthChanges().Put(NewUser()), default));
        Assert.Equal(CommitOutcome.Conflict, await UnitOfWork.CommitAsync(new AuthChanges().Put(NewUser()), default));
    }

    [Fact]
    public async Task User_ids_are_case_sensitive_keys()
    {
        await UnitOfWork.CommitAsync(new AuthChanges().Put(NewContract()).Put(NewUser("taro")), default);
        Assert.Equal(CommitOutcome.Committed, await UnitOfWork.CommitAsync(new AuthChanges().Put(NewUser("Taro")), default));
        Assert.Equal(["Taro", "taro"], (await Users.ListAsync(NewContract().Id, default)).Select(u => u.Id.ToString()));
        Assert.Null(await Users.FindAsync(NewContract().Id, UserId.Parse("TARO").Value, default));
    }

    [Fact]
    public async Task A_stale_version_stores_nothing_at_all()
    {
        await UnitOfWork.CommitAsync(new AuthChanges().Put(NewContract()).Put(NewUser()), default);
        var contract = (await Contracts.FindAsync(NewContract().Id, default))!;
        var user = (await Users.FindAsync(contract.Id, NewUser().Id, default))!;
        await UnitOfWork.CommitAsync(new AuthChanges().Put(user with { NameKana = "first" }), default);
        await Counters.TryReserveAttemptAsync("c", 7, T0, null, default);
        var auditBefore = (await AuditTrail.ReadAsync(0, 1000, default)).Count;

        var stale = new AuthChanges()
            .Put(contract with { State = ContractState.Active })
            .Put(user with { NameKana = "second" })
            .ResetCounter("c")
            .Append(NewAudit("Stale"))
            .Enqueue(NewNotification(T0));

        Assert.Equal(CommitOutcome.Conflict, await UnitOfWork.CommitAsync(stale, default));
        Assert.Equal(ContractState.AwaitingAdminActivation, (await Contracts.FindAsync(contract.Id, default))!.State);
        Assert.Equal("first", (await Users.FindAsync(contract.Id, user.Id, default))!.NameKana);
        Assert.Equal(1, await Counters.GetFailuresAsync("c", T0, default));
        Assert.Equal(auditBefore, (await AuditTrail.ReadAsync(0, 1000, default)).Count);
        Assert.Equal(0, await Outbox.CountPendingAsync(default));
    }

    [Fact]
    public async Task Counter_resets_commit_with_aggregates_and_audit_records()
    {
        await Counters.TryReserveAttemptAsync("c", 7, T0, null, default);
        await Counters.TryReserveAttemptAsync("c", 7, T0, null, default);
        await Counters.TryReserveAttemptAsync("d", 7, T0, null, default);
        await Counters.TryReserveAttemptAsync("kept", 7, T0, null, default);

        var changes = new AuthChanges().Put(NewContract()).ResetCounter("c").ResetCounter("d").ResetCounter("never-counted").ResetCounter("c").Append(NewAudit("Reset"));

        Assert.Equal(CommitOutcome.Committed, await UnitOfWork.CommitAsync(changes, default));
        Assert.Equal(0, await Counters.GetFailuresAsync("c", T0, default));
        Assert.Equal(0, await Counters.GetFailuresAsync("d", T0, default));
        Assert.Equal(1, await Counters.GetFailuresAsync("kept", T0, default));
        Assert.NotNull(await Contracts.FindAsync(NewContract().Id, default));
        Assert.Single(await AuditTrail.ReadAsync(0, 1000, default), a => a.Action == "Reset");
    }

    [Fact]
    public async Task Parallel_commits_on_one_version_let_exactly_one_win()
    {
        await UnitOfWork.CommitAsync(new AuthChanges().Put(NewContract()), default);
        var read = (await Contracts.FindAsync(NewContract().Id, default))!;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() =>
            UnitOfWork.CommitAsync(new AuthChanges().Put(read with { SecurityStamp = $"s{i}" }).Append(NewAudit($"Writer{i}")), default).AsTask())));

        Assert.Equal(1, outcomes.Count(o => o == CommitOutcome.Committed));
        Assert.Single(await AuditTrail.ReadAsync(0, 1000, default));
    }

    [Fact]
    public async Task The_store_links_the_audit_chain_and_reads_it_in_pages()
    {
        for (var i = 0; i < 5; i++)
        {
            await UnitOfWork.CommitAsync(new AuthChanges().Append(NewAudit($"A{i}", PrincipalId.Administrator(NewContract().Id))).Append(NewAudit($"B{i}")), default);
        }

        var all = await AuditTrail.ReadAsync(0, 1000, default);
        Assert.Equal(10, all.Count);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), all.Select(a => a.Sequence));
        Assert.True(AuditChain.Verify(all).IsIntact);
        Assert.Equal(T0, all[0].At);
        Assert.Equal(PrincipalId.Administrator(NewContract().Id), all[0].Subject);
        Assert.Equal(["A2", "B2", "A3"], (await AuditTrail.ReadAsync(4, 3, default)).Select(a => a.Action));
    }

    [Fact]
    public async Task Parallel_appends_keep_one_unbroken_chain()
    {
        await Task.WhenAll(Enumerable.Range(0, 32).Select(i => Task.Run(() => UnitOfWork.CommitAsync(new AuthChanges().Append(NewAudit($"P{i}")), default).AsTask())));

        var all = await AuditTrail.ReadAsync(0, 1000, default);
        Assert.Equal(32, all.Count);
        Assert.True(AuditChain.Verify(all).IsIntact);
    }

    [Fact]
    public async Task Tickets_are_found_by_handle_hash_and_the_latest_per_principal_and_purpose()
    {
        var admin = PrincipalId.Administrator(NewContract().Id);
        FlowTicket Ticket(string hash, DateTimeOffset started, FlowPurpose purpose) => new()
        {
            Id = Guid.NewGuid(),
            HandleHash = hash,
            Purpose = purpose,
            Principal = admin,
            Step = 1,
            StartedAt = started,
            LastStepAt = started,
            ExpiresAt = started.AddMinutes(15),
            Values = new Dictionary<string, string> { ["login"] = "$argon2id$…", ["email"] = "a@example.co.jp" },
        };
        var older = Ticket("AA", T0, FlowPurpose.AdminActivation);
        var newer = Ticket("BB", T0.AddMinutes(1), FlowPurpose.AdminActivation);
        var other = Ticket("CC", T0.AddMinutes(2), FlowPurpose.AdminSignIn);
        await UnitOfWork.CommitAsync(new AuthChanges().Put(older).Put(newer).Put(other), default);

        var found = (await Tickets.FindByHandleHashAsync("AA", default))!;
        Assert.Equal(older.Id, found.Id);
        Assert.Equal(older.Values, found.Values);
        Assert.Equal(newer.Id, (await Tickets.FindLatestAsync(admin, FlowPurpose.AdminActivation, default))!.Id);
        Assert.Null(await Tickets.FindByHandleHashAsync("ZZ", default));

        Assert.Equal(CommitOutcome.Committed, await UnitOfWork.CommitAsync(new AuthChanges().Put(found with { Completed = true }), default));
        Assert.Equal(CommitOutcome.Conflict, await UnitOfWork.CommitAsync(new AuthChanges().Put(found with { Completed = true }), default));
    }
}
