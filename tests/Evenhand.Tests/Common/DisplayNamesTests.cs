using System.Text.RegularExpressions;
using Evenhand.Common;
using Evenhand.HateIncidents.Rules;
using Evenhand.Responses;
using Evenhand.Tests.Infrastructure;

namespace Evenhand.Tests.Common;

/// <summary>One place for the words people see instead of codes: every enum a page lists has words there, and none is a code.</summary>
public sealed partial class DisplayNamesTests
{
    [Fact]
    public void EveryEnumAPageLists_HasDisplayNames()
    {
        var listed = EnumsListedInPages();
        Assert.NotEmpty(listed);
        var missing = listed.Where(t => !DisplayNames.Known.Contains(t)).Select(t => t.Name).Order().ToList();
        Assert.True(missing.Count == 0, $"Pages list these enums but DisplayNames has no words for them: {string.Join(", ", missing)}");
    }

    [Fact]
    public void EveryDisplayName_IsWords_NotACode()
    {
        foreach (var type in DisplayNames.Known)
        {
            foreach (Enum value in Enum.GetValues(type))
            {
                var text = DisplayNames.For(value);
                Assert.False(string.IsNullOrWhiteSpace(text), $"{type.Name}.{value} has no words");
                Assert.False(CamelCase().IsMatch(text), $"{type.Name}.{value} is shown as '{text}', which reads like a code");
                Assert.True(char.IsUpper(text[0]) || char.IsDigit(text[0]), $"{type.Name}.{value} is shown as '{text}': a label starts with a capital");
            }
        }
    }

    [Fact]
    public void Words_ForTheValuesPeopleMetAsCodes()
    {
        Assert.Equal("In progress", DisplayNames.For(ActionStatus.InProgress));
        Assert.Equal("Awaiting national guidance", DisplayNames.For(ForceProgress.AwaitingNationalGuidance));
        Assert.Equal("Not yet published", DisplayNames.For(Section55ComplianceFilter.NotYetPublished));
        Assert.Equal("Not recorded", DisplayNames.For((ActionStatus?)null, "Not recorded"));
    }

    [Fact]
    public void OutcomeKeys_HaveOneSetOfWords()
    {
        Assert.Equal("Hate crime", DisplayNames.Outcome("hate-crime"));
        Assert.Equal("NCHI", DisplayNames.Outcome("nchi"));
        Assert.Equal("NCHI with personal data", DisplayNames.Outcome("nchi-with-personal-data"));
        Assert.Equal("No record", DisplayNames.Outcome("no-record"));
        Assert.Equal("Not assessed", DisplayNames.Outcome(null));
        foreach (var outcome in Enum.GetValues<AssessmentOutcome>())
        {
            Assert.Equal(DisplayNames.For(outcome), DisplayNames.Outcome(outcome.ToKey()));
        }
    }

    [Fact]
    public void RuleSets_AreShownByName_NotById()
    {
        foreach (var ruleSet in RuleSetRegistry.All)
        {
            var shown = DisplayNames.RuleSet(ruleSet.Id);
            Assert.Equal($"{ruleSet.Name}, version {ruleSet.Version}", shown);
            Assert.DoesNotContain(ruleSet.Id, shown, StringComparison.Ordinal);
        }
    }

    /// <summary>The enums named in the Razor views' <c>Enum.GetValues&lt;T&gt;</c> and <c>Choices.Options/Radios&lt;T&gt;</c>.</summary>
    private static HashSet<Type> EnumsListedInPages()
    {
        var enums = typeof(DisplayNames).Assembly.GetTypes().Where(t => t.IsEnum && t.IsPublic).ToLookup(t => t.Name);
        var found = new HashSet<Type>();
        foreach (var view in TestPaths.SourceFiles("src/Evenhand.Web/Pages", ".cshtml"))
        {
            foreach (Match m in ListedEnum().Matches(File.ReadAllText(view)))
            {
                var candidates = enums[m.Groups[1].Value].ToList();
                Assert.True(candidates.Count == 1, $"{Path.GetFileName(view)} lists '{m.Groups[1].Value}', which is not one public enum of the domain");
                found.Add(candidates[0]);
            }
        }

        return found;
    }

    [GeneratedRegex(@"(?:Enum\.GetValues|Choices\.Options|Choices\.Radios)<(\w+)>")]
    private static partial Regex ListedEnum();

    [GeneratedRegex("[a-z][A-Z]")]
    private static partial Regex CamelCase();
}
