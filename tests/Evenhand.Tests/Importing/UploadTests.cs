using System.Net;
using AngleSharp.Html.Dom;
using Evenhand.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Tests.Importing;

/// <summary>Bad documents uploaded through the web app: each gets a specific message and nothing is stored.</summary>
[Collection(AppCollection.Name)]
public sealed class UploadTests(AppFixture apps)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static byte[] Content(string spec) => spec == "BINARY"
        ? Enumerable.Range(0, 4096).Select(i => (byte)(i % 256)).ToArray()
        : System.Text.Encoding.UTF8.GetBytes(spec);

    [SkippableTheory]
    [InlineData(TestDatabases.Sqlite, "empty.txt", "", "is empty")]
    [InlineData(TestDatabases.Sqlite, "binary.txt", "BINARY", "binary file")]
    [InlineData(TestDatabases.Sqlite, "no-recommendations.txt", "An inspection of something\n\nThis report makes no recommendations at all.\n", "No recommendations were found")]
    [InlineData(TestDatabases.Postgres, "empty.txt", "", "is empty")]
    [InlineData(TestDatabases.Postgres, "binary.txt", "BINARY", "binary file")]
    public async Task UploadReport_BadDocument_ShowsSpecificError_AndStoresNothing(string provider, string fileName, string spec, string expected)
    {
        var app = apps.Get(provider);
        using var inspector = await app.SignedInAsync("inspectorate@demo.evenhand.test");
        var before = await CountsAsync(app);

        var page = await inspector.GetPageAsync("/inspections/import");
        var response = await inspector.SubmitAsync(page, "handler=Upload", [], ("Document", fileName, Content(spec)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await PageClient.ParseAsync(response);
        Assert.Contains(expected, html.QuerySelector(".govuk-error-summary")?.TextContent ?? "<no error summary>", StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(app));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task UploadReport_50MegabyteFile_IsRefusedWithItsSize(string provider)
    {
        var app = apps.Get(provider);
        using var inspector = await app.SignedInAsync("inspectorate@demo.evenhand.test");
        var before = await CountsAsync(app);
        var big = new byte[50 * 1024 * 1024];
        Array.Fill(big, (byte)'a');

        var page = await inspector.GetPageAsync("/inspections/import");
        var response = await inspector.SubmitAsync(page, "handler=Upload", [], ("Document", "huge.txt", big));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await PageClient.ParseAsync(response);
        Assert.Contains("smaller than 10 MB", html.QuerySelector(".govuk-error-summary")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(app));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task UploadResponse_ForUnknownForce_IsNotFound_AndForWrongDocument_SaysWhy(string provider)
    {
        var app = apps.Get(provider);
        using var admin = await app.SignedInAsync("admin@demo.evenhand.test");
        var before = await CountsAsync(app);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/forces/atlantis/responses/import")).StatusCode);

        var page = await admin.GetPageAsync("/forces/kent/responses/import");
        var response = await admin.SubmitAsync(page, "handler=Upload", [], ("Document", "shopping.txt", "Milk, eggs, bread. Nothing about policing here."u8.ToArray()));

        var html = await PageClient.ParseAsync(response);
        Assert.Contains("No responses to any recommendation", html.QuerySelector(".govuk-error-summary")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync(app));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task UploadResponse_PreviewThenConfirm_StoresTheDraft(string provider)
    {
        const string Force = "northamptonshire";
        var app = apps.Get(provider);
        using var admin = await app.SignedInAsync("admin@demo.evenhand.test");
        // A force no other test stores a response for: the test checks there was none before.
        var page = await admin.GetPageAsync($"/forces/{Force}/responses/import");
        var content = await File.ReadAllBytesAsync(Seeds.PathOf("pcc-response-hampshire-and-isle-of-wight.txt"));

        var preview = await admin.SubmitAsync(page, "handler=Upload", [], ("Document", Force + ".txt", content));
        var previewPage = await PageClient.ParseAsync(preview);
        // The document names another force: the preview warns before anything is saved.
        Assert.Contains("appears to be from Hampshire and Isle of Wight", previewPage.QuerySelector(".govuk-warning-text")?.TextContent ?? "", StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.Section55Responses.AnyAsync(r => r.Force!.Slug == Force));
        }

        var confirm = await admin.SubmitAsync(previewPage, "handler=Confirm", []);
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);
        await using (var db = app.CreateDbContext())
        {
            var stored = await db.Section55Responses.Include(r => r.Items).SingleAsync(r => r.Force!.Slug == Force);
            Assert.True(stored.Items.Count >= 9);
        }
    }

    private static async Task<(int, int, int, int)> CountsAsync(EvenhandApp app)
    {
        await using var db = app.CreateDbContext();
        return (await db.Inspections.CountAsync(), await db.Recommendations.CountAsync(), await db.Section55Responses.CountAsync(), await db.ForceResponses.CountAsync());
    }
}
