using System.CommandLine;
using Evenhand.Cli.Infrastructure;
using Evenhand.Cli.Parsing;
using Evenhand.HateIncidents.Rules;
using Spectre.Console;

namespace Evenhand.Cli.HateIncidents;

/// <summary><c>evenhand incidents assess FILE.json</c>: what to record for a hate-related report, under which rules, and why.</summary>
internal static class IncidentsCommands
{
    public static Command Build() => new("incidents", "Hate-related incidents: hate crimes and non-crime hate incidents (NCHIs).")
    {
        Subcommands = { Assess(), DueWork() },
    };

    /// <summary>
    /// <c>evenhand incidents due-work</c>: the web app's timed check, once, for operators who want it now. Safe beside the
    /// web servers' own job: the database keeps each item's note once, whoever notes it first.
    /// </summary>
    private static Command DueWork()
    {
        var database = new DatabaseOptions();
        var json = ParseCommands.JsonOption();
        var command = new Command("due-work",
            "Note, once each, NCHIs past their review target, retained subject data due its retention review and subjects' replies past their answer date, in every force.")
        {
            json,
        };
        database.AddTo(command);
        command.SetHandler(async (pr, console, ct) =>
        {
            await using var db = await database.OpenAsync(pr, ct);
            var result = await new Evenhand.HateIncidents.HateIncidentDueWork(db, console.Time).RunAsync(ct);
            if (pr.GetValue(json))
            {
                CliJson.Write(console, new { reviewsOverdue = result.ReviewsOverdue, retentionReviewsDue = result.RetentionReviewsDue, repliesOverdue = result.RepliesOverdue, subjectsToTellOverdue = result.SubjectsToTellOverdue });
            }
            else
            {
                console.Out.MarkupLineInterpolated(
                    $"Noted [bold]{result.ReviewsOverdue}[/] reviews overdue, [bold]{result.RetentionReviewsDue}[/] retention reviews due, [bold]{result.RepliesOverdue}[/] answers to subjects overdue and [bold]{result.SubjectsToTellOverdue}[/] subjects not told in time.");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Assess()
    {
        var file = new Argument<string>("file") { Description = "A JSON object with the answers to the assessment questions (see above)" };
        var json = ParseCommands.JsonOption();
        var ruleSet = new Option<string>("--rule-set")
        {
            Description = $"The assessment rules to apply: {string.Join(", ", RuleSetRegistry.All.Select(r => r.Id))}",
            HelpName = "id",
            DefaultValueFactory = _ => RuleSetRegistry.DefaultId,
        };
        var added = new Option<string[]>("--add-characteristic")
        {
            Description = "A characteristic your force has added to the Code's five, e.g. sex; repeat the option for more",
            HelpName = "name",
        };
        var command = new Command("assess", HelpText()) { file, json, ruleSet, added };
        command.SetHandler((pr, console, _) =>
        {
            var rules = ResolveRuleSet(pr.GetValue(ruleSet)!);
            var forceAdded = (pr.GetValue(added) ?? [])
                .Select(AssessmentKeys.CharacteristicKey)
                .Where(c => c.Length > 0)
                .Distinct()
                .ToList();
            var path = pr.GetValue(file)!;
            // code-2023 refused a characteristic it did not know; from code-2023-r2 on the rules decide (no record, naming the adopted list).
            IReadOnlyCollection<string>? known = rules.Id == Code2023RuleSet.RuleSetId ? [.. rules.ParticularCharacteristics, .. forceAdded] : null;
            var answers = AssessmentInput.Parse(File.ReadAllBytes(path), Path.GetFileName(path), known);

            AssessmentDecision decision;
            try
            {
                decision = rules.Assess(answers, forceAdded);
            }
            catch (ArgumentException ex)
            {
                throw CliException.Usage($"{Path.GetFileName(path)}: {ex.Message.Split(" (Parameter", 2)[0]}");
            }

            if (pr.GetValue(json))
            {
                CliJson.Write(console, ToJson(decision));
            }
            else
            {
                Render(console.Out, decision, rules);
            }

            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static string HelpText() =>
        "Assess a hate-related report: say what to record, whether the subject's personal data may be kept, whether a specialist " +
        "must review it, and why (nothing is saved). FILE is a JSON object. Required: \"perceivedHostility\" and \"isCrime\" " +
        "(true or false). \"basisToConcludeIntentionalHostility\" (true or false): the Code's test that there is a basis to conclude the " +
        "incident was motivated by intentional hostility; left out, it is not established and no NCHI is recorded. Optional, false when left out: " +
        string.Join(", ", AssessmentInput.Optional.Select(k => $"\"{k}\"")) +
        ". Optional \"characteristics\": an array of race, religion, disability, sexual orientation, transgender identity " +
        "(spaces or hyphens, any case; and any given with --add-characteristic), empty when left out; one your force has not adopted gives no record. Example: " +
        "{\"characteristics\": [\"race\"], \"perceivedHostility\": true, \"basisToConcludeIntentionalHostility\": true, \"isCrime\": false, \"realRiskOfSignificantHarm\": true}";

    private static IAssessmentRuleSet ResolveRuleSet(string id)
    {
        try
        {
            return RuleSetRegistry.Get(id);
        }
        catch (KeyNotFoundException ex)
        {
            throw CliException.Usage($"--rule-set: {ex.Message}");
        }
    }

    internal static AssessmentJson ToJson(AssessmentDecision d) => new(
        d.Outcome.ToKey(), d.SubjectPersonalDataAllowed, d.SpecialistReview.ToKey(), d.Reasons, d.RuleSetId, d.RationaleRequired);

    private static void Render(IAnsiConsole console, AssessmentDecision d, IAssessmentRuleSet rules)
    {
        var colour = d.Outcome switch
        {
            AssessmentOutcome.HateCrime => "red",
            AssessmentOutcome.NchiWithPersonalData => "yellow",
            AssessmentOutcome.Nchi => "blue",
            _ => "green",
        };
        var facts = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
        facts.AddRow(new Markup("[bold]Outcome[/]"), new Markup($"[{colour}]{Markup.Escape(d.Outcome.Describe())}[/]"));
        facts.AddRow(new Markup("[bold]Subject's personal data[/]"), new Text(d.SubjectPersonalDataAllowed ? "May be recorded" : "Must not be recorded"));
        facts.AddRow(new Markup("[bold]Specialist review[/]"), new Text(d.SpecialistReview.Describe()));
        if (d.RationaleRequired)
        {
            facts.AddRow(new Markup("[bold]Written rationale[/]"), new Text("Required: record why the subject's personal data is included"));
        }

        facts.AddRow(new Markup("[bold]Rules[/]"), new Text($"{rules.Name} ({rules.Id}, version {rules.Version})"));

        var why = new List<Markup> { new("[bold]Why[/]") };
        why.AddRange(d.Reasons.Select((r, i) => new Markup($"{i + 1}. {Markup.Escape(r)}")));
        var panel = new Panel(new Rows([facts, new Text(""), .. why]))
            .Header($"[bold]Assessment: {Markup.Escape(d.Outcome.ToKey())}[/]")
            .Border(BoxBorder.Rounded)
            .Expand();
        console.Write(panel);
    }
}

/// <summary>The <c>--json</c> shape of an assessment.</summary>
internal sealed record AssessmentJson(
    string Outcome, bool SubjectPersonalDataAllowed, string SpecialistReview, IReadOnlyList<string> Reasons, string RuleSet, bool RationaleRequired);
