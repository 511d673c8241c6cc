namespace Evenhand.Web.Infrastructure.Jobs;

/// <summary>Where the job engine keeps its jobs and triggers (<c>BackgroundWork:Store</c>).</summary>
public enum JobStoreKind
{
    /// <summary>Quartz's ADO.NET job store in the Evenhand database: clustered on PostgreSQL; on SQLite one server only.</summary>
    Database,

    /// <summary>Quartz's in-memory store: nothing survives a restart. For several processes over one SQLite file (tests).</summary>
    Memory,
}

/// <summary>Settings of the background work (section <c>BackgroundWork</c>).</summary>
public sealed class BackgroundWorkOptions
{
    public const string Section = "BackgroundWork";

    /// <summary>
    /// Whether this server runs jobs. When false its scheduler is left in standby: it still queues work (imports) in the
    /// shared job store, and other servers run it.
    /// </summary>
    public bool Enabled { get; set; } = true;

    public JobStoreKind Store { get; set; } = JobStoreKind.Database;

    /// <summary>Minutes between runs of the due-work check.</summary>
    public int DueWorkIntervalMinutes { get; set; } = 15;

    /// <summary>How often an idle server looks in the job store for work queued by another server.</summary>
    public double PollSeconds { get; set; } = 5;

    /// <summary>PostgreSQL cluster: how often each server records that it is alive.</summary>
    public double ClusterCheckinSeconds { get; set; } = 10;

    /// <summary>PostgreSQL cluster: how long past a missed check-in before another server takes over a stopped server's work.</summary>
    public double ClusterCheckinMisfireSeconds { get; set; } = 20;

    /// <summary>How many times a failing job is tried before it is given up (an import is then marked failed).</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The wait before the first retry; it doubles with each further try.</summary>
    public double RetryAfterSeconds { get; set; } = 30;

    public TimeSpan RetryDelay(int attempt) => TimeSpan.FromSeconds(Math.Max(1, RetryAfterSeconds) * Math.Pow(2, Math.Max(0, attempt - 1)));
}
