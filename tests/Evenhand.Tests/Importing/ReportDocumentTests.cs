using Evenhand.Common;
using Evenhand.Data;
using Evenhand.Importing;
using Evenhand.Inspections;
using Evenhand.Inspections.Parsing;
using Evenhand.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Tests.Importing;

/// <summary>
/// A small report of our own, written as a PDF, a Word document, a web page and text, read through DocumentText and the
/// report parser: every numbered recommendation is kept or named in a warning, short ones included; deadlines that run
/// from publication are resolved; forces named, constabularies and chief constables are addressees. Then imported, to
/// see the resolved dates stored.
/// </summary>
public class ReportDocumentTests
{
    public static TheoryData<string> Formats => new() { ".txt", ".pdf", ".docx", ".html" };

    public static TheoryData<string> Providers => TestDatabases.Providers;

    internal const string PublishedLine = "Published on 14 May 2025";

    // Recommendation 4 is missing on purpose; 1 and 7 are short lines without a full stop, 7 the last in the document.
    internal static string LostProperty(string publishedLine) => $"""
        Inspection of how forces look after lost and found property

        {publishedLine}

        Summary

        We visited eight forces and looked at how they record, store and return property that members of the public hand in. In this report we make six recommendations.

        Recommendation 1

        Immediately, chief constables should stop disposing of unclaimed property without a written record

        Recommendation 2

        Within three months, Durham Constabulary should publish its policy on found property.

        Property policies

        Only two of the forces we visited had published a policy, and neither had reviewed it since 2019.

        Recommendation 3

        Within 12 months of the publication of this report, the Home Office should review the law on found property, and the constabulary should tell the public how to claim an item.

        Recommendation 5

        By the end of 2025, the College of Policing should issue guidance on storing found property. West Midlands Police should pilot it.

        Recommendation 6

        Within six months of the College of Policing issuing that guidance, forces should train front counter staff in it.

        Forces should do more to return property to its owners

        We found bicycles and phones that had waited years for an owner nobody had tried to contact.

        Recommendation 7

        Forces should record every item handed in at a front counter
        """;

    private static ParsedReport Parse(string text, string format)
    {
        var name = "lost-property" + format;
        var bytes = DocumentTextTests.Convert(text, format);
        return ReportParser.Parse(DocumentText.Read(new MemoryStream(bytes), name), name);
    }

    private static ParsedRecommendation Rec(ParsedReport report, int number) => report.Recommendations.Single(r => r.Number == number);

    [Theory, MemberData(nameof(Formats))]
    public void LostPropertyReport_InEachFormat_KeepsEveryRecommendationAndNamesTheGap(string format)
    {
        var report = Parse(LostProperty(PublishedLine), format);

        Assert.Equal("Inspection of how forces look after lost and found property", report.Title);
        Assert.Equal(new DateOnly(2025, 5, 14), report.Published);
        Assert.Equal([1, 2, 3, 5, 6, 7], report.Recommendations.Select(r => r.Number));
        Assert.Equal("Immediately, chief constables should stop disposing of unclaimed property without a written record", Rec(report, 1).Text);
        Assert.Equal("Forces should record every item handed in at a front counter", Rec(report, 7).Text);
        Assert.Equal("Within six months of the College of Policing issuing that guidance, forces should train front counter staff in it.", Rec(report, 6).Text);
        Assert.Equal(
            [
                "Recommendation 1 is due 'Immediately': its due date was taken as the publication date, 14 May 2025. Check it before importing.",
                "No text was found for recommendation 4, although the report numbers its recommendations up to 7.",
            ],
            report.Warnings);
    }

    [Theory, MemberData(nameof(Formats))]
    public void LostPropertyReport_InEachFormat_ResolvesDeadlinesFromThePublicationDate(string format)
    {
        var report = Parse(LostProperty(PublishedLine), format);

        Assert.Equal(
            [new DateOnly(2025, 5, 14), new DateOnly(2025, 8, 14), new DateOnly(2026, 5, 14), new DateOnly(2025, 12, 31), null, null],
            report.Recommendations.Select(r => r.DueDate));
        Assert.Equal([true, true, true, false, false, false], report.Recommendations.Select(r => r.DueRule?.FromPublication == true));
        Assert.Equal("'Immediately' was taken as the publication date, 14 May 2025.", Rec(report, 1).DueNote);
        Assert.Equal("'Within three months' was counted from the publication date, 14 May 2025.", Rec(report, 2).DueNote);
        Assert.Equal("Within 12 months of the publication of this report", Rec(report, 3).DueRule!.Description);
        Assert.Equal(new DueRule(6, "College of Policing issues that guidance", "Within six months of the College of Policing issuing that guidance"), Rec(report, 6).DueRule);
    }

