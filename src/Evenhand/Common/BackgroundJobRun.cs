namespace Evenhand.Common;

/// <summary>How one run of a background job ended.</summary>
public enum JobRunOutcome
{
    Running,
    Succeeded,
    Failed,

    /// <summary>Stopped with its server (shut down or crashed); the engine runs it again.</summary>
    Interrupted,
}

/// <summary>
/// One run of a background job on some server: when it started and ended, whether it failed and why. The job engine keeps
/// triggers and next fire times; this record keeps what administrators need to see afterwards (last run, failures), whichever
/// server ran the job and whichever job store is configured.
/// </summary>
public sealed class BackgroundJobRun
{
    public long Id { get; set; }

    /// <summary>The job's name, e.g. "due-work" or "social-import".</summary>
    public string Job { get; set; } = "";

    /// <summary>What the run was for, e.g. "dataset 12"; empty for recurring jobs.</summary>
    public string? Subject { get; set; }

    /// <summary>The server (scheduler instance) that ran it.</summary>
    public string Server { get; set; } = "";

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public JobRunOutcome Outcome { get; set; }

    /// <summary>True when the engine re-ran work left unfinished by a server that stopped.</summary>
    public bool Recovering { get; set; }

    /// <summary>1 for the first try; more for a retry after a failure.</summary>
    public int Attempt { get; set; } = 1;

    public string? Result { get; set; }

    public string? Error { get; set; }
}
