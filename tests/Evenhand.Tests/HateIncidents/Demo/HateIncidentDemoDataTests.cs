using System.Text.Json;
using Evenhand.HateIncidents;
using Evenhand.HateIncidents.Demo;
using Evenhand.HateIncidents.Rules;

namespace Evenhand.Tests.HateIncidents.Demo;

public sealed class HateIncidentDemoDataTests
{
    private static readonly DateTimeOffset Now = new(2025, 11, 1, 9, 0, 0, TimeSpan.Zero);

    private static List<HateIncident> Generate(int seed = 5) =>
        HateIncidentDemoData.Generate(3, 400, seed, Now, HateIncidentDemoData.ProfileFor("hampshire-and-isle-of-wight"));

    // Not the Version: it is a concurrency token the entity's methods draw afresh on every change, not part of the record.
    private static string Fingerprint(IEnumerable<HateIncident> incidents) => JsonSerializer.Serialize(incidents.Select(i => new
    {
        i.Reference, i.ReportedAt, i.Area, i.LocationDescription, i.Circumstances, i.Characteristics, i.Status,
        Outcome = i.Classification, i.ReviewedAt, i.Deployed, i.FinalisingCode,
        People = i.People.Select(p => (p.Role, p.Name, p.DateOfBirth)).ToList(),
        History = i.History.Select(h => (h.Event, h.FromOutcome, h.ToOutcome, h.At)).ToList(),
    }));

    [Fact]
    public void Generate_IsDeterministic()
    {
        Assert.Equal(Fingerprint(Generate()), Fingerprint(Generate()));
        Assert.NotEqual(Fingerprint(Generate(5)), Fingerprint(Generate(6)));
    }

    [Fact]
    public void Generate_IncludesTheReportsExampleCases()
    {
        var incidents = Generate();

        foreach (var name in new[] { "Comment on a bus", "Bank anti-money-laundering questions", "School-premises insult between ten-year-olds", "Lawful placard", "Wheelchair question" })
        {
            Assert.Contains(incidents, i => i.Circumstances.StartsWith(name, StringComparison.Ordinal));
        }

        var bus = incidents.Single(i => i.Circumstances.StartsWith("Comment on a bus", StringComparison.Ordinal));
        Assert.Equal("no-record", bus.Classification);
        Assert.Contains(bus.History, h => h.FromOutcome == "nchi" && h.ToOutcome == "no-record");

        var bank = incidents.Single(i => i.Circumstances.StartsWith("Bank", StringComparison.Ordinal));
        Assert.Equal(["nchi", "no-record", "hate-crime", "no-record"],
            bank.History.Where(h => h.FromOutcome is not null && h.FromOutcome != h.ToOutcome).Select(h => h.FromOutcome).Append(bank.Classification));

        var school = incidents.First(i => i.Circumstances.StartsWith("School-premises", StringComparison.Ordinal) && i.Assessment!.SchoolChildrenOnSchoolPremises);
        Assert.Equal("no-record", school.Classification);
        var placard = incidents.Single(i => i.Circumstances.StartsWith("Lawful placard", StringComparison.Ordinal));
        Assert.Equal("no-record", placard.Classification);
    }

    [Fact]
    public void Generate_AssessedOutcomesComeFromTheRuleSet()
    {
        var rules = RuleSetRegistry.Default;
        foreach (var i in Generate().Where(i => i.Assessment is not null))
        {
            var a = i.Assessment!;
            var decided = rules.Assess(new AssessmentAnswers(i.Characteristics, a.PerceivedHostility, a.IsCrime, a.TrivialIrrationalOrMalicious,
                a.SchoolChildrenOnSchoolPremises, a.LawfulFreedomOfExpression, a.RealRiskOfSignificantHarm, a.RealRiskOfFutureOffence, i.ImmediateRisk)
            {
                BasisToConcludeIntentionalHostility = a.BasisToConcludeIntentionalHostility,
            }, ["sex"]);
            Assert.Equal(decided.Outcome.ToKey(), i.History.First(h => h.Event == "Assessed").ToOutcome);
        }
    }