    [Theory, MemberData(nameof(Formats))]
    public void LostPropertyReport_InEachFormat_FindsForcesByNameConstabularyAndChiefConstables(string format)
    {
        var report = Parse(LostProperty(PublishedLine), format);

        Assert.Equal(["Chief constables"], Rec(report, 1).Addressees);
        Assert.Equal(["Durham Constabulary"], Rec(report, 2).Addressees);
        Assert.Equal(["Home Office", "Forces"], Rec(report, 3).Addressees); // "and the constabulary should …" after the Home Office's duty
        Assert.Equal(["College of Policing", "West Midlands Police"], Rec(report, 5).Addressees);
        Assert.Equal(["Forces"], Rec(report, 6).Addressees); // the College is only the event the deadline runs from
        Assert.All(report.Recommendations, r => Assert.True(r.AppliesToForces, $"Recommendation {r.Number} puts a duty on a force."));
    }

    [Theory, MemberData(nameof(Formats))]
    public void LostPropertyReport_WithoutAFullPublicationDate_InEachFormat_KeepsThoseDeadlinesAsRulesAndSaysSo(string format)
    {
        var report = Parse(LostProperty("May 2025"), format);

        Assert.Null(report.Published);
        Assert.Equal([null, null, null, new DateOnly(2025, 12, 31), null, null], report.Recommendations.Select(r => r.DueDate));
        Assert.Equal([0, 3, 12], report.Recommendations.Where(r => r.DueRule?.FromPublication == true).Select(r => r.DueRule!.Months));
        Assert.Equal(
            [1, 2, 3],
            report.Warnings.Where(w => w.Contains("does not give a full publication date", StringComparison.Ordinal))
                .Select(w => int.Parse(w.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory, MemberData(nameof(Formats))]
    public void ReportWhoseLastHeadingHasNoRecommendation_InEachFormat_NamesIt(string format)
    {
        const string text = """
            Inspection of how forces look after lost and found property

            Recommendation 1

            By 31 March 2026, forces should audit their property stores.

            Recommendation 2

            Storage of found property
            """;

        var report = Parse(text, format);

        Assert.Equal([1], report.Recommendations.Select(r => r.Number));
        Assert.Contains(report.Warnings, w => w.StartsWith("Recommendation 2 has a heading", StringComparison.Ordinal));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Import_FromWord_StoresDeadlinesCountedFromTheConfirmedPublicationDate(string provider)
    {
        TestDatabases.SkipIfUnavailable(provider);
        using var database = TestDatabases.Create(provider);
        await using (var setup = database.CreateContext())
        {
            await DatabaseInitializer.InitialiseAsync(setup);
        }

        // The document gives only "May 2025"; the person importing confirms 14 May 2025.
        var report = Parse(LostProperty("May 2025"), ".docx");
        await using (var db = database.CreateContext())
        {
            await new DocumentImportService(db).ImportReportAsync(
                new ImportReportOptions(report, report.Title, DocumentImportService.DefaultPublisher, new DateOnly(2025, 5, 14), InspectionType.NationalThematic, "lost-property.docx"),
                new ProcessContext("test", "Test inspector", TestClock.Now, "Report import test"));
        }

        await using var check = database.CreateContext();
        var stored = await check.Recommendations.OrderBy(r => r.Number).ToDictionaryAsync(r => r.Number);
        Assert.Equal([1, 2, 3, 5, 6, 7], stored.Keys);
        Assert.Equal((new DateOnly(2025, 5, 14), (int?)null, "Immediately"), (stored[1].DueDate, stored[1].DueRuleMonths, stored[1].DueRuleDescription));
        Assert.Equal((new DateOnly(2025, 8, 14), (int?)null, "Within three months"), (stored[2].DueDate, stored[2].DueRuleMonths, stored[2].DueRuleDescription));
        Assert.Equal(new DateOnly(2026, 5, 14), stored[3].DueDate);
        Assert.Equal(new DateOnly(2025, 12, 31), stored[5].DueDate);
        Assert.False(stored[2].HasRelativeDeadline); // publication has happened: no event is left to record
        Assert.Equal("14 August 2025", stored[2].DeadlineDescription);

        // A deadline that runs from another event still waits for it.
        Assert.Null(stored[6].DueDate);
        Assert.Equal((6, "College of Policing issues that guidance"), (stored[6].DueRuleMonths!.Value, stored[6].DueRuleEvent));
        Assert.Null(stored[6].EffectiveDueDate);

        // Durham by name, "the constabulary" and chief constables all put a duty on forces: every force gets an action plan.
        Assert.Equal(["Durham Constabulary"], stored[2].Addressees);
        Assert.All(stored.Values, r => Assert.True(r.AppliesToForces));
        Assert.Equal(6 * 43, await check.ForceResponses.CountAsync());
    }

    [Fact]
    public void DueDateOnImport_DocumentDateDiffersFromTheConfirmedOne_CountsFromTheConfirmedOne()
    {
        var report = Parse(LostProperty(PublishedLine), ".txt");

        Assert.Equal(new DateOnly(2025, 8, 14), Rec(report, 2).DueDate);
        Assert.Equal(new DateOnly(2025, 9, 1), DocumentImportService.DueDateOnImport(Rec(report, 2), new DateOnly(2025, 6, 1)));
        Assert.Equal(new DateOnly(2025, 12, 31), DocumentImportService.DueDateOnImport(Rec(report, 5), new DateOnly(2025, 6, 1)));
        Assert.Null(DocumentImportService.DueDateOnImport(Rec(report, 6), new DateOnly(2025, 6, 1)));
    }
}
