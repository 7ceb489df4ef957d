namespace BizWeb.Certificates;

/// <summary>The one place that holds the issued certificate's transitions (<see href="https://github.com/bizweb-sdk/BizWeb.Sdk/blob/main/docs/SPEC.md">specification</see> §7).</summary>
/// <remarks>
/// <code>
/// Current ──Superseded──▶ Superseded
///    └──────Revoked─────▶ Revoked
/// </code>
/// One-way: <see cref="CertificateState.Superseded"/> and <see cref="CertificateState.Revoked"/> are final
/// (a certificate is never revoked twice, nor made current again).
/// </remarks>
public static class CertificateLifecycle
{
    /// <summary>The state <paramref name="trigger"/> leads to from <paramref name="state"/>, if the transition exists.</summary>
    /// <param name="state">The current state.</param>
    /// <param name="trigger">What happened.</param>
    /// <param name="next">The next state when the transition exists.</param>
    /// <returns>Whether the transition is allowed.</returns>
    public static bool TryNext(CertificateState state, CertificateTrigger trigger, out CertificateState next)
    {
        next = (state, trigger) switch
        {
            (CertificateState.Current, CertificateTrigger.Superseded) => CertificateState.Superseded,
            (CertificateState.Current, CertificateTrigger.Revoked) => CertificateState.Revoked,
            _ => (CertificateState)(-1),
        };
        return next >= 0;
    }

    /// <summary>The trigger a revocation with <paramref name="reason"/> is.</summary>
    /// <param name="reason">Why the certificate is revoked.</param>
    /// <returns><see cref="CertificateTrigger.Superseded"/> for <see cref="CertificateRevocationReason.Superseded"/>; <see cref="CertificateTrigger.Revoked"/> otherwise.</returns>
    public static CertificateTrigger TriggerOf(CertificateRevocationReason reason) =>
        reason == CertificateRevocationReason.Superseded ? CertificateTrigger.Superseded : CertificateTrigger.Revoked;
}
