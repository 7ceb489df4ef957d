namespace BizWeb.Tokens;

/// <summary>The answer of <see cref="IHardwareTokenStore.TryAssignAsync"/>.</summary>
/// <param name="Assigned">Whether the token was in stock and is now the owner's.</param>
/// <param name="ReplacedSerialNumber">The owner's previous token, now retired, if there was one.</param>
public readonly record struct HardwareTokenAssignment(bool Assigned, string? ReplacedSerialNumber);
