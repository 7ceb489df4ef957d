using BizWeb.Auth;

namespace BizWeb.Certificates.Conformance;

/// <summary>
/// Issued certificates: exact round trip, one current certificate per principal (issuing supersedes
/// the previous one in the same atomic step, even in parallel), unique serial numbers, revocation
/// exactly once, the CRL's and the reminders' queries.
/// </summary>
public abstract class CertificateStoreConformance : CertificateStoreConformanceBase
{
    [Fact]
    public async Task A_certificate_round_trips_with_every_field()
    {
        var certificate = NewCertificate(Taro) with { ReminderSentDaysBefore = null };
        Assert.Equal(new CertificateAddition(true, null), await Certificates.AddCurrentAsync(certificate, null, default));
        var stored = (await Certificates.FindBySerialAsync(certificate.SerialNumber, default))!;
        Assert.Equal(certificate.RawData, stored.RawData);
        Assert.Equal(
            (certificate.SerialNumber, certificate.Principal, certificate.NotBefore, certificate.NotAfter, certificate.IssuedAt, certificate.RevokedAt, certificate.RevocationReason, certificate.ReminderSentDaysBefore),
            (stored.SerialNumber, stored.Principal, stored.NotBefore, stored.NotAfter, stored.IssuedAt, stored.RevokedAt, stored.RevocationReason, stored.ReminderSentDaysBefore));
        Assert.Equal(certificate.SerialNumber, (await Certificates.FindCurrentAsync(Taro, default))!.SerialNumber);
        Assert.Null(await Certificates.FindBySerialAsync(certificate.SerialNumber.ToLowerInvariant(), default));
        Assert.Null(await Certificates.FindCurrentAsync(Hanako, default));
    }

    [Fact]
    public async Task A_certificate_of_a_default_principal_is_refused_and_nothing_is_stored()
    {
        var certificate = NewCertificate(default);
        Assert.Equal("certificate", (await Assert.ThrowsAsync<ArgumentException>(() => Certificates.AddCurrentAsync(certificate, _ => Audited("default"), default).AsTask())).ParamName);
        Assert.Null(await Certificates.FindBySerialAsync(certificate.SerialNumber, default));
        Assert.Empty(await AuditedDetailsAsync());
        Assert.True((await Certificates.AddCurrentAsync(certificate with { Principal = Taro }, null, default)).Added);
    }

    [Fact]
    public async Task Issuing_and_revoking_commit_with_their_audit_records_and_a_refused_change_records_nothing()
    {
        var first = NewCertificate(Taro);
        var second = NewCertificate(Taro, T0.AddDays(300));
        Assert.True((await Certificates.AddCurrentAsync(first, a => Audited($"issued {first.SerialNumber} {a.Superseded?.SerialNumber}"), default)).Added);
        Assert.False((await Certificates.AddCurrentAsync(first, _ => throw new InvalidOperationException("called for a refused addition"), default)).Added);
        Assert.True((await Certificates.AddCurrentAsync(second, a => Audited($"issued {second.SerialNumber} {a.Superseded?.SerialNumber}"), default)).Added);
        Assert.Equal(CertificateRevocationOutcome.Revoked, await Certificates.RevokeAsync(second.SerialNumber, CertificateRevocationReason.KeyCompromise, T0.AddDays(301), Audited("revoked"), default));
        Assert.Equal(CertificateRevocationOutcome.AlreadyRevoked, await Certificates.RevokeAsync(second.SerialNumber, CertificateRevocationReason.KeyCompromise, T0.AddDays(302), Audited("revoked again"), default));
        Assert.Equal(CertificateRevocationOutcome.NotFound, await Certificates.RevokeAsync("00", CertificateRevocationReason.KeyCompromise, T0, Audited("revoked nothing"), default));
        Assert.Equal([$"issued {first.SerialNumber} ", $"issued {second.SerialNumber} {first.SerialNumber}", "revoked"], await AuditedDetailsAsync());
    }

