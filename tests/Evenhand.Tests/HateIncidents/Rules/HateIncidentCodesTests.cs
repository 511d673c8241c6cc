using Evenhand.HateIncidents.Codes;
using Evenhand.HateIncidents.Rules;

namespace Evenhand.Tests.HateIncidents.Rules;

public class HateIncidentCodesTests
{
    [Fact]
    public void All_HasOneCodePerOutcomeAndCharacteristic_IncludingOther()
    {
        var outcomes = Enum.GetValues<AssessmentOutcome>();
        Assert.Equal(["race", "religion", "disability", "sexual-orientation", "transgender-identity", "other"], HateIncidentCodes.Characteristics);
        Assert.Equal(outcomes.Length * HateIncidentCodes.Characteristics.Count, HateIncidentCodes.All.Count);
        Assert.Equal(HateIncidentCodes.All.Count, HateIncidentCodes.All.Select(c => c.Code).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (var outcome in outcomes)
        {
            foreach (var characteristic in HateIncidentCodes.Characteristics)
            {
                var code = Assert.Single(HateIncidentCodes.All, c => c.Outcome == outcome && c.Characteristic == characteristic);
                Assert.Same(code, HateIncidentCodes.For(outcome, characteristic));
                Assert.False(string.IsNullOrWhiteSpace(code.Description));
            }
        }
    }

    [Theory]
    [InlineData(AssessmentOutcome.HateCrime, "race", "HC-RACE")]
    [InlineData(AssessmentOutcome.Nchi, "religion", "NCHI-RELIGION")]
    [InlineData(AssessmentOutcome.NchiWithPersonalData, "disability", "NCHI-PD-DISABILITY")]
    [InlineData(AssessmentOutcome.NoRecord, "transgender-identity", "NR-TRANSGENDER-IDENTITY")]
    [InlineData(AssessmentOutcome.Nchi, " Sexual-Orientation ", "NCHI-SEXUAL-ORIENTATION")]
    [InlineData(AssessmentOutcome.HateCrime, "sex", "HC-OTHER")]
    [InlineData(AssessmentOutcome.Nchi, "alternative-subculture", "NCHI-OTHER")]
    public void For_GivesTheNationalCode(AssessmentOutcome outcome, string characteristic, string expected)
    {
        Assert.Equal(expected, HateIncidentCodes.For(outcome, characteristic).Code);
    }

    [Fact]
    public void For_BlankCharacteristic_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => HateIncidentCodes.For(AssessmentOutcome.Nchi, " "));
    }

    [Fact]
    public void Find_IgnoresCase_AndReturnsNullForUnknownCodes()
    {
        Assert.Equal("NCHI-RACE", HateIncidentCodes.Find(" nchi-race ")?.Code);
        Assert.Null(HateIncidentCodes.Find("NCHI-AGE"));
        Assert.Null(HateIncidentCodes.Find(null));
    }

    [Fact]
    public void Codes_TellHateCrimesFromNchisFromNoRecord_ByPrefix()
    {
        Assert.All(HateIncidentCodes.All, c => Assert.StartsWith(HateIncidentCodes.Prefix(c.Outcome) + "-", c.Code, StringComparison.Ordinal));
        Assert.All(HateIncidentCodes.All.Where(c => c.Outcome == AssessmentOutcome.Nchi), c => Assert.DoesNotContain("-PD-", c.Code, StringComparison.Ordinal));
    }
}
