namespace BizWeb.Auth;

/// <summary>A place taken from <see cref="KdfAdmission"/>: disposing gives it back, once, however often it is disposed.</summary>
internal sealed class KdfPlace(KdfAdmission admission) : IDisposable
{
    private KdfAdmission? _admission = admission;

    public void Dispose() => Interlocked.Exchange(ref _admission, null)?.Release();
}
