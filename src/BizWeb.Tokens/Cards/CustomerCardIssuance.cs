using System.Security.Cryptography;
using System.Text;
using BizWeb.Auth;

namespace BizWeb.Tokens;

/// <summary>
/// The bank's customer card operations (運用端末): issue a card to a contract, or reissue one. A
/// reissued card replaces the old one at once: from then on the old card's answers fail (and count
/// as failures of ②), and challenges asked of the old card cannot be answered.
/// </summary>
public sealed class CustomerCardIssuance
{
    private readonly ICustomerCardStore _cards;
    private readonly IContractStore _contracts;
    private readonly ISecretProtector _protector;
    private readonly TimeProvider _time;

    /// <summary>Creates the service.</summary>
    /// <param name="cards">The card store.</param>
    /// <param name="contracts">The contract store.</param>
    /// <param name="protector">Encrypts card values at rest.</param>
    /// <param name="time">The clock.</param>
    public CustomerCardIssuance(ICustomerCardStore cards, IContractStore contracts, ISecretProtector protector, TimeProvider time)
    {
        _cards = cards ?? throw new ArgumentNullException(nameof(cards));
        _contracts = contracts ?? throw new ArgumentNullException(nameof(contracts));
        _protector = protector ?? throw new ArgumentNullException(nameof(protector));
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>
    /// Issues a new card to <paramref name="contractId"/> (8 values of 2 uniform CSPRNG digits) and
    /// kills the previous card, if any, in one atomic step with its audit record. The values are
    /// returned this once, for printing.
    /// </summary>
    /// <param name="contractId">The contract.</param>
    /// <param name="bankOperator">The bank operator.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The printable card, or <see cref="MessageCode.ContractNotFound"/>.</returns>
    public async ValueTask<AuthResult<CustomerCardPrint>> IssueAsync(ContractId contractId, BankOperator bankOperator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bankOperator);
        var actor = bankOperator.Actor;
        IdGuard.Require(contractId);
        if (await _contracts.FindAsync(contractId, cancellationToken).ConfigureAwait(false) is null)
        {
            return AuthResult.Fail<CustomerCardPrint>(MessageCode.ContractNotFound);
        }

        var now = _time.GetUtcNow();
        var values = new byte[CustomerCardValues.Length];
        string printable;
        byte[] protectedValues;
        try
        {
            CustomerCardValues.Generate(values);
            protectedValues = _protector.Protect(values, CustomerCardValues.ProtectionPurpose);
            printable = Encoding.ASCII.GetString(values);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(values);
        }

        var previous = await _cards.FindAsync(contractId, cancellationToken).ConfigureAwait(false);
        var card = new CustomerCard
        {
            ContractId = contractId,
            SerialNumber = CustomerCardValues.NewSerialNumber(),
            ProtectedValues = protectedValues,
            IssuedAt = now,
        };
        var audit = new AuditEntry
        {
            At = now,
            Actor = actor,
            Action = previous is null ? TokenAudit.CustomerCardIssued : TokenAudit.CustomerCardReissued,
            Subject = PrincipalId.Administrator(contractId),
            Outcome = AuditOutcome.Succeeded,
            Detail = previous is null ? $"card {card.SerialNumber}" : $"card {card.SerialNumber} replaces {previous.SerialNumber}",
        };
        await _cards.ReplaceAsync(card, new AuthChanges().Append(audit), cancellationToken).ConfigureAwait(false);
        return AuthResult.Ok(new CustomerCardPrint(contractId, card.SerialNumber, now, printable));
    }
}
