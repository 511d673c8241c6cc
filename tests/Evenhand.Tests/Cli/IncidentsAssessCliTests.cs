using System.Text.Json;
using System.Text.RegularExpressions;

namespace Evenhand.Tests.Cli;

public sealed class IncidentsAssessCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("evenhand-assess-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string json, string name = "incident.json")
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, json);
        return path;
    }

    private async Task<CliRun> AssessAsync(string json, params string[] options) =>
        await CliHarness.RunAsync(["incidents", "assess", Write(json), .. options]);

    private static void AssertUsageError(CliRun run, params string[] expected)
    {
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Empty(run.Out);
        var error = Regex.Replace(run.Error, @"\s+", " "); // long messages wrap on the console
        foreach (var text in expected)
        {
            Assert.Contains(text, error, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_PlainNchi_HasTheDocumentedShape()
    {
        var run = await AssessAsync("""{"characteristics": ["race"], "perceivedHostility": true, "isCrime": false}""", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var root = run.Json();
        Assert.Equal(
            ["outcome", "subjectPersonalDataAllowed", "specialistReview", "reasons", "ruleSet", "rationaleRequired"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("nchi", root.GetProperty("outcome").GetString());
        Assert.False(root.GetProperty("subjectPersonalDataAllowed").GetBoolean());
        Assert.Equal("required", root.GetProperty("specialistReview").GetString());
        Assert.Equal("code-2023", root.GetProperty("ruleSet").GetString());
        Assert.False(root.GetProperty("rationaleRequired").GetBoolean());
        Assert.NotEmpty(root.GetProperty("reasons").EnumerateArray());
        Assert.All(root.GetProperty("reasons").EnumerateArray(), r => Assert.Equal(JsonValueKind.String, r.ValueKind));
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task Json_CrimeWithHostility_IsAHateCrime()
    {
        var run = await AssessAsync("""{"characteristics": ["religion"], "perceivedHostility": true, "isCrime": true}""", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var root = run.Json();
        Assert.Equal("hate-crime", root.GetProperty("outcome").GetString());
        Assert.True(root.GetProperty("subjectPersonalDataAllowed").GetBoolean());
        Assert.Equal("not-required", root.GetProperty("specialistReview").GetString());
    }

    [Fact]
    public async Task Json_RealRiskAndImmediateRisk_IsAnNchiWithPersonalData_ReviewedAfterDeployment()
    {
        var run = await AssessAsync("""
            {
              "characteristics": ["sexual-orientation"],
              "perceivedHostility": true,
              "isCrime": false,
              "realRiskOfFutureOffence": true,
              "immediateRisk": true
            }
            """, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var root = run.Json();
        Assert.Equal("nchi-with-personal-data", root.GetProperty("outcome").GetString());
        Assert.True(root.GetProperty("subjectPersonalDataAllowed").GetBoolean());
        Assert.Equal("after-deployment", root.GetProperty("specialistReview").GetString());
        Assert.True(root.GetProperty("rationaleRequired").GetBoolean());
    }

    [Fact]
    public async Task Json_SchoolChildrenOnSchoolPremises_IsNoRecord()
    {
        var run = await AssessAsync(
            """{"characteristics": ["race"], "perceivedHostility": true, "isCrime": false, "schoolChildrenOnSchoolPremises": true}""",
            "--json", "--rule-set", "code-2023");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("no-record", run.Json().GetProperty("outcome").GetString());
        Assert.Equal("not-required", run.Json().GetProperty("specialistReview").GetString());
    }

    [Fact]
    public async Task Json_ForceAddedCharacteristic_CountsWhenGivenOnTheCommandLine()
    {
        var json = """{"characteristics": ["sex"], "perceivedHostility": true, "isCrime": false}""";

        var refused = await AssessAsync(json, "--json");
        var accepted = await AssessAsync(json, "--json", "--add-characteristic", "sex");

        AssertUsageError(refused, "'sex'", "--add-characteristic");
        Assert.True(accepted.ExitCode == 0, accepted.ToString());
        Assert.Equal("nchi", accepted.Json().GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Human_ShowsAPanelWithTheOutcomeAndReasons()
    {
        var run = await AssessAsync("""{"characteristics": ["race"], "perceivedHostility": true, "isCrime": false, "realRiskOfSignificantHarm": true}""");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Assessment: nchi-with-personal-data", run.Out, StringComparison.Ordinal);
        Assert.Contains("with the subject's personal data", run.Out, StringComparison.Ordinal);
        Assert.Contains("Written rationale", run.Out, StringComparison.Ordinal);
        Assert.Contains("Code of Practice para 21", run.Out, StringComparison.Ordinal);
        Assert.Contains("code-2023", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_SaysWhichAnswersAreRequired_AndThatTheRestDefaultToFalse()
    {
        var run = await CliHarness.RunAsync("incidents", "assess", "--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Required: \"perceivedHostility\" and \"isCrime\"", run.Out, StringComparison.Ordinal);
        Assert.Contains("false when left out", run.Out, StringComparison.Ordinal);
        Assert.Contains("--rule-set", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotJson_ExitsWithTwo_NamingTheFileAndLine()
    {
        var run = await AssessAsync("{\n  \"isCrime\": false,\n  perceivedHostility: true\n}");

        AssertUsageError(run, "incident.json line 3:", "not valid JSON");
    }

    [Fact]
    public async Task EmptyFile_ExitsWithTwo()
    {
        var run = await AssessAsync("");

        AssertUsageError(run, "incident.json is empty");
    }

    [Fact]
    public async Task WrongType_ExitsWithTwo_NamingTheKeyAndLine()
    {
        var run = await AssessAsync("{\n  \"isCrime\": false,\n  \"perceivedHostility\": \"yes\"\n}");

        AssertUsageError(run, "incident.json line 3: 'perceivedHostility' must be true or false, not a string (\"yes\")");
    }

    [Fact]
    public async Task CharacteristicsNotAnArray_ExitsWithTwo()
    {
        var run = await AssessAsync("""{"characteristics": "race", "perceivedHostility": true, "isCrime": false}""");

        AssertUsageError(run, "'characteristics' must be an array of strings");
    }

    [Fact]
    public async Task UnknownCharacteristic_ExitsWithTwo_ListingTheKnownOnes()
    {
        var run = await AssessAsync("{\n  \"characteristics\": [\"race\",\n    \"gender\"],\n  \"perceivedHostility\": true, \"isCrime\": false}");

        AssertUsageError(run, "incident.json line 3: 'gender' in 'characteristics' is not a characteristic", "race, religion, disability, sexual-orientation, transgender-identity");
    }

    [Fact]
    public async Task UnknownKey_ExitsWithTwo_NamingIt()
    {
        var run = await AssessAsync("{\"isCrime\": false, \"perceivedHostility\": true,\n \"victimIsVulnerable\": true}");

        AssertUsageError(run, "incident.json line 2: unknown key 'victimIsVulnerable'", "immediateRisk");
    }

    [Fact]
    public async Task KeyInTheWrongCase_ExitsWithTwo_SuggestingTheRightOne()
    {
        var run = await AssessAsync("""{"IsCrime": false, "perceivedHostility": true}""");

        AssertUsageError(run, "unknown key 'IsCrime'. Did you mean 'isCrime'?");
    }

    [Fact]
    public async Task DuplicateKey_ExitsWithTwo()
    {
        var run = await AssessAsync("{\"isCrime\": false,\n\"perceivedHostility\": true,\n\"isCrime\": true}");

        AssertUsageError(run, "line 3: 'isCrime' is given twice (first on line 1)");
    }

    [Fact]
    public async Task MissingRequiredAnswers_ExitsWithTwo_NamingBoth()
    {
        var run = await AssessAsync("""{"characteristics": ["race"], "immediateRisk": true}""");

        AssertUsageError(run, "'perceivedHostility' and 'isCrime' are required");
    }

    [Fact]
    public async Task NotAnObject_ExitsWithTwo()
    {
        var run = await AssessAsync("""[true, false]""");

        AssertUsageError(run, "expected a JSON object", "an array");
    }

    [Fact]
    public async Task UnknownRuleSet_ExitsWithTwo_ListingTheKnownOnes()
    {
        var run = await AssessAsync("""{"perceivedHostility": true, "isCrime": false}""", "--rule-set", "code-2099");

        AssertUsageError(run, "'code-2099'", "code-2023");
    }

    [Fact]
    public async Task MissingFile_ExitsWithOne_NamingThePath()
    {
        var run = await CliHarness.RunAsync("incidents", "assess", Path.Combine(_folder, "nope.json"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("nope.json", run.Error, StringComparison.Ordinal);
    }
}
