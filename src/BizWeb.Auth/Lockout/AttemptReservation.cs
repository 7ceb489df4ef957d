namespace BizWeb.Auth;

/// <summary>
/// The answer of <see cref="ICredentialCounterStore.TryReserveAttemptAsync"/>: whether one more guess
/// may be evaluated, and the number of consecutive failures counted with it.
/// </summary>
/// <param name="Reserved">
/// <see langword="true"/> when the counter was below the limit and has been incremented for this
/// attempt; <see langword="false"/> when the limit was already reached (nothing changed).
/// </param>
/// <param name="Failures">The counter after the call: this attempt's number when reserved.</param>
public readonly record struct AttemptReservation(bool Reserved, int Failures);
