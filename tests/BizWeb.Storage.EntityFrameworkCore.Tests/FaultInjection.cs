using System.Data.Common;
using BizWeb.Testing.Storage;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BizWeb.Storage.EntityFrameworkCore.Tests;

/// <summary>The fault an interceptor throws in place of a database command.</summary>
public sealed class InjectedFaultException(int command) : DbException($"Injected fault at database command {command}.")
{
    public int Command { get; } = command;
}

/// <summary>
/// Counts every database command EF Core runs, and every transaction commit, and throws
/// <see cref="InjectedFaultException"/> in place of the <see cref="FailAt"/>-th one (1-based) or of any
/// command <see cref="FailWhen"/> selects.
/// </summary>
public sealed class FaultPlan
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _texts = new();
    private int _count;

    /// <summary>The command to fail, counted from the last <see cref="Reset"/>; 0 for none.</summary>
    public int FailAt { get; set; }

    /// <summary>Fails every command whose text matches.</summary>
    public Func<string, bool>? FailWhen { get; set; }

    /// <summary>Commands (and commits) counted since the last <see cref="Reset"/>.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The text of every command (and "COMMIT") counted since the last <see cref="Reset"/>, in order.</summary>
    public IReadOnlyList<string> Texts => [.. _texts];

    /// <summary>The interceptors to add to the context options.</summary>
    public IInterceptor[] Interceptors => RoundTripObserver.Interceptors(Step);

    /// <summary>Starts counting from zero with no fault armed.</summary>
    public void Reset()
    {
        FailAt = 0;
        FailWhen = null;
        Interlocked.Exchange(ref _count, 0);
        _texts.Clear();
    }

    private void Step(string text)
    {
        var n = Interlocked.Increment(ref _count);
        _texts.Enqueue(text);
        if (n == FailAt || FailWhen?.Invoke(text) == true)
        {
            throw new InjectedFaultException(n);
        }
    }
}
