namespace BizWeb.Benchmarks;

/// <summary>A fixed number of operations split evenly over parallel callers, so a benchmark's mean is wall time per operation.</summary>
internal static class ParallelCallers
{
    /// <summary>Runs <paramref name="operations"/> calls of <paramref name="operation"/> (caller index, the caller's call number), split over <paramref name="callers"/> tasks.</summary>
    public static Task RunAsync(int callers, int operations, Func<int, int, ValueTask> operation)
    {
        var each = operations / callers;
        var tasks = new Task[callers];
        for (var i = 0; i < callers; i++)
        {
            var caller = i;
            tasks[i] = Task.Run(async () =>
            {
                for (var n = 0; n < each; n++)
                {
                    await operation(caller, n);
                }
            });
        }

        return Task.WhenAll(tasks);
    }
}
