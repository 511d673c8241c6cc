using Evenhand.Common;
using Evenhand.Data;
using Evenhand.Inspections;
using Evenhand.Responses;
using Evenhand.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Tests.Responses;

/// <summary>
/// The inspections list (and the force pages listed by inspection) are paged by key, newest first: with many inspections
/// published on the same day, every inspection appears once going forwards and again going backwards from the last page;
/// a force's plans and responses are read for the page's inspections only. On SQLite and PostgreSQL.
/// </summary>
public sealed class InspectionListTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static async Task<(TestDatabase Database, List<int> Expected, int ForceId)> SeedAsync(string provider)
    {
        TestDatabases.SkipIfUnavailable(provider);
        var database = TestDatabases.Create(provider);
        await using var db = database.CreateContext();
        await DatabaseInitializer.InitialiseAsync(db);
        var forceId = await db.Forces.Where(f => f.Slug == "kent").Select(f => f.Id).SingleAsync();
        DateOnly[] days = [new(2023, 3, 1), new(2024, 5, 9), new(2022, 11, 30)];
        for (var n = 0; n < 23; n++)
        {
            var inspection = new Inspection
            {
                Title = $"Inspection {n}",
                Publisher = "HMICFRS",
                PublishedOn = days[n % days.Length],
                Recommendations = Enumerable.Range(1, 3).Select(k => new Recommendation { Number = k, Text = $"Recommendation {k} of {n}", AppliesToForces = k != 3 }).ToList(),
            };
            db.Inspections.Add(inspection);
            await db.SaveChangesAsync();
            foreach (var rec in inspection.Recommendations.Where(r => r.AppliesToForces))
            {
                db.ForceResponses.Add(new ForceResponse { ForceId = forceId, RecommendationId = rec.Id });
            }

            await db.SaveChangesAsync();
        }

        var expected = await db.Inspections.OrderByDescending(i => i.PublishedOn).ThenByDescending(i => i.Id).Select(i => i.Id).ToListAsync();
        return (database, expected, forceId);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Pages_NewestFirst_WithTiesOnTheDay_EachInspectionOnce_ForwardsAndBackFromTheLast(string provider)
    {
        var (database, expected, _) = await SeedAsync(provider);
        using var _ = database;
        await using var db = database.CreateContext();
        var service = new InspectionService(db);

        var forwards = new List<int>();
        var page = await service.PageAsync(PageRequest.First<InspectionKey>(5));
        var pages = 1;
        forwards.AddRange(page.Items.Select(i => i.Id));
        while (page.HasNext)
        {
            page = await service.PageAsync(new PageRequest<InspectionKey>(PageFrom.After, page.Items[^1].Key, page.Number + 1, 5));
            forwards.AddRange(page.Items.Select(i => i.Id));
            pages++;
        }

        Assert.Equal(expected, forwards);
        Assert.Equal((5, 5, 23L), (pages, page.Number, page.Total!.Value));
        Assert.All(forwards, id => Assert.Single(forwards, x => x == id));

        var backwards = new List<int>();
        page = await service.PageAsync(new PageRequest<InspectionKey>(PageFrom.Last, null, 5, 5));
        Assert.Equal(3, page.Items.Count); // 23 = 5 × 4 + 3: the last page lines up with those reached from the first
        backwards.InsertRange(0, page.Items.Select(i => i.Id));
        while (page.HasPrevious)
        {
            page = await service.PageAsync(new PageRequest<InspectionKey>(PageFrom.Before, page.Items[0].Key, page.Number - 1, 5));
            backwards.InsertRange(0, page.Items.Select(i => i.Id));
        }

        Assert.Equal(expected, backwards);
        Assert.Equal(1, page.Number);

        var first = (await service.PageAsync(PageRequest.First<InspectionKey>(5))).Items[0];
        Assert.Equal((3, 2), (first.Recommendations, first.ForForces));
        Assert.Equal(first.Key, InspectionKey.Parse(first.Key.ToString()));
        Assert.Null(InspectionKey.Parse("2024-05-09"));
        Assert.Null(InspectionKey.Parse("yesterday.4"));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task ForcePlans_ForAPageOfInspections_AreThoseInspectionsOnly_NewestFirstByNumber(string provider)
    {
        var (database, expected, forceId) = await SeedAsync(provider);
        using var _ = database;
        await using var db = database.CreateContext();
        var ids = expected.Skip(5).Take(5).ToList();

        var rows = await new ForceResponseService(db).RowsForInspectionsAsync(forceId, ids);

        Assert.Equal(ids.SelectMany(id => new[] { (id, 1), (id, 2) }), rows.Select(r => (r.Recommendation.InspectionId, r.Recommendation.Number)));
        Assert.All(rows, r => Assert.Equal((ForceProgress.NotStarted, 0), (r.Progress, r.Evidence)));
    }
}
