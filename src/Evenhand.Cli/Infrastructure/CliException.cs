namespace Evenhand.Cli.Infrastructure;

/// <summary>An expected failure: the message is shown to the user as it is (no stack trace) and the command exits with <see cref="ExitCode"/>.</summary>
internal sealed class CliException(string message, int exitCode = ExitCodes.Failure) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    public static CliException Usage(string message) => new(message, ExitCodes.Usage);
}

internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The work failed: unreadable document, database error, rule refused.</summary>
    public const int Failure = 1;

    /// <summary>The command line was wrong: unknown force, bad role, missing or malformed option.</summary>
    public const int Usage = 2;

    public const int Cancelled = 130;
}
