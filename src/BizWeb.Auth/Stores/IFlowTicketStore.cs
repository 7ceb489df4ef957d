namespace BizWeb.Auth;

/// <summary>Reads flow tickets; changes go through <see cref="IAuthUnitOfWork"/>.</summary>
public interface IFlowTicketStore
{
    /// <summary>The ticket whose handle hashes to <paramref name="handleHash"/>, or <see langword="null"/>.</summary>
    /// <param name="handleHash">Hex SHA-256 of the handle.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The ticket.</returns>
    ValueTask<FlowTicket?> FindByHandleHashAsync(string handleHash, CancellationToken cancellationToken);

    /// <summary>The most recently started ticket of <paramref name="principal"/> for <paramref name="purpose"/>, or <see langword="null"/>.</summary>
    /// <param name="principal">Whose flow.</param>
    /// <param name="purpose">Which flow.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The ticket.</returns>
    ValueTask<FlowTicket?> FindLatestAsync(PrincipalId principal, FlowPurpose purpose, CancellationToken cancellationToken);
}
