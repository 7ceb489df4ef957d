using BizWeb.Testing.Storage;
using Microsoft.EntityFrameworkCore;

namespace BizWeb.Identity.Comparison;

/// <summary>
/// Counts database round trips the way tests/BizWeb.Storage.EntityFrameworkCore.Tests/RoundTripTests does
/// (<see cref="RoundTripObserver"/>: every command EF Core executes and every commit).
/// </summary>
public sealed class RoundTripCounter
{
    private int _count;

    /// <summary>Round trips since the last <see cref="Reset"/>.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Adds the counting interceptors to <paramref name="options"/>.</summary>
    public void AddTo(DbContextOptionsBuilder options) => options.AddInterceptors(RoundTripObserver.Interceptors(_ => Interlocked.Increment(ref _count)));

    /// <summary>Starts counting from zero.</summary>
    public void Reset() => Interlocked.Exchange(ref _count, 0);
}
