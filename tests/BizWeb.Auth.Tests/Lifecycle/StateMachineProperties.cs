using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BizWeb.Auth.Tests.Lifecycle;

/// <summary>Random sequences of triggers never reach a transition the tables below (SPEC.md §4, §5) do not allow.</summary>
public sealed class StateMachineProperties
{
    private static readonly HashSet<(ContractState, ContractTrigger, ContractState)> ContractTable =
    [
        (ContractState.AwaitingAdminActivation, ContractTrigger.AdminActivated, ContractState.Active),
        (ContractState.AwaitingAdminActivation, ContractTrigger.Locked, ContractState.Stopped),
        (ContractState.Active, ContractTrigger.Locked, ContractState.Stopped),
        (ContractState.Stopped, ContractTrigger.BankUnlocked, ContractState.AwaitingReactivation),
        (ContractState.AwaitingReactivation, ContractTrigger.AdminActivated, ContractState.Active),
        (ContractState.AwaitingReactivation, ContractTrigger.Locked, ContractState.Stopped),
    ];

    private static readonly HashSet<(UserState, UserTrigger, UserState)> UserTable =
    [
        (UserState.Registered, UserTrigger.Activated, UserState.Active),
        (UserState.Registered, UserTrigger.Suspended, UserState.Suspended),
        (UserState.Active, UserTrigger.Suspended, UserState.Suspended),
        (UserState.Suspended, UserTrigger.Released, UserState.Active),
        (UserState.Suspended, UserTrigger.Released, UserState.Registered),
        (UserState.Registered, UserTrigger.Deleted, UserState.Deleted),
        (UserState.Active, UserTrigger.Deleted, UserState.Deleted),
        (UserState.Suspended, UserTrigger.Deleted, UserState.Deleted),
    ];

    private static Contract NewContract() => new()
    {
        Id = ContractId.Parse("12345678901").Value,
        LockoutMode = LockoutMode.Linked,
        State = ContractState.AwaitingAdminActivation,
        RegistrationPinHash = "x",
        SecurityStamp = "s",
        CreatedAt = DateTimeOffset.UnixEpoch,
    };

    private static User NewUser() => new()
    {
        ContractId = ContractId.Parse("12345678901").Value,
        Id = UserId.Parse("taro").Value,
        NameKana = "タロウ",
        LoginPinHash = "x",
        ConfirmationPinHash = "y",
        State = UserState.Registered,
        SecurityStamp = "s",
        CreatedAt = DateTimeOffset.UnixEpoch,
    };

    [Property(MaxTest = 2000)]
    public Property Contract_transitions_stay_in_the_table() =>
        Prop.ForAll(Arb.From(Gen.ListOf(Gen.Elements(Enum.GetValues<ContractTrigger>()))), triggers =>
        {
            var contract = NewContract();
            foreach (var trigger in triggers)
            {
                var before = contract;
                if (contract.TryApply(trigger, out var next))
                {
                    if (!ContractTable.Contains((before.State, trigger, next.State)))
                    {
                        return false;
                    }

                    contract = next;
                }
                else if (!ReferenceEquals(next, before) || ContractTable.Any(t => t.Item1 == before.State && t.Item2 == trigger))
                {
                    return false;
                }
            }

            return true;
        });

    [Property(MaxTest = 2000)]
    public Property User_transitions_stay_in_the_table_and_a_release_returns_where_the_user_was() =>
        Prop.ForAll(Arb.From(Gen.ListOf(Gen.Elements(Enum.GetValues<UserTrigger>()))), triggers =>
        {
            var user = NewUser();
            var now = DateTimeOffset.UnixEpoch;
            foreach (var trigger in triggers)
            {
                var before = user;
                now = now.AddMinutes(1);
                if (user.TryApply(trigger, now, out var next))
                {
                    var expectedRelease = before.ActivatedAt is null ? UserState.Registered : UserState.Active;
                    if (!UserTable.Contains((before.State, trigger, next.State))
                        || (trigger == UserTrigger.Released && next.State != expectedRelease)
                        || (trigger == UserTrigger.Deleted && next.DeletedAt != now))
                    {
                        return false;
                    }

                    user = next;
                }
                else if (!ReferenceEquals(next, before) || UserTable.Any(t => t.Item1 == before.State && t.Item2 == trigger))
                {
                    return false;
                }
            }

            return true;
        });

    [Fact]
    public void A_lock_renews_the_security_stamp()
    {
        Assert.True(NewContract().TryApply(ContractTrigger.Locked, out var stopped));
        Assert.NotEqual("s", stopped.SecurityStamp);
        Assert.True(NewUser().TryApply(UserTrigger.Suspended, DateTimeOffset.UnixEpoch, out var suspended));
        Assert.NotEqual("s", suspended.SecurityStamp);
    }
}
