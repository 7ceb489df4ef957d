namespace BizWeb.Auth;

/// <summary>What refuses a user whose credential was right: accidents, a contract not active, the user's state.</summary>
internal static class UserGate
{
    public static MessageCode? Refusal(Contract contract, User user, bool requireActive = true) => (contract, user) switch
    {
        ({ AccidentRegistered: true }, _) or (_, { AccidentRegistered: true }) => MessageCode.AccidentRegistered,
        ({ State: not ContractState.Active }, _) => MessageCode.ContractNotActive,
        (_, { State: UserState.Suspended }) => MessageCode.UserSuspended,
        (_, { State: UserState.Registered }) when requireActive => MessageCode.ActivationRequired,
        _ => null,
    };
}
