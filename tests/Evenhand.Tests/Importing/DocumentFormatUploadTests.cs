using System.Net;
using Evenhand.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Tests.Importing;

/// <summary>The web import takes PDF, Word and web pages as well as text, and refuses bad files on the page with nothing stored.</summary>
[Collection(AppCollection.Name)]
public sealed class DocumentFormatUploadTests(AppFixture apps)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [Theory, MemberData(nameof(TestDocuments.BadFiles), MemberType = typeof(TestDocuments))]
    public async Task UploadReportAndResponse_BadFile_ShowsTheReasonOnThePage_AndStoresNothing(string fileName, string kind, string expected)
    {
        var app = apps.Get(TestDatabases.Sqlite);
        using var admin = await app.SignedInAsync("admin@demo.evenhand.test");
        var before = await CountsAsync(app);

        var reportPage = await admin.GetPageAsync("/inspections/import");
        var report = await admin.SubmitAsync(reportPage, "handler=Upload", [], ("Document", fileName, TestDocuments.Bad(kind)));
        var responsePage = await admin.GetPageAsync("/forces/surrey/responses/import");
        var response = await admin.SubmitAsync(responsePage, "handler=Upload", [], ("Document", fileName, TestDocuments.Bad(kind)));

        foreach (var r in new[] { report, response })
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            var html = await PageClient.ParseAsync(r);
            Assert.Contains($"'{fileName}' {expected}", html.QuerySelector(".govuk-error-summary")?.TextContent ?? "<no error summary>", StringComparison.Ordinal);
        }

        Assert.Equal(before, await CountsAsync(app));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task UploadResponse_AsPdf_PreviewThenConfirm_StoresTheSameAnswersAsText(string provider)
    {
        var app = apps.Get(provider);
        using var admin = await app.SignedInAsync("admin@demo.evenhand.test");
        var page = await admin.GetPageAsync("/forces/surrey/responses/import");
        Assert.Contains(".pdf", page.QuerySelector("input[type=file]")?.GetAttribute("accept") ?? "", StringComparison.Ordinal);
        Assert.Contains(".docx", page.QuerySelector("input[type=file]")?.GetAttribute("accept") ?? "", StringComparison.Ordinal);
        Assert.Contains(".html", page.QuerySelector("input[type=file]")?.GetAttribute("accept") ?? "", StringComparison.Ordinal);
        var pdf = TestDocuments.Pdf(await File.ReadAllTextAsync(Seeds.PathOf("pcc-response-hampshire-and-isle-of-wight.txt")));

        var preview = await admin.SubmitAsync(page, "handler=Upload", [], ("Document", "surrey.pdf", pdf));
        var previewPage = await PageClient.ParseAsync(preview);
        Assert.Null(previewPage.QuerySelector(".govuk-error-summary"));
        Assert.Contains("Matched by a numbered heading. Confidence: High (95%).", previewPage.QuerySelector("#recommendation-10 [data-testid=match]")?.TextContent ?? "", StringComparison.Ordinal);
        var confirm = await admin.SubmitAsync(previewPage, "handler=Confirm", []);

        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        await using var db = app.CreateDbContext();
        var stored = await db.Section55Responses.Include(r => r.Items).SingleAsync(r => r.Force!.Slug == "surrey");
        Assert.Equal("surrey.pdf", stored.SourceFileName);
        Assert.True(stored.Items.Count >= 9);
    }

    [Fact]
    public async Task ImportReportPage_AcceptsPdfWordAndWebPages()
    {
        var app = apps.Get(TestDatabases.Sqlite);
        using var inspector = await app.SignedInAsync("inspectorate@demo.evenhand.test");

        var page = await inspector.GetPageAsync("/inspections/import");

        var accept = page.QuerySelector("input[type=file]")?.GetAttribute("accept") ?? "";
        Assert.All(new[] { ".txt", ".md", ".pdf", ".docx", ".html" }, ext => Assert.Contains(ext, accept, StringComparison.Ordinal));
    }

    private static async Task<(int, int, int, int)> CountsAsync(EvenhandApp app)
    {
        await using var db = app.CreateDbContext();
        return (await db.Inspections.CountAsync(), await db.Recommendations.CountAsync(), await db.Section55Responses.CountAsync(), await db.ForceResponses.CountAsync());
    }
}
