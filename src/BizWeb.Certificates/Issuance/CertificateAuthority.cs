using System.Security.Cryptography.X509Certificates;
using BizWeb.Auth;

namespace BizWeb.Certificates;

/// <summary>
/// The bank's CA (しんきん電子証明書認証局): issues client certificates from PKCS#10 requests against
/// an enrollment ticket of the auth flows (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §4 steps 2 and 5), renews them, revokes them for
/// bank operations and publishes the CRL. The CA decides the subject; a principal has one current
/// certificate, and issuing a new one revokes the previous one as superseded. Every issuance,
/// refusal and revocation is audited; a revocation or supersession renews the principal's security
/// stamp (its sessions end) and an issuance queues the 電子証明書発行 notifications, each in the
/// same atomic commit as the certificate change.
/// </summary>
public sealed class CertificateAuthority
{
    private const int MaxSerialAttempts = 3;
    private readonly IssuingAuthority _authority;
    private readonly ICertificateStore _store;
    private readonly ICertificateRevocationListStore _crls;
    private readonly EnrollmentTicketFinder _findTicket;
    private readonly EnrollmentTicketRedeemer _redeemTicket;
    private readonly CertificateHolders _holders;
    private readonly ClientCertificateAuthenticator _authenticator;
    private readonly IAuthUnitOfWork _unitOfWork;
    private readonly CertificateAuthorityOptions _options;
    private readonly BankCode _bankCode;
    private readonly TimeProvider _time;

    internal CertificateAuthority(
        IssuingAuthority authority,
        ICertificateStore store,
        ICertificateRevocationListStore crls,
        EnrollmentTicketFinder findTicket,
        EnrollmentTicketRedeemer redeemTicket,
        CertificateHolders holders,
        ClientCertificateAuthenticator authenticator,
        IAuthUnitOfWork unitOfWork,
        CertificateAuthorityOptions options,
        BankCode bankCode,
        TimeProvider time)
    {
        _authority = authority;
        _store = store;
        _crls = crls;
        _findTicket = findTicket;
        _redeemTicket = redeemTicket;
        _holders = holders;
        _authenticator = authenticator;
        _unitOfWork = unitOfWork;
        _options = options;
        _bankCode = bankCode;
        _time = time;
    }

