using System.Net;
using Evenhand.HateIncidents;
using Evenhand.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Tests.HateIncidents;

/// <summary>
/// The incident list's CSV is written to the response as it is read from the database (issue 12, point 6). Its content must
/// be what the export gave when it was built in memory: the same columns, rows in the list's order, the same values, and
/// text a spreadsheet would run still escaped.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class IncidentCsvTests(AppFixture apps)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    /// <summary>The export as it was built before it streamed: every matching incident loaded, mapped and written at once.</summary>
    private static byte[] AsBuiltInMemory(IEnumerable<HateIncident> incidents) =>
        Evenhand.Web.Infrastructure.Csv.Write(incidents.Select(i => (object)new
        {
            i.Reference,
            ReportedAt = i.ReportedAt.ToString("u"),
            Channel = i.Channel.ToString(),
            OccurredAt = i.OccurredAt.ToString("u"),
            i.Area,
            Characteristics = string.Join(";", i.Characteristics),
            Status = i.Status.ToString(),
            Outcome = i.Classification,
            SpecialistReview = i.Assessment?.SpecialistReview,
            i.RuleSetId,
            i.OpeningCode,
            i.FinalisingCode,
            i.Deployed,
            ReviewDueAt = i.ReviewDueAt?.ToString("u"),
            ReviewedAt = i.ReviewedAt?.ToString("u"),
            PersonalDataDeletedAt = i.PersonalDataDeletedAt?.ToString("u"),
        }).ToList());

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task StreamedCsv_OfTheDemoData_IsByteForByteTheExportBuiltInMemory_WithAndWithoutFilters(string provider)
    {
        var app = apps.Get(provider);
        using var registrar = await app.SignedInAsync("registrar.west-midlands@demo.evenhand.test");
        List<HateIncident> incidents;
        await using (var db = app.CreateDbContext())
        {
            var forceId = await db.Forces.Where(f => f.Slug == "west-midlands").Select(f => f.Id).SingleAsync();
            incidents = (await db.HateIncidents.AsNoTracking().Where(i => i.ForceId == forceId).ToListAsync())
                .OrderByDescending(i => i.ReportedAt).ThenByDescending(i => i.Id).ToList();
        }

        Assert.True(incidents.Count > 100, "The demo force has its incidents");
        foreach (var (query, rows) in new (string, IEnumerable<HateIncident>)[]
        {
            ("", incidents),
            ("&status=AwaitingReview", incidents.Where(i => i.Status == IncidentStatus.AwaitingReview)),
            ("&outcome=nchi&characteristic=race", incidents.Where(i => i.Classification == "nchi" && i.Characteristics.Contains("race"))),
            ("&reference=-0001", incidents.Where(i => i.Reference.Contains("-0001", StringComparison.Ordinal))),
        })
        {
            var response = await registrar.GetAsync("/forces/west-midlands/hate-incidents?handler=Csv" + query);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("west-midlands-hate-incidents.csv", response.Content.Headers.ContentDisposition?.FileNameStar);
            var expected = AsBuiltInMemory(rows);
            var actual = await response.Content.ReadAsByteArrayAsync();
            Assert.True(expected.AsSpan().SequenceEqual(actual), $"CSV{query} differs: expected {expected.Length} bytes, got {actual.Length}");
        }
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task StreamedCsv_EscapesTextASpreadsheetWouldRun(string provider)
    {
        var app = apps.Get(provider);
        // What someone typed in the area is whatever they typed, formula characters too; only the export must not run it.
        await TestData.CreateIncidentAsync(app, "gwent", b => b.Reported("=HYPERLINK(\"http://example.invalid\",\"x\")", null, "CSV test", "race"));

        using var specialist = await app.SignedInAsNewUserAsync(Evenhand.Accounts.Roles.HateCrimeSpecialist, "gwent");
        var csv = await (await specialist.GetAsync("/forces/gwent/hate-incidents?handler=Csv")).Content.ReadAsStringAsync();
        Assert.Contains("\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"x\"\")\"", csv, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", csv, StringComparison.Ordinal);
    }
}
