using System.Globalization;
using BizWeb.Auth;

namespace BizWeb.Tokens;

/// <summary>
/// The failure counters of token registration (P.15), kept in the lockout engine's
/// <see cref="ICredentialCounterStore"/> and, like its credentials, reserved before a code is
/// evaluated, so parallel requests on any number of servers never evaluate more than the limits.
/// <list type="bullet">
/// <item>Per serial number (<c>token/{serial}#7</c>, 7 = <see cref="Credential.HardwareToken"/>), never
/// forgotten: at <see cref="HardwareTokenOptions.RegistrationFailureLimit"/> the serial number is blocked
/// until the bank resets the counter; a registration resets it. Serial numbers not in the inventory
/// count exactly the same.</item>
/// <item>Per contract and bank day (<c>{contract}#7/{yyyyMMdd}</c>): attempts in flight plus failures,
/// reserved against <see cref="HardwareTokenOptions.ContractRegistrationFailuresPerDay"/> plus the
/// registrations of that day (<c>{contract}#7/{yyyyMMdd}/registered</c>), so a success does not use up
/// the limit although its attempt was reserved before the code was known to be right.</item>
/// </list>
/// </summary>
internal sealed class HardwareTokenRegistrationCounters
{
    private const int TokenCredential = (int)Credential.HardwareToken;

    /// <summary>A day's counters are dropped (by the storage purge) a day after that day at the latest.</summary>
    private static readonly TimeSpan DayCounterLifetime = TimeSpan.FromDays(2);

    private readonly ICredentialCounterStore _counters;
    private readonly HardwareTokenOptions _options;
    private readonly TimeZoneInfo _timeZone;

    public HardwareTokenRegistrationCounters(ICredentialCounterStore counters, HardwareTokenOptions options, BizWebOptions bizWeb)
    {
        _counters = counters;
        _options = options;
        _timeZone = TimeZoneInfo.FindSystemTimeZoneById(bizWeb.TimeZoneId);
    }

    /// <summary>The longest serial number the inventory holds (the PSKC import's limit and the stores' column).</summary>
    public const int MaxSerialNumberLength = 64;

    /// <summary>The serial number's counter; its key fits the store's 80 characters for every serial number the inventory can hold.</summary>
    public static string SerialKey(string serialNumber) => $"token/{serialNumber}#{TokenCredential}";

    /// <summary>Whether <paramref name="serialNumber"/> could be in the inventory at all (1–64 characters, no control characters).</summary>
    public static bool CouldExist(string? serialNumber) =>
        !string.IsNullOrEmpty(serialNumber) && serialNumber.Length <= MaxSerialNumberLength && !serialNumber.Any(char.IsControl);

    /// <summary>Reserves one attempt of the contract's day.</summary>
    public async ValueTask<AttemptReservation> ReserveContractAsync(ContractId contract, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var day = Day(now);
        // Read before reserving: a success of a parallel request that is not counted yet only makes
        // the limit lower for this reservation (fails safe).
        var registered = await _counters.GetFailuresAsync(RegisteredKey(contract, day), now, cancellationToken).ConfigureAwait(false);
        return await _counters.TryReserveAttemptAsync(
            AttemptsKey(contract, day), _options.ContractRegistrationFailuresPerDay + registered, now, now + DayCounterLifetime, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Counts a registration of the contract's day, which raises that day's limit of attempts by one.</summary>
    public async ValueTask RecordContractRegistrationAsync(ContractId contract, DateTimeOffset now, CancellationToken cancellationToken) =>
        _ = await _counters.TryReserveAttemptAsync(RegisteredKey(contract, Day(now)), int.MaxValue, now, now + DayCounterLifetime, cancellationToken).ConfigureAwait(false);

    /// <summary>Reserves one attempt at the serial number.</summary>
    public ValueTask<AttemptReservation> ReserveSerialAsync(string serialNumber, DateTimeOffset now, CancellationToken cancellationToken) =>
        _counters.TryReserveAttemptAsync(SerialKey(serialNumber), _options.RegistrationFailureLimit, now, null, cancellationToken);

    /// <summary>Whether the serial number is blocked for registration (its counter is at the limit).</summary>
    public async ValueTask<bool> IsBlockedAsync(string serialNumber, DateTimeOffset now, CancellationToken cancellationToken) =>
        await _counters.GetFailuresAsync(SerialKey(serialNumber), now, cancellationToken).ConfigureAwait(false) >= _options.RegistrationFailureLimit;

    private static string AttemptsKey(ContractId contract, string day) => $"{contract}#{TokenCredential}/{day}";

    private static string RegisteredKey(ContractId contract, string day) => $"{contract}#{TokenCredential}/{day}/registered";

    private string Day(DateTimeOffset now) => TimeZoneInfo.ConvertTime(now, _timeZone).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