    [Fact]
    public async Task A_change_whose_audit_record_cannot_commit_is_not_stored()
    {
        var first = NewCertificate(Taro);
        Assert.True((await Certificates.AddCurrentAsync(first, null, default)).Added);
        var clash = await ConflictingAsync("issued");
        var second = NewCertificate(Taro, T0.AddDays(300));
        await Assert.ThrowsAnyAsync<Exception>(async () => await Certificates.AddCurrentAsync(second, _ => clash, default));
        Assert.Null(await Certificates.FindBySerialAsync(second.SerialNumber, default));
        Assert.Equal(first.SerialNumber, (await Certificates.FindCurrentAsync(Taro, default))!.SerialNumber);
        Assert.False((await Certificates.FindBySerialAsync(first.SerialNumber, default))!.IsRevoked);

        await Assert.ThrowsAnyAsync<Exception>(async () => await Certificates.RevokeAsync(first.SerialNumber, CertificateRevocationReason.KeyCompromise, T0.AddDays(1), await ConflictingAsync("revoked"), default));
        Assert.False((await Certificates.FindBySerialAsync(first.SerialNumber, default))!.IsRevoked);
        Assert.Empty(await AuditedDetailsAsync());
    }

    [Fact]
    public async Task Issuing_a_new_certificate_supersedes_the_previous_one_at_its_issue_time()
    {
        var first = NewCertificate(Taro);
        await Certificates.AddCurrentAsync(first, null, default);
        var second = NewCertificate(Taro, T0.AddDays(300));
        var addition = await Certificates.AddCurrentAsync(second, null, default);

        Assert.True(addition.Added);
        Assert.Equal(first.SerialNumber, addition.Superseded!.SerialNumber);
        Assert.Equal((second.IssuedAt, CertificateRevocationReason.Superseded), (addition.Superseded.RevokedAt!.Value, addition.Superseded.RevocationReason!.Value));
        var stored = (await Certificates.FindBySerialAsync(first.SerialNumber, default))!;
        Assert.Equal(((DateTimeOffset?)second.IssuedAt, (CertificateRevocationReason?)CertificateRevocationReason.Superseded), (stored.RevokedAt, stored.RevocationReason));
        Assert.Equal(second.SerialNumber, (await Certificates.FindCurrentAsync(Taro, default))!.SerialNumber);
    }

    [Fact]
    public async Task The_administrator_and_each_user_have_a_current_certificate_of_their_own()
    {
        var admin = NewCertificate(Admin);
        var taro = NewCertificate(Taro);
        var hanako = NewCertificate(Hanako);
        foreach (var certificate in new[] { admin, taro, hanako })
        {
            Assert.Equal(new CertificateAddition(true, null), await Certificates.AddCurrentAsync(certificate, null, default));
        }

        Assert.Equal(admin.SerialNumber, (await Certificates.FindCurrentAsync(Admin, default))!.SerialNumber);
        Assert.Equal(taro.SerialNumber, (await Certificates.FindCurrentAsync(Taro, default))!.SerialNumber);
        Assert.Equal(hanako.SerialNumber, (await Certificates.FindCurrentAsync(Hanako, default))!.SerialNumber);
        Assert.Equal(admin.Principal, (await Certificates.FindBySerialAsync(admin.SerialNumber, default))!.Principal);
    }

    [Fact]
    public async Task A_serial_number_that_exists_is_refused_and_nothing_changes()
    {
        var first = NewCertificate(Taro);
        await Certificates.AddCurrentAsync(first, null, default);
        var clash = NewCertificate(Hanako) with { SerialNumber = first.SerialNumber };
        Assert.Equal(new CertificateAddition(false, null), await Certificates.AddCurrentAsync(clash, null, default));
        Assert.Null(await Certificates.FindCurrentAsync(Hanako, default));
        var again = NewCertificate(Taro, T0.AddDays(1)) with { SerialNumber = first.SerialNumber };
        Assert.Equal(new CertificateAddition(false, null), await Certificates.AddCurrentAsync(again, null, default));
        var stored = (await Certificates.FindCurrentAsync(Taro, default))!;
        Assert.Equal((first.SerialNumber, first.Principal, false), (stored.SerialNumber, stored.Principal, stored.IsRevoked));
    }