    [Fact]
    public void Generate_SpreadsAcrossTheProcessAndTime()
    {
        var incidents = Generate();

        Assert.Equal(400, incidents.Count);
        Assert.Equal(incidents.Count, incidents.Select(i => i.Reference).Distinct().Count());
        Assert.All(incidents, i => Assert.InRange(i.ReportedAt, Now.AddDays(-560), Now));
        Assert.True(incidents.Select(i => i.Area).Distinct().Count() >= 8);
        foreach (var status in new[] { IncidentStatus.AwaitingReview, IncidentStatus.Finalised, IncidentStatus.Closed })
        {
            Assert.Contains(incidents, i => i.Status == status);
        }

        Assert.Contains(incidents, i => i.Status == IncidentStatus.AwaitingReview && i.ReviewDueAt < Now);
        Assert.Contains(incidents, i => i.History.Any(h => h.FromOutcome is not null && h.ToOutcome is not null && h.FromOutcome != h.ToOutcome));
        Assert.Contains(incidents, i => i.PersonalDataDeletedAt is not null && i.People.All(p => p.Role != PersonRole.Subject));
        Assert.Contains(incidents, i => i.People.Any(p => p.Role == PersonRole.Subject) && i.PersonalDataRationale is not null);
        Assert.Contains(incidents, i => i.Characteristics.Contains("sex"));

        // Race most common, then sexual orientation; every Code characteristic present.
        var counts = incidents.SelectMany(i => i.Characteristics).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(counts["race"] > counts["sexual-orientation"] && counts["sexual-orientation"] > counts["transgender-identity"]);
        Assert.All(RuleSetRegistry.Default.ParticularCharacteristics, c => Assert.True(counts.ContainsKey(c)));

        // Repeat complainants and locations exist.
        Assert.Contains(incidents.SelectMany(i => i.People.Where(p => p.Role == PersonRole.Complainant)).GroupBy(p => (p.Name, p.DateOfBirth)), g => g.Count() > 1);
        Assert.Contains(incidents.GroupBy(i => (i.Area, i.LocationDescription)), g => g.Count() > 3);

        // Subject personal data is held only where the classification allows it.
        Assert.All(incidents.Where(i => i.People.Any(p => p.Role == PersonRole.Subject)), i => Assert.True(i.Assessment!.SubjectPersonalDataAllowed));
    }

    [Fact]
    public void HateIncident_HasNoPublicSetters_SoOnlyItsMethodsChangeIt()
    {
        var settable = typeof(HateIncident).GetProperties()
            .Where(p => p.DeclaringType == typeof(HateIncident) && p.SetMethod is { IsPublic: true })
            .Select(p => p.Name);

        Assert.Empty(settable);
        Assert.DoesNotContain(typeof(HateIncident).GetConstructors(), c => c.IsPublic);
        // Its rows (people, files, history) are read-only from outside too.
        Assert.All(new[] { nameof(HateIncident.People), nameof(HateIncident.Attachments), nameof(HateIncident.History) }, name =>
            Assert.True(typeof(HateIncident).GetProperty(name)!.PropertyType.GetGenericTypeDefinition() == typeof(IReadOnlyList<>), name));
    }

    [Fact]
    public void Generate_GivesNoHateCrimeTheCodesWork_AndTellsSubjectsOnlyAfterTheReview()
    {
        var incidents = Generate();
        var policy = ForceHatePolicy.Default(3);

        Assert.All(incidents.Where(i => i.IsHateCrime), i =>
        {
            Assert.Null(i.RetentionReviewDueOn);
            Assert.Null(i.SubjectToBeToldBy);
            Assert.False(i.SubjectToBeTold(policy));
        });
        Assert.All(incidents.Where(i => i.SubjectToldAt is not null), i =>
            Assert.True(i.History.First(h => h.Event.StartsWith("Review", StringComparison.Ordinal)).At <= i.SubjectToldAt));
        Assert.Contains(incidents, i => i.SubjectToBeTold(policy) || i.SubjectToldAt is not null);
        Assert.Contains(incidents, i => i.History.Any(h => h.Event.StartsWith("Subject told", StringComparison.Ordinal) && (h.Note ?? "").Contains("late", StringComparison.Ordinal)));
    }
}
