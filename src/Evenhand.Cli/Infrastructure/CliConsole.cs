using System.CommandLine;
using Spectre.Console;

namespace Evenhand.Cli.Infrastructure;

/// <summary>
/// Where a command writes. Human output goes through Spectre.Console consoles created over the invocation's writers (so tests can
/// capture it); machine-readable output is written straight to <see cref="Json"/> with no markup or wrapping.
/// </summary>
internal sealed class CliConsole
{
    private CliConsole(TextWriter output, TextWriter error, bool isSystemConsole)
    {
        Json = output;
        IsInteractive = isSystemConsole && !Console.IsInputRedirected && !Console.IsOutputRedirected;
        Out = Create(output, isSystemConsole && !Console.IsOutputRedirected, IsInteractive);
        Error = Create(error, isSystemConsole && !Console.IsErrorRedirected, interactive: false);
    }

    /// <summary>Human output (tables, progress, prompts).</summary>
    public IAnsiConsole Out { get; }

    /// <summary>Error messages.</summary>
    public IAnsiConsole Error { get; }

    /// <summary>The raw standard output, for <c>--json</c>.</summary>
    public TextWriter Json { get; }

    /// <summary>
    /// The clock every command reads (the system clock unless <see cref="EvenhandCli.RunAsync"/> was given another), so a
    /// command's dates and audit times come from one injected <see cref="TimeProvider"/>.
    /// </summary>
    public TimeProvider Time { get; } = Clock.Value ?? TimeProvider.System;

    internal static readonly AsyncLocal<TimeProvider?> Clock = new();

    /// <summary>Who and when for a change made from the command line, for the audit trail.</summary>
    public Evenhand.Common.ProcessContext Context(string command) =>
        new("cli", Environment.UserName is { Length: > 0 } u ? $"{u} (command line)" : "command line", Time.GetUtcNow(), "evenhand " + command);

    /// <summary>True only when a person is at the terminal: never when input or output is redirected, nor in tests.</summary>
    public bool IsInteractive { get; }

    public static CliConsole For(ParseResult parseResult) =>
        Create(parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error);

    public static CliConsole Create(TextWriter output, TextWriter error) =>
        new(output, error, isSystemConsole: ReferenceEquals(output, Console.Out));

    public void WriteError(string message) => Error.MarkupLineInterpolated($"[red]{message}[/]");

    public void WriteWarning(string message) => Out.MarkupLineInterpolated($"[yellow]{message}[/]");

    /// <summary>Runs long work behind a spinner on a terminal, and plainly everywhere else.</summary>
    public async Task<T> StatusAsync<T>(string description, Func<Task<T>> work)
    {
        if (!IsInteractive)
        {
            return await work();
        }

        return await Out.Status().StartAsync(description, _ => work());
    }

    private static IAnsiConsole Create(TextWriter writer, bool isTerminal, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!isTerminal)
        {
            // Redirected or captured output is read in files and logs: wide enough that tables keep one line per row where they can.
            console.Profile.Width = 160;
        }

        return console;
    }
}
