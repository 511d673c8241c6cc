using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Evenhand.Common;
using Evenhand.Forces;
using Evenhand.Inspections;
using Evenhand.Responses;
using Evenhand.Responses.Export;
using Evenhand.Tests.Infrastructure;
using Evenhand.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Tests.Responses;

/// <summary>The Word export: a package Word opens without "repair", with the built-in heading and list styles assistive technology reads.</summary>
[Collection(AppCollection.Name)]
public sealed class Section55DocxExportTests(AppFixture apps)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    /// <summary>The newest format the SDK knows (Microsoft 365 in SDK 3.3; a newer SDK's newest automatically), Office 2010 and Office 2007.</summary>
    private static readonly FileFormatVersions[] Formats = [Enum.GetValues<FileFormatVersions>().Max(), FileFormatVersions.Office2010, FileFormatVersions.Office2007];

    [Fact]
    public void Formats_IncludeTheNewestSingleFormat() =>
        Assert.True(Formats[0] >= FileFormatVersions.Microsoft365 && System.Numerics.BitOperations.IsPow2((int)Formats[0]), Formats[0].ToString());

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Export_OfEveryDemoResponse_PassesOpenXmlValidation(string provider)
    {
        var app = apps.Get(provider);
        await using var db = app.CreateDbContext();
        var service = new Section55Service(db);
        var responses = await db.Section55Responses.AsNoTracking().Select(r => new { r.ForceId, r.InspectionId, r.Force!.Slug }).ToListAsync();
        Assert.Superset(DemoData.Responses.Select(r => r.Slug).ToHashSet(), responses.Select(r => r.Slug).ToHashSet());

        var failures = new List<string>();
        foreach (var r in responses)
        {
            var view = (await service.FindAsync(r.ForceId, r.InspectionId))!;
            var bytes = Section55DocxExporter.Export(view);
            foreach (var format in Formats)
            {
                failures.AddRange(Validate(bytes, format).Select(e => $"{r.Slug}, {format}: {e}"));
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} validation errors:\n" + string.Join('\n', failures.Take(50)));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Export_OfADemoResponse_UsesBuiltInHeadingStylesWithOutlineLevels_AndRealListsForBullets(string provider)
    {
        var app = apps.Get(provider);
        await using var db = app.CreateDbContext();
        var cheshire = await db.Forces.SingleAsync(f => f.Slug == "cheshire");
        var inspectionId = await db.Section55Responses.Where(r => r.ForceId == cheshire.Id).Select(r => r.InspectionId).FirstAsync();
        var view = (await new Section55Service(db).FindAsync(cheshire.Id, inspectionId))!;

        using var word = Open(Section55DocxExporter.Export(view));
        var paragraphs = word.MainDocumentPart!.Document.Body!.Elements<Paragraph>().ToList();

        // The imported texts hold no bullet lines (the in-memory test below covers lists); none may appear as typed "- " or "• ".
        var headings3 = paragraphs.Where(p => StyleOf(p) == "Heading3").Select(p => p.InnerText).ToList();
        Assert.All(view.ForceRecommendations, r => Assert.Contains($"Recommendation {r.Number}", headings3));
        AssertStructure(word, expectBullets: false);
    }

    [Fact]
    public void Export_OfAResponseWithBulletsAndControlCharacters_HasHeadingsListsAndNoErrors()
    {
        var view = ResponseInMemory(
            pccComments: "Our view:\n- first point\n• second point\n\nA closing paragraph \u0001 with a stray control character.",
            recommendationText: "By 31 March 2025, chief constables should:\n- review their policies; and\n- publish the result.",
            answer: "We will:\n* train staff\n* report back in 😀 six months.");

        var bytes = Section55DocxExporter.Export(view);

        Assert.All(Formats, f => Assert.Empty(Validate(bytes, f)));
        using var word = Open(bytes);
        var paragraphs = word.MainDocumentPart!.Document.Body!.Elements<Paragraph>().ToList();
        Assert.Equal(["first point", "second point", "review their policies; and", "publish the result.", "train staff", "report back in 😀 six months."],
            paragraphs.Where(p => StyleOf(p) == "ListBullet").Select(p => p.InnerText));
        Assert.Equal("A closing paragraph  with a stray control character.", paragraphs.Single(p => p.InnerText.StartsWith("A closing", StringComparison.Ordinal)).InnerText);
        Assert.Equal("By 31 March 2025, chief constables should:", paragraphs.Single(p => StyleOf(p) == "Quote").InnerText);
        Assert.Equal(["Title", "Heading1", "Heading2", "Heading2", "Heading2", "Heading3"],
            paragraphs.Select(StyleOf).Where(s => s is "Title" || s?.StartsWith("Heading", StringComparison.Ordinal) == true));
        AssertStructure(word, expectBullets: true);
    }

    /// <summary>
    /// Every heading paragraph uses Word's built-in heading style (id "HeadingN", name "heading N", outline level N-1), the
    /// title uses "Title", and every bullet is a numbered-list paragraph whose list definition is a bullet, not "• " typed as text.
    /// </summary>
    private static void AssertStructure(WordprocessingDocument word, bool expectBullets)
    {
        var main = word.MainDocumentPart!;
        var styles = main.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!);
        var paragraphs = main.Document.Body!.Elements<Paragraph>().ToList();

        Assert.Equal("Title", styles["Title"].StyleName!.Val!.Value);
        Assert.Equal(1, paragraphs.Count(p => StyleOf(p) == "Title"));
        foreach (var level in new[] { 1, 2, 3 })
        {
            var style = styles[$"Heading{level}"];
            Assert.Equal($"heading {level}", style.StyleName!.Val!.Value);
            Assert.Equal(level - 1, style.StyleParagraphProperties!.OutlineLevel!.Val!.Value);
            Assert.Contains(paragraphs, p => StyleOf(p) == $"Heading{level}");
        }

        var recommendationHeadings = paragraphs.Where(p => System.Text.RegularExpressions.Regex.IsMatch(p.InnerText, @"^Recommendation \d+$")).ToList();
        Assert.NotEmpty(recommendationHeadings);
        Assert.All(recommendationHeadings, p => Assert.Equal("Heading3", StyleOf(p)));
        Assert.Equal("Quote", styles["Quote"].StyleName!.Val!.Value);
        Assert.Equal("List Bullet", styles["ListBullet"].StyleName!.Val!.Value);
        Assert.Equal(StyleValues.Character, styles["Strong"].Type!.Value);

        // No paragraph that is not a heading looks like one, and no bullet is typed as text.
        Assert.DoesNotContain(paragraphs, p => p.InnerText.TrimStart().StartsWith('•') || p.InnerText.StartsWith("- ", StringComparison.Ordinal));

        var bullets = paragraphs.Where(p => StyleOf(p) == "ListBullet").ToList();
        Assert.Equal(expectBullets, bullets.Count > 0);
        var numbering = main.NumberingDefinitionsPart!.Numbering!;
        foreach (var bullet in bullets)
        {
            var numId = bullet.ParagraphProperties!.NumberingProperties!.NumberingId!.Val!.Value;
            var instance = numbering.Elements<NumberingInstance>().Single(n => n.NumberID!.Value == numId);
            var abstractNum = numbering.Elements<AbstractNum>().Single(a => a.AbstractNumberId!.Value == instance.AbstractNumId!.Val!.Value);
            var level = abstractNum.Elements<Level>().Single(l => l.LevelIndex!.Value == bullet.ParagraphProperties.NumberingProperties.NumberingLevelReference!.Val!.Value);
            Assert.Equal(NumberFormatValues.Bullet, level.NumberingFormat!.Val!.Value);
        }
    }

    private static string? StyleOf(Paragraph p) => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value;

    private static WordprocessingDocument Open(byte[] bytes) => WordprocessingDocument.Open(new MemoryStream(bytes), false);

    private static List<string> Validate(byte[] bytes, FileFormatVersions format)
    {
        using var doc = Open(bytes);
        return new OpenXmlValidator(format).Validate(doc)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();
    }

    private static Section55View ResponseInMemory(string pccComments, string recommendationText, string answer)
    {
        var force = new Force
        {
            Id = 1, Slug = "cheshire", Name = "Cheshire Constabulary", ShortName = "Cheshire", Country = "England",
            LocalPolicingBody = "Police and Crime Commissioner for Cheshire",
        };
        var inspection = new Inspection { Id = 1, Title = "An inspection into activism and impartiality in policing", Publisher = "HMICFRS", PublishedOn = new DateOnly(2024, 9, 10) };
        var rec = new Recommendation { Id = 9, InspectionId = 1, Inspection = inspection, Number = 9, Text = recommendationText, AppliesToForces = true };
        var ctx = new ProcessContext("test", "Test", DateTimeOffset.UnixEpoch, null);
        var response = Section55Response.Start(force, inspection);
        response.Edit(new Section55Details(null, null, null, null, pccComments), [(rec, Section55Stance.ActionTakenOrProposed, answer)], new DateOnly(2024, 10, 1), ctx);
        return new Section55View(response, [rec], []);
    }
}