    /// <summary>
    /// Issues (or reissues) the client certificate of the principal the enrollment ticket names.
    /// The ticket is looked up first, without using it up: an unknown, expired or used ticket gets
    /// <see cref="MessageCode.EnrollmentTicketInvalid"/> before the request is read. Then the request
    /// is judged (key policy, proof of possession); a refused request does not use up the ticket, so
    /// the person may send a corrected one while the ticket lives. Only then is the ticket redeemed.
    /// </summary>
    /// <param name="enrollmentTicket">The ticket from <see cref="CertificateEnrollment"/>.</param>
    /// <param name="certificationRequest">The PKCS#10 request, DER or PEM.</param>
    /// <param name="actor">Who acts.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new current certificate; or <see cref="MessageCode.EnrollmentTicketInvalid"/>, or a key-policy code (3006–3012, 3016).</returns>
    public async ValueTask<AuthResult<IssuedCertificate>> IssueAsync(string? enrollmentTicket, ReadOnlyMemory<byte> certificationRequest, AuditActor actor, CancellationToken cancellationToken = default)
    {
        // The cheapest gate first: no byte of the request is parsed for an unknown ticket.
        var ticket = await _findTicket(enrollmentTicket, cancellationToken).ConfigureAwait(false);
        if (!ticket.Succeeded)
        {
            await AuditAsync(actor, "CertificateIssue", null, AuditOutcome.Refused, ticket.ErrorCode.ToString(), cancellationToken).ConfigureAwait(false);
            return AuthResult.Fail<IssuedCertificate>(ticket.Errors);
        }

        var judgement = CertificateRequestPolicy.Judge(certificationRequest.Span);
        if (!judgement.Accepted)
        {
            await AuditAsync(actor, "CertificateRequestRefused", ticket.Value, AuditOutcome.Failed, judgement.Refusal.ToString(), cancellationToken).ConfigureAwait(false);
            return AuthResult.Fail<IssuedCertificate>(judgement.Refusal!.Value);
        }

        var redeemed = await _redeemTicket(enrollmentTicket, cancellationToken).ConfigureAwait(false);
        if (!redeemed.Succeeded)
        {
            await AuditAsync(actor, "CertificateIssue", null, AuditOutcome.Refused, redeemed.ErrorCode.ToString(), cancellationToken).ConfigureAwait(false);
            return AuthResult.Fail<IssuedCertificate>(redeemed.Errors);
        }

        return AuthResult.Ok(await IssueForAsync(redeemed.Value, judgement, actor, "CertificateIssued", cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Renews with the current certificate (the host passes the TLS client certificate, so the
    /// holder proved possession of its key): open from <see cref="CertificateAuthorityOptions.RenewalWindow"/>
    /// before expiry. The current certificate is checked before the request is read. The new
    /// certificate becomes the current one; the old one is revoked as superseded, which renews the
    /// security stamp (the session signed in with the old certificate ends).
    /// </summary>
    /// <param name="currentCertificate">The TLS client certificate.</param>
    /// <param name="certificationRequest">The PKCS#10 request for the new key, DER or PEM.</param>
    /// <param name="actor">Who acts.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new certificate; or <see cref="MessageCode.CertificateNotAccepted"/>, <see cref="MessageCode.CertificateRenewalNotOpen"/>, a key-policy code.</returns>
    public async ValueTask<AuthResult<IssuedCertificate>> RenewAsync(X509Certificate2 currentCertificate, ReadOnlyMemory<byte> certificationRequest, AuditActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(currentCertificate);
        var now = _time.GetUtcNow();
        var mapping = await _authenticator.MapAsync(currentCertificate.RawData, now, cancellationToken).ConfigureAwait(false);
        if (mapping.Refusal != CertificateRefusal.None)
        {
            await AuditAsync(actor, "CertificateRenewal", mapping.Principal, AuditOutcome.Refused, mapping.Refusal.ToString(), cancellationToken).ConfigureAwait(false);
            return AuthResult.Fail<IssuedCertificate>(MessageCode.CertificateNotAccepted);
        }

        var principal = mapping.Principal!.Value;
        if (now < mapping.Certificate!.NotAfter - _options.RenewalWindow)
        {
            await AuditAsync(actor, "CertificateRenewal", principal, AuditOutcome.Refused, nameof(MessageCode.CertificateRenewalNotOpen), cancellationToken).ConfigureAwait(false);
            return AuthResult.Fail<IssuedCertificate>(MessageCode.CertificateRenewalNotOpen);
        }

        var judgement = CertificateRequestPolicy.Judge(certificationRequest.Span);
        if (!judgement.Accepted)
        {
            await AuditAsync(actor, "CertificateRequestRefused", principal, AuditOutcome.Failed, judgement.Refusal.ToString(), cancellationToken).ConfigureAwait(false);
            return AuthResult.Fail<IssuedCertificate>(judgement.Refusal!.Value);
        }

        return AuthResult.Ok(await IssueForAsync(principal, judgement, actor, "CertificateRenewed", cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Revokes a certificate by serial number (bank operations), then publishes a new CRL.</summary>
    /// <param name="serialNumber">Hex serial number (any case).</param>
    /// <param name="reason">Why.</param>
    /// <param name="bankOperator">The bank operator.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success (the principal's security stamp is renewed with it); or <see cref="MessageCode.CertificateNotFound"/>, <see cref="MessageCode.CertificateAlreadyRevoked"/>.</returns>
    public ValueTask<AuthResult> RevokeAsync(string serialNumber, CertificateRevocationReason reason, BankOperator bankOperator, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bankOperator);
        return RevokeAsync(serialNumber, reason, bankOperator.Actor, cancellationToken);
    }

    /// <summary>The revocation for <paramref name="actor"/>: a bank operator, or a flow of the SDK that revokes as part of its verb.</summary>
    internal async ValueTask<AuthResult> RevokeAsync(string serialNumber, CertificateRevocationReason reason, AuditActor actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(serialNumber);
        if (!Enum.IsDefined(reason))
        {
            throw new ArgumentOutOfRangeException(nameof(reason), reason, "Not a revocation reason.");
        }

        var serial = serialNumber.Trim().ToUpperInvariant();
        var certificate = await _store.FindBySerialAsync(serial, cancellationToken).ConfigureAwait(false);
        // The revocation, its audit record and the principal's renewed security stamp commit in one
        // atomic step (a serial's principal never changes).
        var holder = certificate is null ? null : await _holders.FindAsync(certificate.Principal, cancellationToken).ConfigureAwait(false);
        var outcome = certificate is null
            ? CertificateRevocationOutcome.NotFound
            : await _store.RevokeAsync(
                serial,
                reason,
                _time.GetUtcNow(),
                EndSessions(holder, new AuthChanges().Append(Entry(actor, "CertificateRevoked", certificate.Principal, AuditOutcome.Succeeded, $"{serial} {reason}"))),
                cancellationToken).ConfigureAwait(false);
        switch (outcome)
        {
            case CertificateRevocationOutcome.NotFound:
                await AuditAsync(actor, "CertificateRevoke", null, AuditOutcome.Refused, nameof(MessageCode.CertificateNotFound), cancellationToken).ConfigureAwait(false);
                return AuthResult.Fail(MessageCode.CertificateNotFound);
            case CertificateRevocationOutcome.AlreadyRevoked:
                await AuditAsync(actor, "CertificateRevoke", certificate!.Principal, AuditOutcome.Refused, nameof(MessageCode.CertificateAlreadyRevoked), cancellationToken).ConfigureAwait(false);
                return AuthResult.Fail(MessageCode.CertificateAlreadyRevoked);
        }

        await PublishCertificateRevocationListAsync(cancellationToken).ConfigureAwait(false);
        return AuthResult.Success;
    }

    /// <summary>
    /// Revokes the principal's current certificate: for bank operations, on user deletion
    /// (<see cref="CertificateRevocationReason.CessationOfOperation"/>) and on accident registration
    /// where the bank chooses so (<see cref="CertificateRevocationReason.KeyCompromise"/>).
    /// </summary>
    /// <param name="principal">The administrator or user.</param>
    /// <param name="reason">Why.</param>
    /// <param name="bankOperator">The bank operator.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Success; or <see cref="MessageCode.CertificateNotFound"/> when the principal has no current certificate.</returns>
    public ValueTask<AuthResult> RevokeCurrentAsync(PrincipalId principal, CertificateRevocationReason reason, BankOperator bankOperator, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(bankOperator);
        return RevokeCurrentAsync(principal, reason, bankOperator.Actor, cancellationToken);
    }

    /// <summary>The revocation of the current certificate for <paramref name="actor"/> (see <see cref="RevokeAsync(string, CertificateRevocationReason, AuditActor, CancellationToken)"/>).</summary>
    internal async ValueTask<AuthResult> RevokeCurrentAsync(PrincipalId principal, CertificateRevocationReason reason, AuditActor actor, CancellationToken cancellationToken)
    {
        IdGuard.Require(principal);
        var current = await _store.FindCurrentAsync(principal, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            await AuditAsync(actor, "CertificateRevoke", principal, AuditOutcome.Refused, nameof(MessageCode.CertificateNotFound), cancellationToken).ConfigureAwait(false);
            return AuthResult.Fail(MessageCode.CertificateNotFound);
        }

        return await RevokeAsync(current.SerialNumber, reason, actor, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The principal's current certificate, or <see langword="null"/> (for the operations console).</summary>
    /// <param name="principal">The administrator or user.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The certificate.</returns>
    public ValueTask<IssuedCertificate?> FindCurrentAsync(PrincipalId principal, CancellationToken cancellationToken = default) =>
        _store.FindCurrentAsync(IdGuard.Require(principal), cancellationToken);

    /// <summary>The CRL to serve: the latest, or a new one when none exists or half of its validity has passed.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The CRL.</returns>
    public async ValueTask<CertificateRevocationList> GetCertificateRevocationListAsync(CancellationToken cancellationToken = default)
    {
        var latest = await _crls.FindLatestAsync(cancellationToken).ConfigureAwait(false);
        return latest is not null && _time.GetUtcNow() < latest.ThisUpdate + (_options.CrlValidity / 2)
            ? latest
            : await PublishCertificateRevocationListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Signs and keeps a new CRL with the next number (called on every revocation; call it on a schedule too).</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The new CRL.</returns>
    public async ValueTask<CertificateRevocationList> PublishCertificateRevocationListAsync(CancellationToken cancellationToken = default)
    {
        var ca = await _authority.GetAsync(cancellationToken).ConfigureAwait(false);
        var thisUpdate = Seconds(_time.GetUtcNow());
        var number = await _crls.NextNumberAsync(cancellationToken).ConfigureAwait(false);
        var revoked = await _store.ListRevokedAsync(thisUpdate, cancellationToken).ConfigureAwait(false);
        var nextUpdate = thisUpdate + _options.CrlValidity;
        var crl = new CertificateRevocationList
        {
            Number = number,
            ThisUpdate = thisUpdate,
            NextUpdate = nextUpdate,
            RawData = CertificateRevocationListBuilder.Build(ca, number, thisUpdate, nextUpdate, revoked),
        };
        await _crls.SaveAsync(crl, cancellationToken).ConfigureAwait(false);
        return crl;
    }

    /// <summary>The CA's certificate (public part), for the trust configuration of the TLS endpoint and for clients.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A new instance the caller owns (and disposes).</returns>
    public async ValueTask<X509Certificate2> GetAuthorityCertificateAsync(CancellationToken cancellationToken = default) =>
        X509CertificateLoader.LoadCertificate((await _authority.GetAsync(cancellationToken).ConfigureAwait(false)).Certificate.RawData);

    private async ValueTask<IssuedCertificate> IssueForAsync(PrincipalId principal, CertificateRequestPolicy.Judgement judgement, AuditActor actor, string action, CancellationToken cancellationToken)
    {
        var ca = await _authority.GetAsync(cancellationToken).ConfigureAwait(false);
        var now = Seconds(_time.GetUtcNow());
        var commonName = principal.UserId is { } userId
            ? CertificateCommonName.ForUser(principal.ContractId, userId, _bankCode)
            : CertificateCommonName.ForAdministrator(principal.ContractId, _bankCode);
        var subject = ClientCertificateBuilder.Subject(commonName, _options);
        var notBefore = now - _options.ClockSkew;
        var authorityNotAfter = new DateTimeOffset(ca.BcCertificate.NotAfter, TimeSpan.Zero);
        var notAfter = now + _options.Validity < authorityNotAfter ? now + _options.Validity : authorityNotAfter;
        for (var attempt = 0; attempt < MaxSerialAttempts; attempt++)
        {
            var serial = SerialNumbers.New();
            var certificate = new IssuedCertificate
            {
                SerialNumber = SerialNumbers.ToText(serial),
                Principal = principal,
                NotBefore = notBefore,
                NotAfter = notAfter,
                IssuedAt = now,
                RawData = ClientCertificateBuilder.Build(ca, judgement.PublicKey!, judgement.IsRsa, subject, serial, notBefore, notAfter, _options.CrlDistributionPoint!),
            };
            // The certificate, the supersession of the previous one, their audit records, the renewed
            // security stamp (on supersession) and the notifications commit in one atomic step.
            var holder = await _holders.FindAsync(principal, cancellationToken).ConfigureAwait(false);
            var addition = await _store.AddCurrentAsync(
                certificate,
                added =>
                {
                    var changes = new AuthChanges().Append(Entry(actor, action, principal, AuditOutcome.Succeeded, certificate.SerialNumber));
                    holder?.NotifyIssued(changes);
                    return added.Superseded is { } old
                        ? EndSessions(holder, changes.Append(Entry(AuditActor.System, "CertificateSuperseded", principal, AuditOutcome.Succeeded, old.SerialNumber)))
                        : changes;
                },
                cancellationToken).ConfigureAwait(false);
            if (!addition.Added)
            {
                continue; // the serial exists: sign again with a new one
            }

            if (addition.Superseded is not null)
            {
                await PublishCertificateRevocationListAsync(cancellationToken).ConfigureAwait(false);
            }

            return certificate;
        }

        throw new InvalidOperationException("The certificate store refused three random serial numbers in a row; check the store.");
    }

    private static AuthChanges EndSessions(CertificateHolder? holder, AuthChanges changes) => holder is null ? changes : holder.EndSessions(changes);

    private AuditEntry Entry(AuditActor actor, string action, PrincipalId? subject, AuditOutcome outcome, string? detail) => new()
    {
        At = _time.GetUtcNow(),
        Actor = actor,
        Action = action,
        Subject = subject,
        Outcome = outcome,
        Detail = detail,
    };

    private async ValueTask AuditAsync(AuditActor actor, string action, PrincipalId? subject, AuditOutcome outcome, string? detail, CancellationToken cancellationToken) =>
        await _unitOfWork.CommitAsync(new AuthChanges().Append(Entry(actor, action, subject, outcome, detail)), cancellationToken).ConfigureAwait(false);

    /// <summary>X.509 times have whole seconds; so do the stored ones.</summary>
    private static DateTimeOffset Seconds(DateTimeOffset t) => new(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