    [Fact]
    public async Task Revocation_happens_once_and_clears_the_current_certificate()
    {
        var certificate = NewCertificate(Taro);
        await Certificates.AddCurrentAsync(certificate, null, default);
        Assert.Equal(CertificateRevocationOutcome.Revoked, await Certificates.RevokeAsync(certificate.SerialNumber, CertificateRevocationReason.KeyCompromise, T0.AddDays(2), null, default));
        Assert.Equal(CertificateRevocationOutcome.AlreadyRevoked, await Certificates.RevokeAsync(certificate.SerialNumber, CertificateRevocationReason.Unspecified, T0.AddDays(3), null, default));
        Assert.Equal(CertificateRevocationOutcome.NotFound, await Certificates.RevokeAsync("00", CertificateRevocationReason.Unspecified, T0, null, default));

        Assert.Null(await Certificates.FindCurrentAsync(Taro, default));
        var stored = (await Certificates.FindBySerialAsync(certificate.SerialNumber, default))!;
        Assert.Equal(((DateTimeOffset?)T0.AddDays(2), (CertificateRevocationReason?)CertificateRevocationReason.KeyCompromise), (stored.RevokedAt, stored.RevocationReason));

        // After a revocation, the next certificate supersedes nothing.
        Assert.Equal(new CertificateAddition(true, null), await Certificates.AddCurrentAsync(NewCertificate(Taro, T0.AddDays(4)), null, default));
    }

    [Fact]
    public async Task Revoking_a_superseded_certificate_leaves_the_current_one()
    {
        var first = NewCertificate(Taro);
        var second = NewCertificate(Taro, T0.AddDays(1));
        await Certificates.AddCurrentAsync(first, null, default);
        await Certificates.AddCurrentAsync(second, null, default);
        Assert.Equal(CertificateRevocationOutcome.AlreadyRevoked, await Certificates.RevokeAsync(first.SerialNumber, CertificateRevocationReason.KeyCompromise, T0.AddDays(2), null, default));
        Assert.Equal(second.SerialNumber, (await Certificates.FindCurrentAsync(Taro, default))!.SerialNumber);
    }

    [Fact]
    public async Task The_CRL_lists_revoked_certificates_that_have_not_expired()
    {
        var expired = NewCertificate(Taro, T0, days: 10);
        var live = NewCertificate(Hanako, T0, days: 100);
        var current = NewCertificate(Admin, T0, days: 100);
        foreach (var certificate in new[] { expired, live, current })
        {
            await Certificates.AddCurrentAsync(certificate, null, default);
        }

        await Certificates.RevokeAsync(expired.SerialNumber, CertificateRevocationReason.AffiliationChanged, T0.AddDays(1), null, default);
        await Certificates.RevokeAsync(live.SerialNumber, CertificateRevocationReason.CessationOfOperation, T0.AddDays(1), null, default);

        var listed = await Certificates.ListRevokedAsync(T0.AddDays(20), default);
        var entry = Assert.Single(listed);
        Assert.Equal((live.SerialNumber, (CertificateRevocationReason?)CertificateRevocationReason.CessationOfOperation), (entry.SerialNumber, entry.RevocationReason));
        Assert.Equal(2, (await Certificates.ListRevokedAsync(T0.AddDays(5), default)).Count);
        Assert.Empty(await Certificates.ListRevokedAsync(expired.NotAfter.AddDays(100), default));
    }

