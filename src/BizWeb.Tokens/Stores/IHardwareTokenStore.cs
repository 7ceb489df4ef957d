using BizWeb.Auth;

namespace BizWeb.Tokens;

/// <summary>
/// The token inventory. Every method is one atomic step; <see cref="TryRecordUseAsync"/> is the
/// replay protection and must be a conditional update (in a database:
/// <c>UPDATE … SET last_used_step = @step WHERE serial = @serial AND last_used_step &lt; @step AND status = Assigned</c>).
/// A method that takes <see cref="AuthChanges"/> commits them (the audit records of the operation) in
/// the same atomic step as its state change, and only when it changed something: state and audit
/// record both, or neither. A conflict in the changes (see <see cref="IAuthUnitOfWork"/>) throws and
/// stores nothing.
/// </summary>
public interface IHardwareTokenStore
{
    /// <summary>Adds every token or none: when any serial number exists already, nothing is added.</summary>
    /// <param name="tokens">The tokens, with distinct serial numbers.</param>
    /// <param name="changes">Committed with the tokens when all were added; or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The serial numbers that exist already; empty when all were added.</returns>
    ValueTask<IReadOnlyList<string>> AddAllAsync(IReadOnlyList<HardwareToken> tokens, AuthChanges? changes, CancellationToken cancellationToken);

    /// <summary>The token with <paramref name="serialNumber"/>, or <see langword="null"/>.</summary>
    /// <param name="serialNumber">The serial number.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The token.</returns>
    ValueTask<HardwareToken?> FindAsync(string serialNumber, CancellationToken cancellationToken);

    /// <summary>The token registered to <paramref name="owner"/>, or <see langword="null"/>.</summary>
    /// <param name="owner">The user.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The token.</returns>
    ValueTask<HardwareToken?> FindByOwnerAsync(PrincipalId owner, CancellationToken cancellationToken);

    /// <summary>A page of the inventory, ordered by serial number (ordinal).</summary>
    /// <param name="skip">Tokens to skip.</param>
    /// <param name="take">Tokens to return at most.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The tokens.</returns>
    ValueTask<IReadOnlyList<HardwareToken>> ListAsync(int skip, int take, CancellationToken cancellationToken);

    /// <summary>
    /// If the token is <see cref="HardwareTokenStatus.InStock"/>: retires the owner's current token (if
    /// any) and assigns this one, with <paramref name="usedStep"/> as its last used step and
    /// <paramref name="drift"/> as its drift. Otherwise changes nothing.
    /// </summary>
    /// <param name="serialNumber">The token to assign.</param>
    /// <param name="owner">The user.</param>
    /// <param name="usedStep">The step of the code that proved possession.</param>
    /// <param name="drift">The drift that code showed.</param>
    /// <param name="now">The current time.</param>
    /// <param name="changes">Called with the assignment when it was made; what it returns commits with it. Or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether it was assigned, and the serial number of the token it replaced.</returns>
    ValueTask<HardwareTokenAssignment> TryAssignAsync(string serialNumber, PrincipalId owner, long usedStep, int drift, DateTimeOffset now, Func<HardwareTokenAssignment, AuthChanges>? changes, CancellationToken cancellationToken);

    /// <summary>
    /// If the token is <see cref="HardwareTokenStatus.InStock"/>: sets its
    /// <see cref="HardwareToken.BoundContractId"/> to <paramref name="contractId"/> (<see langword="null"/>
    /// unbinds it). Otherwise changes nothing.
    /// </summary>
    /// <param name="serialNumber">The token.</param>
    /// <param name="contractId">The contract it is shipped to, or <see langword="null"/>.</param>
    /// <param name="changes">Called with the token as it was before when it was changed; what it returns commits with the change. Or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The token as it was before, or <see langword="null"/> when nothing changed (unknown or not in stock).</returns>
    ValueTask<HardwareToken?> TryBindAsync(string serialNumber, ContractId? contractId, Func<HardwareToken, AuthChanges>? changes, CancellationToken cancellationToken);

    /// <summary>Retires the token (lost, replaced) unless it is retired or unknown.</summary>
    /// <param name="serialNumber">The token.</param>
    /// <param name="now">The current time.</param>
    /// <param name="changes">Called with the token as it was before when it was retired; what it returns commits with the retirement. Or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The token as it was before, or <see langword="null"/> when nothing changed.</returns>
    ValueTask<HardwareToken?> TryRetireAsync(string serialNumber, DateTimeOffset now, Func<HardwareToken, AuthChanges>? changes, CancellationToken cancellationToken);

    /// <summary>
    /// Replay protection: if the token is assigned to <paramref name="owner"/> and its last used step is
    /// below <paramref name="timeStep"/>, sets it to <paramref name="timeStep"/> and the drift to
    /// <paramref name="drift"/>; otherwise changes nothing. Of many parallel calls with the same step,
    /// exactly one succeeds.
    /// </summary>
    /// <param name="serialNumber">The token.</param>
    /// <param name="owner">The user it must be assigned to.</param>
    /// <param name="timeStep">The time step just accepted.</param>
    /// <param name="drift">The drift to remember.</param>
    /// <param name="changes">Committed with the step when it was recorded (a resynchronisation's audit record); <see langword="null"/> for a plain verification, which stays one conditional update.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns><see langword="true"/> when this call recorded the step.</returns>
    ValueTask<bool> TryRecordUseAsync(string serialNumber, PrincipalId owner, long timeStep, int drift, AuthChanges? changes, CancellationToken cancellationToken);
}
