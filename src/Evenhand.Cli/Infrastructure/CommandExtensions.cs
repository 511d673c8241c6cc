using System.CommandLine;
using System.Data.Common;
using Evenhand.Common;
using Evenhand.Importing;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Evenhand.Cli.Infrastructure;

internal static class CommandExtensions
{
    /// <summary>
    /// Sets a command's action, turning expected failures into a red message on standard error and an exit code; only an
    /// unexpected exception (a bug) is shown with its stack trace.
    /// </summary>
    public static void SetHandler(this Command command, Func<ParseResult, CliConsole, CancellationToken, Task<int>> action) =>
        command.SetAction(async (parseResult, ct) =>
        {
            var console = CliConsole.For(parseResult);
            try
            {
                return await action(parseResult, console, ct);
            }
            catch (Exception ex) when (Describe(ex) is { } expected)
            {
                console.WriteError(expected.Message);
                return expected.ExitCode;
            }
            catch (Exception ex)
            {
                console.WriteError($"Unexpected error: {ex.Message}");
                console.Error.WriteLine(ex.ToString(), Style.Plain);
                return ExitCodes.Failure;
            }
        });

    private static (string Message, int ExitCode)? Describe(Exception ex) => ex switch
    {
        CliException e => (e.Message, e.ExitCode),
        ImportException e => (e.Message, ExitCodes.Failure),
        DomainRuleException or NotFoundException or ConcurrencyConflictException => (ex.Message, ExitCodes.Failure),
        FileNotFoundException e => ($"There is no file at {e.FileName ?? "the path given"}.", ExitCodes.Failure),
        DirectoryNotFoundException => ($"A folder in the path does not exist: {ex.Message}", ExitCodes.Failure),
        UnauthorizedAccessException => ($"Permission denied: {ex.Message}", ExitCodes.Failure),
        IOException => (ex.Message, ExitCodes.Failure),
        OperationCanceledException => ("Cancelled.", ExitCodes.Cancelled),
        DbUpdateException { InnerException: { } inner } => ($"The database refused the change: {inner.Message}", ExitCodes.Failure),
        DbException => ($"Database error: {ex.Message}", ExitCodes.Failure),
        // Configuration problems (provider, connection string) and EF's "cannot connect" errors arrive as InvalidOperationException.
        InvalidOperationException => (ex.InnerException is DbException inner ? $"Database error: {inner.Message}" : ex.Message, ExitCodes.Failure),
        _ => null,
    };
}
