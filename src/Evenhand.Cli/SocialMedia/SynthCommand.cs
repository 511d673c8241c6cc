using System.CommandLine;
using System.Diagnostics;
using Evenhand.Cli.Infrastructure;
using Evenhand.SocialMedia.Synthetic;
using Spectre.Console;

namespace Evenhand.Cli.SocialMedia;

/// <summary>
/// <c>evenhand social synth --out DIR</c>: writes a synthetic posts and accounts export shaped like the report's social media
/// research (857,000 posts from 600 accounts by default), and optionally word vectors for the semantic stage.
/// </summary>
internal static class SynthCommand
{
    public static Command Build()
    {
        var posts = new Option<int>("--posts") { Description = "Number of posts", HelpName = "n", DefaultValueFactory = _ => 857_000 };
        var accounts = new Option<int>("--accounts") { Description = "Number of accounts (one main account per force once there are 43 or more)", HelpName = "n", DefaultValueFactory = _ => 600 };
        var seed = new Option<int>("--seed") { Description = "Random seed: the same seed and options always give the same files", HelpName = "n", DefaultValueFactory = _ => 1 };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write accounts.csv and posts.csv to (created if missing)", HelpName = "dir", Required = true };
        var vectorWords = new Option<int>("--vectors-words")
        {
            Description = "Also write vectors.vec with this many words (0: no vector file)",
            HelpName = "n",
            DefaultValueFactory = _ => 0,
        };
        var vectorDims = new Option<int>("--vectors-dims")
        {
            Description = $"Dimensions of the word vectors ({SocialSynth.MinDimensions} to {SocialSynth.MaxDimensions})",
            HelpName = "d",
            DefaultValueFactory = _ => 100,
        };
        var impressions = new Option<bool>("--impressions") { Description = "Also write an impressions column in posts.csv" };
        var command = new Command("synth",
            "Write a synthetic social media export (accounts.csv, posts.csv and optionally vectors.vec) shaped like the report's research data.")
        {
            posts, accounts, seed, output, vectorWords, vectorDims, impressions,
        };
        command.SetHandler((pr, console, ct) =>
        {
            var postCount = pr.GetValue(posts);
            var accountCount = pr.GetValue(accounts);
            var words = pr.GetValue(vectorWords);
            var dims = pr.GetValue(vectorDims);
            if (postCount < 1)
            {
                throw CliException.Usage("--posts must be at least 1.");
            }

            if (accountCount < 1)
            {
                throw CliException.Usage("--accounts must be at least 1.");
            }

            if (accountCount > postCount)
            {
                throw CliException.Usage($"--accounts ({accountCount:N0}) cannot be more than --posts ({postCount:N0}): every account makes at least one post.");
            }

            if (words < 0)
            {
                throw CliException.Usage("--vectors-words must be 0 (no vector file) or a positive number of words.");
            }

            if (dims is < SocialSynth.MinDimensions or > SocialSynth.MaxDimensions)
            {
                throw CliException.Usage($"--vectors-dims must be between {SocialSynth.MinDimensions} and {SocialSynth.MaxDimensions} (it is {dims}).");
            }

            var directory = pr.GetValue(output)!.FullName;
            var options = new SynthOptions(postCount, accountCount, pr.GetValue(seed), pr.GetValue(impressions));
            var clock = Stopwatch.StartNew();
            var summary = WriteWithProgress(console, options, directory, ct);
            var postSeconds = clock.Elapsed.TotalSeconds;
            console.Out.MarkupLineInterpolated($"Wrote [bold]{summary.Accounts:N0}[/] accounts to {summary.AccountsPath}");
            console.Out.MarkupLineInterpolated($"Wrote [bold]{summary.Posts:N0}[/] posts to {summary.PostsPath} in {postSeconds:0.0} s");

            if (words > 0)
            {
                ct.ThrowIfCancellationRequested();
                clock.Restart();
                var path = SocialSynth.WriteVectorsToDirectory(directory, words, dims, options.Seed);
                console.Out.MarkupLineInterpolated($"Wrote [bold]{words:N0}[/] word vectors ({dims} dimensions) to {path} in {clock.Elapsed.TotalSeconds:0.0} s");
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static SynthSummary WriteWithProgress(CliConsole console, SynthOptions options, string directory, CancellationToken ct)
    {
        if (!console.IsInteractive)
        {
            return SocialSynth.WriteToDirectory(options, directory, new InlineProgress(_ => ct.ThrowIfCancellationRequested()));
        }

        SynthSummary? summary = null;
        console.Out.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("Writing posts", maxValue: options.Posts);
                summary = SocialSynth.WriteToDirectory(options, directory, new InlineProgress(written =>
                {
                    ct.ThrowIfCancellationRequested();
                    task.Value = written;
                }));
                task.Value = task.MaxValue;
            });
        return summary!;
    }

    // Called on the writing thread, so cancelling stops the writing at the next block.
    private sealed class InlineProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
