using BizWeb.Testing.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BizWeb.Auth.Tests.Flows;

/// <summary>
/// One retry policy (issue 16, item 3): a change that keeps conflicting is tried
/// <see cref="BizWebOptions.MaxCommitAttempts"/> times in all, re-read and re-decided each time, then
/// answers <see cref="MessageCode.ConcurrencyConflict"/> with nothing stored.
/// </summary>
public sealed class CommitRetryTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public async Task A_conflicting_change_is_tried_max_commit_attempts_times_then_answers_conflict(int attempts)
    {
        var conflicts = new UserConflicts();
        using var h = AuthHarness.Create(
            o => o.MaxCommitAttempts = attempts,
            s => s.AddSingleton<IAuthUnitOfWork>(sp => conflicts.Over(sp.GetRequiredService<InMemoryAuthStore>())));
        var (contract, _) = await h.ActiveContractAsync();
        var admin = await h.AdminAsync(contract);
        conflicts.Active = true;

        var result = await h.Get<UserAdministration>().RegisterAsync(admin, Registration(), AuthHarness.AdminConfirmationPin);

        Assert.Equal(MessageCode.ConcurrencyConflict, result.ErrorCode);
        Assert.Equal(attempts, conflicts.Refused);
        Assert.Empty(await h.Get<UserAdministration>().ListAsync(admin));
    }

    [Fact]
    public async Task A_change_that_conflicts_once_is_stored_by_the_second_attempt()
    {
        var conflicts = new UserConflicts { Remaining = 1 };
        using var h = AuthHarness.Create(services: s => s.AddSingleton<IAuthUnitOfWork>(sp => conflicts.Over(sp.GetRequiredService<InMemoryAuthStore>())));
        var (contract, _) = await h.ActiveContractAsync();
        var admin = await h.AdminAsync(contract);
        conflicts.Active = true;

        var result = await h.Get<UserAdministration>().RegisterAsync(admin, Registration(), AuthHarness.AdminConfirmationPin);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(1, conflicts.Refused);
        Assert.Single(await h.Get<UserAdministration>().ListAsync(admin));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void Max_commit_attempts_outside_1_to_10_is_refused_at_start_up_naming_the_option(int attempts)
    {
        var services = new ServiceCollection();
        services.AddBizWeb(o => o.MaxCommitAttempts = attempts);
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<BizWebOptions>>().Value);
        Assert.Contains("BizWeb:MaxCommitAttempts must be between 1 and 10.", ex.Failures);
    }

    private static UserRegistration Registration() => new()
    {
        UserId = "taro",
        NameKana = "ヤマダ タロウ",
        NameKanji = "山田 太郎",
        TemporaryLoginPin = AuthHarness.TemporaryLoginPin,
        TemporaryConfirmationPin = AuthHarness.TemporaryConfirmationPin,
        Email = "taro@example.co.jp",
        IssueCertificate = true,
    };

    /// <summary>While active, commits that store a user conflict (up to <see cref="Remaining"/>), as if another request had changed the rows first.</summary>
    private sealed class UserConflicts
    {
        public bool Active { get; set; }

        public int Remaining { get; set; } = int.MaxValue;

        public int Refused { get; private set; }

        public IAuthUnitOfWork Over(IAuthUnitOfWork inner) => new Decorator(this, inner);

        private sealed class Decorator(UserConflicts owner, IAuthUnitOfWork inner) : IAuthUnitOfWork
        {
            public ValueTask<CommitOutcome> CommitAsync(AuthChanges changes, CancellationToken cancellationToken)
            {
                if (owner.Active && changes.Users.Count > 0 && owner.Remaining > 0)
                {
                    owner.Remaining--;
                    owner.Refused++;
                    return ValueTask.FromResult(CommitOutcome.Conflict);
                }

                return inner.CommitAsync(changes, cancellationToken);
            }
        }
    }
}
