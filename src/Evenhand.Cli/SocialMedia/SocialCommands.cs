using Evenhand.Common;
using System.CommandLine;
using System.Globalization;
using Evenhand.Cli.Infrastructure;
using Evenhand.Cli.Parsing;
using Evenhand.SocialMedia;
using Spectre.Console;

namespace Evenhand.Cli.SocialMedia;

/// <summary><c>evenhand social …</c>: the report annex's social media analysis on a force's or the inspectorate's own export.</summary>
internal static class SocialCommands
{
    public static Command Build()
    {
        var social = new Command("social", "Social media analysis (report chapter 3 and annex): engagement, operational and non-operational posts, account types.");
        social.Subcommands.Add(Analyze());
        social.Subcommands.Add(ImportDatasetCommand.Build());
        social.Subcommands.Add(SynthCommand.Build());
        return social;
    }

    private static Command Analyze()
    {
        var posts = new Option<FileInfo>("--posts") { Description = "Posts export, CSV or JSON lines", HelpName = "file", Required = true };
        var accounts = new Option<FileInfo>("--accounts") { Description = "Accounts export, CSV or JSON lines", HelpName = "file", Required = true };
        var vectors = new Option<FileInfo?>("--vectors")
        {
            Description = "Word vectors in the GloVe / word2vec / fastText text format; without them the analysis is keyword-only",
            HelpName = "file",
        };
        var threshold = new Option<double>("--threshold")
        {
            Description = "Cosine similarity a keyword candidate must reach to be kept (semantic mode)",
            DefaultValueFactory = _ => PostClassifier.DefaultThreshold,
        };
        var lexicon = new Option<FileInfo?>("--lexicon")
        {
            Description = "A JSON lexicon {\"topics\": {name: [words]}, \"operational\": {name: [words]}} instead of the default",
            HelpName = "file",
        };
        var strict = new Option<bool>("--strict") { Description = "Refuse the files if any row is bad, instead of skipping bad rows" };
        var json = ParseCommands.JsonOption();
        var command = new Command("analyze", "Analyse a posts export and its accounts: engagement, classification, account types and the comparison of engagement.")
        {
            posts, accounts, vectors, threshold, lexicon, strict, json,
        };
        command.Aliases.Add("analyse");
        command.SetHandler((pr, console, ct) =>
        {
            var t = pr.GetValue(threshold);
            if (t is < -1 or > 1 || double.IsNaN(t))
            {
                throw CliException.Usage("--threshold is a cosine similarity: give a number between -1 and 1 (the annex used 0.4).");
            }

            var options = new SocialAnalysisOptions
            {
                PostsPath = Existing(pr.GetValue(posts)!, "--posts"),
                AccountsPath = Existing(pr.GetValue(accounts)!, "--accounts"),
                VectorsPath = pr.GetValue(vectors) is { } v ? Existing(v, "--vectors") : null,
                LexiconPath = pr.GetValue(lexicon) is { } l ? Existing(l, "--lexicon") : null,
                Threshold = t,
                Strict = pr.GetValue(strict),
            };

            SocialAnalysisReport report;
            try
            {
                report = RunWithProgress(console, options, ct);
            }
            catch (SocialImportException ex)
            {
                throw new CliException(Describe(ex));
            }

            if (pr.GetValue(json))
            {
                console.Json.WriteLine(SocialAnalysisJson.Serialize(report));
                console.Json.Flush();
            }
            else
            {
                SocialReportView.Write(console.Out, report);
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static SocialAnalysisReport RunWithProgress(CliConsole console, SocialAnalysisOptions options, CancellationToken ct)
    {
        if (!console.IsInteractive || new FileInfo(options.PostsPath).Length < (16 << 20))
        {
            return SocialAnalysis.Run(options, ct: ct);
        }

        SocialAnalysisReport? report = null;
        console.Out.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("Reading posts");
                report = SocialAnalysis.Run(options, new InlineProgress<(long Read, long Length)>(p =>
                {
                    task.MaxValue = Math.Max(1, p.Length);
                    task.Value = p.Read;
                }), ct);
                task.Value = task.MaxValue;
            });
        return report!;
    }

    internal static string Describe(SocialImportException ex)
    {
        if (ex.Problems.Count <= 1)
        {
            return ex.Message;
        }

        var shown = ex.Problems.Take(20).Select(p => $"  {p}");
        var more = ex.Problems.Count > 20 ? [$"  … and more (the first {ex.Problems.Count} are listed with --json from a non-strict run)"] : Array.Empty<string>();
        return string.Join(Environment.NewLine, new[] { ex.Message }.Concat(shown).Concat(more));
    }

    internal static string Existing(FileInfo file, string option) =>
        file.Exists ? file.FullName : throw CliException.Usage($"{option}: there is no file at {file.FullName}.");
}

/// <summary>The human-readable summary of an analysis.</summary>
internal static class SocialReportView
{
    public static void Write(IAnsiConsole console, SocialAnalysisReport r)
    {
        var input = r.Input;
        console.MarkupLineInterpolated($"[bold]{r.Posts:N0} posts[/] from [bold]{r.Accounts:N0} accounts[/]{Period(input)}");
        if (input.PostsSkipped + input.AccountsSkipped > 0)
        {
            console.MarkupLineInterpolated($"[yellow]Skipped {input.PostsSkipped:N0} bad post rows and {input.AccountsSkipped:N0} bad account rows:[/]");
            foreach (var p in input.Problems.Take(10))
            {
                console.MarkupLineInterpolated($"[yellow]  {p}[/]");
            }

            if (input.ProblemCount > 10)
            {
                console.MarkupLineInterpolated($"[yellow]  … {input.ProblemCount - 10:N0} more (use --json for the first 100, or --strict to refuse bad files).[/]");
            }
        }

        console.WriteLine();
        var e = r.Engagement;
        var engagement = new Table().Border(TableBorder.Rounded).Title("Engagement (replies, quotes, reposts and likes)")
            .AddColumn("Measure").AddColumn(new TableColumn("Posts").RightAligned()).AddColumn(new TableColumn("Share").RightAligned());
        engagement.AddRow("No engagement", N(e.Zero), P(e.ZeroShare));
        engagement.AddRow("Fewer than 10", N(e.Under10), P(e.Under10Share));
        engagement.AddRow("More than 10,000", N(e.Over10000), P(e.Over10000Share));
        engagement.AddRow("Less than 1 per follower", N((long)Math.Round(e.UnderOnePerFollowerShare * e.PostsWithFollowers)), P(e.UnderOnePerFollowerShare));
        engagement.AddRow("Median per 1,000 followers", F(e.MedianPer1000Followers), "");
        engagement.AddRow("90th percentile per 1,000 followers", F(e.P90Per1000Followers), "");
        if (e.EngagementRate is { } rate)
        {
            engagement.AddRow("Engagement rate (engagements ÷ impressions)", P(rate), "");
        }

        console.Write(engagement);

        var c = r.Classification;
        var classification = new Table().Border(TableBorder.Rounded)
            .Title($"Classification ({(c.Mode == "semantic" ? $"semantic, threshold {c.Threshold?.ToString("0.##", CultureInfo.InvariantCulture)}" : "keyword-only")})")
            .AddColumn("Posts").AddColumn(new TableColumn("Count").RightAligned()).AddColumn(new TableColumn("Share").RightAligned());
        classification.AddRow("Operational", N(c.Operational), P(1 - c.NonOperationalShare));
        classification.AddRow("Non-operational", N(c.NonOperational), P(c.NonOperationalShare));
        foreach (var (topic, count) in c.ByTopic)
        {
            classification.AddRow($"  {Markup.Escape(topic)}", N(count), P(c.ByTopicShare[topic]));
        }

        console.Write(classification);

        var types = new Table().Border(TableBorder.Rounded).Title("Account types")
            .AddColumn("Type").AddColumn(new TableColumn("Accounts").RightAligned()).AddColumn(new TableColumn("Share").RightAligned())
            .AddColumn(new TableColumn("Posts").RightAligned()).AddColumn(new TableColumn("Share").RightAligned());
        foreach (var (type, s) in r.AccountTypes)
        {
            types.AddRow(type, N(s.Accounts), P(s.AccountShare), N(s.Posts), P(s.PostShare));
        }

        console.Write(types);

        var cmp = r.Comparison;
        console.MarkupLine("[bold]Operational and non-operational engagement compared[/]");
        console.MarkupLineInterpolated($"  Poisson test: {cmp.PoissonReading}");
        console.MarkupLineInterpolated($"  {cmp.OverdispersedTest}: {cmp.OverdispersedReading}");
        console.MarkupLineInterpolated($"  Negative binomial: {cmp.NegativeBinomialReading}");
        var h = r.HighEngagement;
        console.MarkupLineInterpolated(
            $"  Over 10,000 engagements: {h.Operational:N0} operational and {h.NonOperational:N0} non-operational posts; of the non-operational, {h.NonOperationalRepostsOfNonPoliceAccounts:N0} were reposts of non-police accounts and {h.NonOperationalFromMainAccounts:N0} came from main force accounts.");
        console.WriteLine();
        foreach (var note in r.Notes)
        {
            console.MarkupLineInterpolated($"[grey]{note}[/]");
        }
    }

    private static string Period(InputSummary input) =>
        input.FirstPost is { } first && input.LastPost is { } last ? $", {first:d MMMM yyyy} to {last:d MMMM yyyy}" : "";

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string P(double share) => double.IsFinite(share) ? share.ToString("0.0%", CultureInfo.InvariantCulture) : "–";

    private static string F(double value) => double.IsFinite(value) ? value.ToString("0.###", CultureInfo.InvariantCulture) : "–";
}