    [Fact]
    public async Task Expiring_current_certificates_are_listed_soonest_first_without_revoked_or_superseded_ones()
    {
        var later = NewCertificate(Taro, T0, days: 50);
        var sooner = NewCertificate(Hanako, T0, days: 30);
        var revoked = NewCertificate(Admin, T0, days: 20);
        var outside = NewCertificate(PrincipalId.User(Contract, UserId.Parse("jiro").Value), T0, days: 400);
        foreach (var certificate in new[] { later, sooner, revoked, outside })
        {
            await Certificates.AddCurrentAsync(certificate, null, default);
        }

        await Certificates.RevokeAsync(revoked.SerialNumber, CertificateRevocationReason.Unspecified, T0, null, default);
        var superseded = NewCertificate(Taro, T0.AddDays(1), days: 60);
        await Certificates.AddCurrentAsync(superseded, null, default);

        Assert.Equal(
            [sooner.SerialNumber, superseded.SerialNumber],
            (await Certificates.ListCurrentExpiringAsync(T0.AddDays(100), default)).Select(c => c.SerialNumber));
    }

    [Fact]
    public async Task A_reminder_is_recorded_once_per_lead_time_and_only_towards_shorter_ones()
    {
        var certificate = NewCertificate(Taro);
        await Certificates.AddCurrentAsync(certificate, null, default);
        Assert.True(await Certificates.TryMarkReminderSentAsync(certificate.SerialNumber, 30, default));
        Assert.False(await Certificates.TryMarkReminderSentAsync(certificate.SerialNumber, 30, default));
        Assert.False(await Certificates.TryMarkReminderSentAsync(certificate.SerialNumber, 60, default));
        Assert.True(await Certificates.TryMarkReminderSentAsync(certificate.SerialNumber, 7, default));
        Assert.Equal(7, (await Certificates.FindBySerialAsync(certificate.SerialNumber, default))!.ReminderSentDaysBefore);
        Assert.False(await Certificates.TryMarkReminderSentAsync("00", 7, default));
    }

    [Fact]
    public async Task Sixteen_parallel_issues_for_one_principal_leave_exactly_one_current_and_supersede_every_other()
    {
        var issued = Enumerable.Range(0, 16).Select(i => NewCertificate(Taro, T0.AddSeconds(i))).ToList();
        var additions = await Task.WhenAll(issued.Select(c => Task.Run(async () =>
        {
            var (scope, store) = NewScopeStore();
            using (scope)
            {
                return await store.AddCurrentAsync(c, null, default);
            }
        })));

        Assert.All(additions, a => Assert.True(a.Added));
        // Every issue but the first superseded exactly one other, and no certificate was superseded twice.
        var superseded = additions.Where(a => a.Superseded is not null).Select(a => a.Superseded!.SerialNumber).ToList();
        Assert.Equal(15, superseded.Count);
        Assert.Equal(15, superseded.Distinct(StringComparer.Ordinal).Count());

        var current = (await Certificates.FindCurrentAsync(Taro, default))!;
        Assert.DoesNotContain(current.SerialNumber, superseded);
        foreach (var certificate in issued.Where(c => c.SerialNumber != current.SerialNumber))
        {
            Assert.Equal(CertificateRevocationReason.Superseded, (await Certificates.FindBySerialAsync(certificate.SerialNumber, default))!.RevocationReason);
        }
    }

    [Fact]
    public async Task Of_parallel_revocations_of_one_certificate_exactly_one_revokes()
    {
        var certificate = NewCertificate(Taro);
        await Certificates.AddCurrentAsync(certificate, null, default);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
        {
            var (scope, store) = NewScopeStore();
            using (scope)
            {
                return await store.RevokeAsync(certificate.SerialNumber, CertificateRevocationReason.KeyCompromise, T0.AddDays(1), null, default);
            }
        })));
        Assert.Equal(1, outcomes.Count(o => o == CertificateRevocationOutcome.Revoked));
        Assert.Equal(31, outcomes.Count(o => o == CertificateRevocationOutcome.AlreadyRevoked));
    }
}
