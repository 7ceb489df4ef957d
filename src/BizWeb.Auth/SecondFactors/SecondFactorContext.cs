namespace BizWeb.Auth;

/// <summary>What a second-factor challenge or answer is bound to.</summary>
/// <param name="Principal">Whose factor.</param>
/// <param name="Purpose">The step that asks, e.g. <see cref="FlowPurpose.AdminSignIn"/>.</param>
/// <param name="FlowId">The flow instance (a <see cref="FlowTicket.Id"/>), so a challenge of one flow never answers another.</param>
/// <param name="Now">The current time.</param>
public readonly record struct SecondFactorContext(PrincipalId Principal, FlowPurpose Purpose, Guid FlowId, DateTimeOffset Now);
