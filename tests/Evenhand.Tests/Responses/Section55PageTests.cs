using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Evenhand.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Tests.Responses;

[Collection(AppCollection.Name)]
public sealed class Section55PageTests(AppFixture apps)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task PccOffice_SeesNineRecommendations_EditsOne_AndExportsDocx(string provider)
    {
        var app = apps.Get(provider);
        using var pcc = await app.SignedInAsync("pcc.cheshire@demo.evenhand.test");
        int inspection;
        await using (var db = app.CreateDbContext())
        {
            inspection = await db.Inspections.Select(i => i.Id).FirstAsync();
        }

        var list = await pcc.GetPageAsync("/forces/cheshire/recommendations");
        var numbers = list.QuerySelectorAll("td a[href*='/forces/cheshire/recommendations/']").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["9", "10", "12", "13", "16", "17", "18", "20", "22"], numbers.Select(n => n.Replace("Recommendation ", "", StringComparison.Ordinal)));

        var page = await pcc.GetPageAsync($"/forces/cheshire/responses/{inspection}");
        var answers = page.QuerySelectorAll("textarea[name^='Answers[']").ToList();
        Assert.Equal(9, answers.Count);
        // The imported Cheshire table answers recommendation 16 with its own words.
        Assert.Contains("Policies will be reviewed", page.QuerySelector("#answer-16 textarea")!.TextContent, StringComparison.Ordinal);

        var field = page.QuerySelector("#answer-10 textarea")!.GetAttribute("name")!;
        var stance = field.Replace(".Text", ".Stance", StringComparison.Ordinal);
        var saved = await pcc.SubmitAsync(page, "handler=Save", new() { [field] = "The Chief Constable issued a visible representations policy on 1 March 2025.", [stance] = "ActionTakenOrProposed" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        page = await pcc.GetPageAsync($"/forces/cheshire/responses/{inspection}");
        Assert.Contains("visible representations policy on 1 March 2025", page.QuerySelector("#answer-10 textarea")!.TextContent, StringComparison.Ordinal);

        var docx = await pcc.GetAsync($"/forces/cheshire/responses/{inspection}?handler=Docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType!.MediaType);
        using var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        var text = word.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("Recommendation 16", text, StringComparison.Ordinal);
        Assert.Contains("visible representations policy on 1 March 2025", text, StringComparison.Ordinal);

        await using (var db = app.CreateDbContext())
        {
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "Section55Response" && a.Action == "Updated" && a.After!.Contains("1 March 2025")));
        }
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Publish_WithAnUnansweredRecommendation_IsRefusedWithTheNumbers(string provider)
    {
        var app = apps.Get(provider);
        using var pcc = await app.SignedInAsync("pcc.west-midlands@demo.evenhand.test");
        int inspection;
        await using (var db = app.CreateDbContext())
        {
            inspection = await db.Inspections.Select(i => i.Id).FirstAsync();
        }

        var page = await pcc.GetPageAsync($"/forces/west-midlands/responses/{inspection}");
        Assert.Contains("Still to answer: 9", page.QuerySelector("#completeness")!.TextContent, StringComparison.Ordinal);

        var response = await pcc.SubmitAsync(page, "handler=Publish", new() { ["PublishedOn"] = "2024-11-01" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("recommendation 9 still need", html, StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            Assert.Null(await db.Section55Responses.Where(r => r.Force!.Slug == "west-midlands").Select(r => r.PublishedOn).SingleAsync());
        }
    }
}
