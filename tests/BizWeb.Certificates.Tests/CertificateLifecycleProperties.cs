using BizWeb.Auth;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace BizWeb.Certificates.Tests;

/// <summary>SPEC.md §7: an issued certificate is current until superseded or revoked, and never comes back; the table is written out independently of <see cref="CertificateLifecycle"/>.</summary>
public sealed class CertificateLifecycleProperties
{
    private static readonly HashSet<(CertificateState, CertificateTrigger, CertificateState)> Table =
    [
        (CertificateState.Current, CertificateTrigger.Superseded, CertificateState.Superseded),
        (CertificateState.Current, CertificateTrigger.Revoked, CertificateState.Revoked),
    ];

    private static readonly CertificateState[] Terminal = [CertificateState.Superseded, CertificateState.Revoked];

    private static IssuedCertificate NewCertificate() => new()
    {
        SerialNumber = "0123456789ABCDEF0123456789ABCDEF",
        Principal = PrincipalId.Administrator(ContractId.Parse("12345678901").Value),
        NotBefore = DateTimeOffset.UnixEpoch,
        NotAfter = DateTimeOffset.UnixEpoch.AddYears(1),
        IssuedAt = DateTimeOffset.UnixEpoch,
        RawData = [1, 2, 3],
    };

    [Property(MaxTest = 2000)]
    public Property Random_trigger_sequences_stay_in_the_table_and_final_states_accept_nothing() =>
        Prop.ForAll(Arb.From(Gen.ListOf(Gen.Elements(Enum.GetValues<CertificateTrigger>()))), triggers =>
        {
            var state = CertificateState.Current;
            foreach (var trigger in triggers)
            {
                if (CertificateLifecycle.TryNext(state, trigger, out var next))
                {
                    if (!Table.Contains((state, trigger, next)) || Terminal.Contains(state))
                    {
                        return false;
                    }

                    state = next;
                }
                else if (Table.Any(t => t.Item1 == state && t.Item2 == trigger))
                {
                    return false;
                }
            }

            return true;
        });

    [Property(MaxTest = 2000)]
    public Property Random_revocations_of_a_certificate_take_the_first_one_only() =>
        Prop.ForAll(Arb.From(Gen.NonEmptyListOf(Gen.Elements(Enum.GetValues<CertificateRevocationReason>()))), reasons =>
        {
            var certificate = NewCertificate();
            var at = DateTimeOffset.UnixEpoch;
            foreach (var reason in reasons)
            {
                var before = certificate;
                at = at.AddMinutes(1);
                if (before.TryRevoke(reason, at, out var next))
                {
                    if (!Table.Contains((before.State, CertificateLifecycle.TriggerOf(reason), next.State))
                        || next.RevokedAt != at || next.RevocationReason != reason || !next.IsRevoked)
                    {
                        return false;
                    }

                    certificate = next;
                }
                else if (!ReferenceEquals(next, before) || before.State == CertificateState.Current)
                {
                    return false;
                }
            }

            var first = reasons[0];
            return certificate.RevocationReason == first
                && certificate.RevokedAt == DateTimeOffset.UnixEpoch.AddMinutes(1)
                && certificate.State == (first == CertificateRevocationReason.Superseded ? CertificateState.Superseded : CertificateState.Revoked);
        });

    [Fact]
    public void Every_state_and_trigger_answers_exactly_the_table()
    {
        foreach (var state in Enum.GetValues<CertificateState>())
        {
            foreach (var trigger in Enum.GetValues<CertificateTrigger>())
            {
                var expected = Table.Where(t => t.Item1 == state && t.Item2 == trigger).Select(t => (CertificateState?)t.Item3).SingleOrDefault();
                Assert.Equal(expected is not null, CertificateLifecycle.TryNext(state, trigger, out var next));
                if (expected is { } e)
                {
                    Assert.Equal(e, next);
                }
            }
        }
    }

    [Fact]
    public void A_newer_certificate_supersedes_the_current_one() // reissue or renewal (P.17–21)
    {
        Assert.True(NewCertificate().TryRevoke(CertificateRevocationReason.Superseded, DateTimeOffset.UnixEpoch.AddDays(1), out var superseded));
        Assert.Equal(CertificateState.Superseded, superseded.State);
        Assert.Equal(CertificateTrigger.Superseded, CertificateLifecycle.TriggerOf(CertificateRevocationReason.Superseded));
    }

    [Theory]
    [InlineData(CertificateRevocationReason.KeyCompromise)] // 事故登録
    [InlineData(CertificateRevocationReason.CessationOfOperation)] // user deleted
    [InlineData(CertificateRevocationReason.PrivilegeWithdrawn)] // "issue certificate" withdrawn
    [InlineData(CertificateRevocationReason.AffiliationChanged)]
    [InlineData(CertificateRevocationReason.Unspecified)] // the bank on its console
    public void Any_other_reason_revokes_the_current_one(CertificateRevocationReason reason)
    {
        Assert.Equal(CertificateTrigger.Revoked, CertificateLifecycle.TriggerOf(reason));
        Assert.True(NewCertificate().TryRevoke(reason, DateTimeOffset.UnixEpoch.AddDays(1), out var revoked));
        Assert.Equal(CertificateState.Revoked, revoked.State);
        Assert.Equal(reason, revoked.RevocationReason);
    }

    [Fact]
    public void A_superseded_or_revoked_certificate_accepts_nothing()
    {
        Assert.True(NewCertificate().TryRevoke(CertificateRevocationReason.Superseded, DateTimeOffset.UnixEpoch, out var superseded));
        Assert.True(NewCertificate().TryRevoke(CertificateRevocationReason.KeyCompromise, DateTimeOffset.UnixEpoch, out var revoked));
        foreach (var reason in Enum.GetValues<CertificateRevocationReason>())
        {
            Assert.False(superseded.TryRevoke(reason, DateTimeOffset.UnixEpoch.AddDays(1), out var same));
            Assert.Same(superseded, same);
            Assert.False(revoked.TryRevoke(reason, DateTimeOffset.UnixEpoch.AddDays(1), out same));
            Assert.Same(revoked, same);
        }

        Assert.All(Terminal, s => Assert.All(Enum.GetValues<CertificateTrigger>(), t => Assert.False(CertificateLifecycle.TryNext(s, t, out _))));
    }
}
