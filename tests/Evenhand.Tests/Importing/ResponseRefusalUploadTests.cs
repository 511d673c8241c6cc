using System.Net;
using Evenhand.Tests.Infrastructure;
using Evenhand.Tests.Responses.Parsing;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Tests.Importing;

/// <summary>The web import refuses a response to another inspection on the page, with the parser's message, and stores nothing.</summary>
[Collection(AppCollection.Name)]
public sealed class ResponseRefusalUploadTests(AppFixture apps)
{
    [Theory]
    [InlineData(".pdf")]
    [InlineData(".docx")]
    public async Task UploadResponse_ToAnotherInspection_ShowsWhyOnThePage_AndStoresNothing(string format)
    {
        var app = apps.Get(TestDatabases.Sqlite);
        using var admin = await app.SignedInAsync("admin@demo.evenhand.test");
        var before = await CountsAsync(app);
        var page = await admin.GetPageAsync("/forces/kent/responses/import");

        var response = await admin.SubmitAsync(page, "handler=Upload", [], ("Document", "kent" + format, DocumentTextTests.Convert(OtherInspectionTests.PeelResponse, format)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await PageClient.ParseAsync(response);
        var error = html.QuerySelector(".govuk-error-summary")?.TextContent ?? "<no error summary>";
        Assert.Contains($"'kent{format}' seems to answer another inspection: it names 'PEEL 2023-2025: an inspection of Kent Police'", error, StringComparison.Ordinal);
        Assert.Null(html.QuerySelector("input[name=StagingId][value]:not([value=''])"));
        Assert.Equal(before, await CountsAsync(app));
    }

    private static async Task<(int, int)> CountsAsync(EvenhandApp app)
    {
        await using var db = app.CreateDbContext();
        return (await db.Section55Responses.CountAsync(), await db.AuditEntries.CountAsync(a => a.EntityType == "Section55Response"));
    }
}
