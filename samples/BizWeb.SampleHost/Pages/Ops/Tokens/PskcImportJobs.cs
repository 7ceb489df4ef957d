using System.Collections.Concurrent;

namespace BizWeb.SampleHost.Pages.Ops.Tokens;

/// <summary>
/// The console's running and recent PSKC imports, per process (the console runs on one instance). A job is
/// found only by its id and only by the operator who started it; finished jobs are forgotten after
/// <see cref="Retention"/>. Kept here, not in the container, so the import page needs no host wiring.
/// </summary>
internal static class PskcImportJobs
{
    /// <summary>How long a finished job can still be looked at.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromMinutes(15);

    private static readonly ConcurrentDictionary<Guid, PskcImportJob> Jobs = new();

    /// <summary>Keeps <paramref name="job"/>, and forgets the finished jobs older than <see cref="Retention"/>.</summary>
    public static void Add(PskcImportJob job, DateTimeOffset now)
    {
        foreach (var old in Jobs.Values.Where(j => j.FinishedAt is { } finished && now - finished > Retention))
        {
            Jobs.TryRemove(old.Id, out _);
        }

        Jobs[job.Id] = job;
    }

    /// <summary>The job <paramref name="id"/> of <paramref name="operatorId"/>, or <see langword="null"/>.</summary>
    public static PskcImportJob? Find(Guid id, string operatorId) =>
        Jobs.TryGetValue(id, out var job) && string.Equals(job.OperatorId, operatorId, StringComparison.Ordinal) ? job : null;
}
