using System.Text.Json;
using Evenhand.Common;
using Evenhand.Data;
using Evenhand.Importing;
using Evenhand.Inspections;
using Evenhand.Responses;
using Evenhand.Tests.Infrastructure;
using Evenhand.Tests.Responses.Parsing;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Tests.Importing;

/// <summary>
/// Importing a response fills the draft section 55 response's comment parts from the document's comment sections, keeps
/// what the draft already holds, audits what it did; a response to another inspection stores nothing.
/// </summary>
public sealed class ResponseCommentsImportTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static readonly ProcessContext Ctx = new("test-user", "Test user", new DateTimeOffset(2024, 11, 1, 10, 0, 0, TimeSpan.Zero), "import test");

    private const string Letter = """
        Response of the Police and Crime Commissioner for Cheshire to the inspection of activism and impartiality

        Commissioner's comments

        I welcome the report. I will check progress at my scrutiny board, as recommendation 12 asks of the force.

        Chief Constable's comments

        The constabulary accepts every recommendation addressed to forces.

        Response to the Chief Constable's comments

        I welcome the Chief Constable's commitment and will report to the police and crime panel.

        Recommendation 10

        Guidance on badges and lanyards was published in January 2025.

        Recommendation 22

        A funding panel meets every quarter.
        """;

    private sealed class Setup(TestDatabase database, int inspectionId) : IDisposable
    {
        public TestDatabase Database { get; } = database;
        public int InspectionId { get; } = inspectionId;

        public void Dispose() => Database.Dispose();
    }

    private static async Task<Setup> SetUpAsync(string provider)
    {
        TestDatabases.SkipIfUnavailable(provider);
        var database = TestDatabases.Create(provider);
        await using var db = database.CreateContext();
        await DatabaseInitializer.InitialiseAsync(db);
        var report = Seeds.Report;
        var inspection = await new DocumentImportService(db).ImportReportAsync(
            new ImportReportOptions(report, report.Title, DocumentImportService.DefaultPublisher, new DateOnly(2024, 9, 10), InspectionType.NationalThematic, "report.txt"), Ctx);
        return new Setup(database, inspection.Id);
    }

    private static async Task<ResponseImportResult> ImportAsync(Setup s, string text, string format)
    {
        await using var db = s.Database.CreateContext();
        var service = new DocumentImportService(db);
        var parsed = await service.PreviewResponseAsync(new MemoryStream(DocumentTextTests.Convert(text, format)), "letter" + format, s.InspectionId);
        return await service.ImportResponseAsync(new ImportResponseOptions(s.InspectionId, "cheshire", parsed, "letter" + format), Ctx);
    }

    private static async Task<Section55Response> StoredAsync(Setup s)
    {
        await using var db = s.Database.CreateContext();
        return await db.Section55Responses.Include(r => r.Items).ThenInclude(i => i.Recommendation).SingleAsync(r => r.Force!.Slug == "cheshire");
    }

    [SkippableTheory]
    [InlineData(TestDatabases.Sqlite, ".docx")]
    [InlineData(TestDatabases.Sqlite, ".pdf")]
    [InlineData(TestDatabases.Postgres, ".html")]
    public async Task Import_FillsTheThreeCommentParts_AndAnswersOnlyTheRecommendations(string provider, string format)
    {
        using var s = await SetUpAsync(provider);

        var result = await ImportAsync(s, Letter, format);

        var stored = await StoredAsync(s);
        Assert.Equal("I welcome the report. I will check progress at my scrutiny board, as recommendation 12 asks of the force.", stored.PccComments);
        Assert.Equal("The constabulary accepts every recommendation addressed to forces.", stored.ChiefOfficerComments);
        Assert.Equal("I welcome the Chief Constable's commitment and will report to the police and crime panel.", stored.ResponseToChiefOfficerComments);
        Assert.Equal([10, 22], stored.Items.Select(i => i.Recommendation!.Number).Order());
        Assert.DoesNotContain(stored.Items, i => i.Text!.Contains("scrutiny board", StringComparison.Ordinal));
        Assert.Equal(["PccComments", "ChiefOfficerComments", "ResponseToChiefOfficerComments"], result.CommentsFilled);
        Assert.Empty(result.Notes);

        await using var db = s.Database.CreateContext();
        var audit = await db.AuditEntries.Where(a => a.EntityType == nameof(Section55Response) && a.Action == "Imported").ToListAsync();
        var after = JsonDocument.Parse(Assert.Single(audit).After!).RootElement;
        Assert.Equal(["PccComments", "ChiefOfficerComments", "ResponseToChiefOfficerComments"], after.GetProperty("CommentsFilled").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(after.GetProperty("CommentsKept").EnumerateArray());
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Import_IntoADraftWhoseCommentsAreFilledIn_KeepsThem_FillsTheRest_AndSaysSo(string provider)
    {
        using var s = await SetUpAsync(provider);
        await using (var db = s.Database.CreateContext())
        {
            var force = await db.Forces.SingleAsync(f => f.Slug == "cheshire");
            var inspection = await db.Inspections.SingleAsync(i => i.Id == s.InspectionId);
            var draft = Section55Response.Start(force, inspection);
            draft.Edit(new Section55Details(null, null, null, null, "My own comments, typed in before the import."), [], new DateOnly(2024, 11, 1), Ctx);
            db.Section55Responses.Add(draft);
            await db.SaveChangesAsync();
        }

        var result = await ImportAsync(s, Letter, ".docx");

        var stored = await StoredAsync(s);
        Assert.Equal("My own comments, typed in before the import.", stored.PccComments);
        Assert.Equal("The constabulary accepts every recommendation addressed to forces.", stored.ChiefOfficerComments);
        Assert.Equal(["ChiefOfficerComments", "ResponseToChiefOfficerComments"], result.CommentsFilled);
        Assert.Equal("The draft already has your comments on the report; the document's were not imported over them.", Assert.Single(result.Notes));
        await using var read = s.Database.CreateContext();
        var after = JsonDocument.Parse((await read.AuditEntries.SingleAsync(a => a.EntityType == nameof(Section55Response) && a.Action == "Imported")).After!).RootElement;
        Assert.Equal(["PccComments"], after.GetProperty("CommentsKept").EnumerateArray().Select(e => e.GetString()));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Import_AgainOfTheSameDocument_ChangesNoCommentAndWarnsOfNone(string provider)
    {
        using var s = await SetUpAsync(provider);
        await ImportAsync(s, Letter, ".docx");

        var again = await ImportAsync(s, Letter, ".docx");

        Assert.Empty(again.CommentsFilled);
        Assert.Empty(again.Notes); // the same words are already there
        Assert.Equal("The constabulary accepts every recommendation addressed to forces.", (await StoredAsync(s)).ChiefOfficerComments);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Import_WhenTheDraftNotesNoChiefOfficerComments_DoesNotAddThem(string provider)
    {
        using var s = await SetUpAsync(provider);
        await using (var db = s.Database.CreateContext())
        {
            var draft = Section55Response.Start(await db.Forces.SingleAsync(f => f.Slug == "cheshire"), await db.Inspections.SingleAsync(i => i.Id == s.InspectionId));
            draft.Edit(new Section55Details(new DateOnly(2024, 9, 20), new DateOnly(2024, 10, 20), null, null, null, "None were received by 20 October 2024."), [], new DateOnly(2024, 11, 1), Ctx);
            db.Section55Responses.Add(draft);
            await db.SaveChangesAsync();
        }

        var result = await ImportAsync(s, Letter, ".docx");

        var stored = await StoredAsync(s);
        Assert.Null(stored.ChiefOfficerComments);
        Assert.Equal("None were received by 20 October 2024.", stored.ChiefOfficerNoCommentsNote);
        Assert.NotNull(stored.PccComments);
        Assert.Contains(result.Notes, n => n.Contains("submitted no comments", StringComparison.Ordinal));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Preview_ResponseToAnotherInspection_IsRefused_AndNothingIsStored(string provider)
    {
        using var s = await SetUpAsync(provider);
        await using var db = s.Database.CreateContext();
        var auditBefore = await db.AuditEntries.CountAsync();

        var e = await Assert.ThrowsAsync<ImportException>(() =>
            new DocumentImportService(db).PreviewResponseAsync(new MemoryStream(DocumentTextTests.Convert(OtherInspectionTests.PeelResponse, ".pdf")), "kent.pdf", s.InspectionId));

        Assert.StartsWith("'kent.pdf' seems to answer another inspection: it names 'PEEL 2023-2025: an inspection of Kent Police'", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, await db.Section55Responses.CountAsync());
        Assert.Equal(auditBefore, await db.AuditEntries.CountAsync());
    }
}
