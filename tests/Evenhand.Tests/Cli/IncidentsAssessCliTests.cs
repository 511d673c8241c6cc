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
        var run = await AssessAsync("""{"characteristics": ["race"], "perceivedHostility": true, "basisToConcludeIntentionalHostility": true, "isCrime": false}""", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var root = run.Json();
        Assert.Equal(
            ["outcome", "subjectPersonalDataAllowed", "specialistReview", "reasons", "ruleSet", "rationaleRequired"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("nchi", root.GetProperty("outcome").GetString());
        Assert.False(root.GetProperty("subjectPersonalDataAllowed").GetBoolean());
        Assert.Equal("required", root.GetProperty("specialistReview").GetString());
        Assert.Equal("code-2023-r2", root.GetProperty("ruleSet").GetString());
        Assert.False(root.GetProperty("rationaleRequired").GetBoolean());
        Assert.NotEmpty(root.GetProperty("reasons").EnumerateArray());
        Assert.All(root.GetProperty("reasons").EnumerateArray(), r => Assert.Equal(JsonValueKind.String, r.ValueKind));
        Assert.Empty(run.Error);
    }

    [Theory]
    [InlineData("sexual orientation")]
    [InlineData("Sexual Orientation")]
    [InlineData("sexual-orientation")]
    [InlineData("TRANSGENDER IDENTITY")]
    public async Task Json_TheCodesOwnWords_WithSpacesOrHyphensInAnyCase_AreAccepted(string characteristic)
    {
        var run = await AssessAsync(
            $$"""{"characteristics": ["{{characteristic}}"], "perceivedHostility": true, "basisToConcludeIntentionalHostility": true, "isCrime": false}""", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("nchi", run.Json().GetProperty("outcome").GetString());
        Assert.Contains(run.Json().GetProperty("reasons").EnumerateArray(),
            r => r.GetString()!.Contains(characteristic.ToLowerInvariant().Replace('-', ' '), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Json_ACharacteristicTheForceHasNotAdopted_IsNoRecord_NamingTheAdoptedList()
    {
        // Code of Practice: the five characteristics, and those a force adopts in its policy; another is no NCHI, not an input error.
        var run = await AssessAsync("""{"characteristics": ["sex"], "perceivedHostility": true, "basisToConcludeIntentionalHostility": true, "isCrime": false}""", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var root = run.Json();
        Assert.Equal("no-record", root.GetProperty("outcome").GetString());
        Assert.False(root.GetProperty("subjectPersonalDataAllowed").GetBoolean());
        Assert.Contains(root.GetProperty("reasons").EnumerateArray(), r =>
            r.GetString()!.Contains("\"sex\" is not a characteristic your force has adopted", StringComparison.Ordinal)
            && r.GetString()!.Contains("race, religion, disability, sexual orientation and transgender identity", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Json_PerceivedHostilityAlone_IsNoRecord_SayingTheIntentionalHostilityTestWasNotEstablished()
    {
        // Code of Practice para 20: perception alone is not enough; left out, the basis is not established.
        var run = await AssessAsync("""{"characteristics": ["race"], "perceivedHostility": true, "isCrime": false}""", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var root = run.Json();
        Assert.Equal("no-record", root.GetProperty("outcome").GetString());
        Assert.Equal("not-required", root.GetProperty("specialistReview").GetString());
        Assert.Contains(root.GetProperty("reasons").EnumerateArray(), r =>
            r.GetString()!.Contains("was not answered, so it is treated as not established", StringComparison.Ordinal)
            && r.GetString()!.Contains("Code of Practice para 20", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Json_NoBasisToConcludeIntentionalHostility_IsNoRecord()
    {
        var run = await AssessAsync("""{"characteristics": ["race"], "perceivedHostility": true, "basisToConcludeIntentionalHostility": false, "isCrime": false, "realRiskOfSignificantHarm": true}""", "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("no-record", run.Json().GetProperty("outcome").GetString());
        Assert.Contains(run.Json().GetProperty("reasons").EnumerateArray(), r =>
            r.GetString()!.Contains("no basis to conclude that the incident was motivated by intentional hostility", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Json_SchoolCase_CarriesTheReferralToTheSchool_AndASafeguardingReferralWhereThereIsARealRisk()
    {
        var plain = await AssessAsync("""{"characteristics": ["race"], "perceivedHostility": true, "basisToConcludeIntentionalHostility": true, "isCrime": false, "schoolChildrenOnSchoolPremises": true}""", "--json");
        var risk = await AssessAsync("""{"characteristics": ["race"], "perceivedHostility": true, "basisToConcludeIntentionalHostility": true, "isCrime": false, "schoolChildrenOnSchoolPremises": true, "realRiskOfSignificantHarm": true}""", "--json");

        Assert.Equal("no-record", plain.Json().GetProperty("outcome").GetString());
        var plainReasons = plain.Json().GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.Contains(plainReasons, r => r.Contains("designated safeguarding lead", StringComparison.Ordinal));
        Assert.DoesNotContain(plainReasons, r => r.StartsWith("Safeguarding referral", StringComparison.Ordinal));
        Assert.Contains(risk.Json().GetProperty("reasons").EnumerateArray(), r => r.GetString()!.StartsWith("Safeguarding referral", StringComparison.Ordinal));
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
              "basisToConcludeIntentionalHostility": true,
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
        var json = """{"characteristics": ["sex"], "perceivedHostility": true, "basisToConcludeIntentionalHostility": true, "isCrime": false}""";

        var refusedUnderCode2023 = await AssessAsync(json, "--json", "--rule-set", "code-2023");
        var accepted = await AssessAsync(json, "--json", "--add-characteristic", "sex");

        AssertUsageError(refusedUnderCode2023, "'sex'", "--add-characteristic");
        Assert.True(accepted.ExitCode == 0, accepted.ToString());
        Assert.Equal("nchi", accepted.Json().GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Human_ShowsAPanelWithTheOutcomeAndReasons()
    {
        var run = await AssessAsync("""{"characteristics": ["race"], "perceivedHostility": true, "basisToConcludeIntentionalHostility": true, "isCrime": false, "realRiskOfSignificantHarm": true}""");

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
    public async Task UnknownCharacteristic_UnderCode2023_ExitsWithTwo_ListingTheKnownOnes()
    {
        var run = await AssessAsync("{\n  \"characteristics\": [\"race\",\n    \"gender\"],\n  \"perceivedHostility\": true, \"isCrime\": false}", "--rule-set", "code-2023");

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
