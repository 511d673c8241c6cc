using Evenhand.Common;
using Evenhand.Data;
using Evenhand.SocialMedia;
using Evenhand.SocialMedia.Datasets;
using Evenhand.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Tests.SocialMedia;

public sealed class SocialDatasetServiceTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static readonly ProcessContext Ctx = new("u1", "Comms officer", new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    private static DatasetFiles Files(string accounts, string posts) =>
        new(() => SocialTestData.Stream(accounts), () => SocialTestData.Stream(posts), posts.Length);

    private static async Task<(int Cheshire, int Cleveland)> ForcesAsync(EvenhandDbContext db)
    {
        await DatabaseInitializer.InitialiseAsync(db);
        var ids = await db.Forces.Where(f => f.Slug == "cheshire" || f.Slug == "cleveland").ToDictionaryAsync(f => f.Slug, f => f.Id);
        return (ids["cheshire"], ids["cleveland"]);
    }

    private static async Task<SocialDataset> ImportAsync(EvenhandDbContext db, int? forceId, string accounts, string posts, bool strict = false, WordVectors? vectors = null)
    {
        var service = new SocialDatasetService(db, TimeProvider.System);
        var dataset = await service.CreateAsync(new DatasetUpload("Test set", forceId, "accounts.csv", "posts.csv", strict), Ctx);
        return await service.ImportAsync(dataset.Id, Files(accounts, posts), Ctx, vectors);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Import_StoresEveryPostWithItsClassification_AndTheAnalysis(string provider)
    {
        TestDatabases.SkipIfUnavailable(provider);
        using var database = TestDatabases.Create(provider);
        await using var db = database.CreateContext();
        await ForcesAsync(db);

        var dataset = await ImportAsync(db, null, SocialTestData.Accounts, SocialTestData.Posts, vectors: SocialTestData.Vectors());

        Assert.Equal(DatasetStatus.Ready, dataset.Status);
        Assert.Equal((8L, 3), (dataset.PostCount, dataset.AccountCount));
        await using var check = database.CreateContext();
        var posts = await check.SocialPosts.Where(p => p.DatasetId == dataset.Id).OrderBy(p => p.Seq).ToListAsync();
        Assert.Equal(["p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8"], posts.Select(p => p.PostId));
        Assert.Equal([false, true, false, true, false, true, false, false], posts.Select(p => p.NonOperational));
        Assert.Equal(new DateTimeOffset(2020, 11, 1, 10, 0, 0, TimeSpan.Zero), posts[3].PostedAt);
        Assert.Equal(("@Greenpeace", 12000L, true), (posts[3].OriginalAuthor, posts[3].Engagement, posts[3].IsRepost));
        Assert.Equal("Gender reveal party ruined by weather,\nlots of cake cake cake", posts[6].Text);
        // p6 kept for gender and sexuality (bit 1) and race (bit 2).
        Assert.Equal(0b110, posts[5].Topics);
        var racism = await check.SocialPostKeywords.Where(k => k.DatasetId == dataset.Id && k.Keyword == "racism").Select(k => k.Seq).OrderBy(s => s).ToListAsync();
        Assert.Equal([3, 6], racism);
        var accounts = await check.SocialAccounts.Where(a => a.DatasetId == dataset.Id).OrderBy(a => a.AccountId).ToListAsync();
        Assert.Equal([4L, 2, 2], accounts.Select(a => a.Posts));
        var analysis = (await check.SocialDatasets.SingleAsync(d => d.Id == dataset.Id)).Analysis()!;
        Assert.Equal("semantic", analysis.Classification.Mode);
        Assert.Equal(3, analysis.Classification.NonOperational);
        Assert.Equal(1, await check.AuditEntries.CountAsync(a => a.Action == "social-dataset.imported" && a.EntityId == dataset.Id.ToString()));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task StrictImport_WithABadRow_StoresNothing_AndMarksTheDatasetFailed(string provider)
    {
        TestDatabases.SkipIfUnavailable(provider);
        using var database = TestDatabases.Create(provider);
        await using var db = database.CreateContext();
        await ForcesAsync(db);
        var posts = SocialTestData.Posts + "p9,a1,2022-01-01T10:00:00Z,bad,ten,0,0,0,false,\n";

        var ex = await Assert.ThrowsAsync<SocialImportException>(() => ImportAsync(db, null, SocialTestData.Accounts, posts, strict: true));

        Assert.Contains("line 11: likes 'ten' is not a whole number", ex.Message, StringComparison.Ordinal);
        await using var check = database.CreateContext();
        var dataset = await check.SocialDatasets.SingleAsync();
        Assert.Equal(DatasetStatus.Failed, dataset.Status);
        Assert.Contains("strict mode", dataset.Failure, StringComparison.Ordinal);
        Assert.Equal(0, await check.SocialPosts.CountAsync());
        Assert.Equal(0, await check.SocialAccounts.CountAsync());
        Assert.Equal(0, await check.SocialPostKeywords.CountAsync());
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task LenientImport_SkipsBadRowsAndRepeatedPostIds_AndKeepsTheProblems(string provider)
    {
        TestDatabases.SkipIfUnavailable(provider);
        using var database = TestDatabases.Create(provider);
        await using var db = database.CreateContext();
        await ForcesAsync(db);
        var posts = SocialTestData.Posts + "p9,a1,2022-01-01T10:00:00Z,bad,ten,0,0,0,false,\np1,a1,2022-01-01T10:00:00Z,again,1,0,0,0,false,\n";

        var dataset = await ImportAsync(db, null, SocialTestData.Accounts, posts);

        Assert.Equal((8L, 2L), (dataset.PostCount, dataset.SkippedRows));
        var input = dataset.Analysis()!.Input;
        Assert.Equal(2, input.ProblemCount);
        Assert.Equal(["posts.csv line 11: likes 'ten' is not a whole number of 0 or more", "posts.csv line 12: post_id 'p1' was already used on an earlier line"],
            input.Problems.Select(p => p.ToString()));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task ForceDataset_RefusesAccountsOfAnotherForce(string provider)
    {
        TestDatabases.SkipIfUnavailable(provider);
        using var database = TestDatabases.Create(provider);
        await using var db = database.CreateContext();
        var (cheshire, _) = await ForcesAsync(db);

        var strict = await Assert.ThrowsAsync<SocialImportException>(() => ImportAsync(db, cheshire, SocialTestData.Accounts, SocialTestData.Posts, strict: true));
        Assert.Contains("labelled with another force (for example '@ClevelandLGBTNetwork' is 'cleveland')", strict.Message, StringComparison.Ordinal);

        // Without strict, the Cleveland account and its two posts are left out.
        var dataset = await ImportAsync(db, cheshire, SocialTestData.Accounts, SocialTestData.Posts);
        Assert.Equal((6L, 2), (dataset.PostCount, dataset.AccountCount));
        Assert.DoesNotContain(await db.SocialAccounts.Where(a => a.DatasetId == dataset.Id).Select(a => a.Force).ToListAsync(), f => f == "cleveland");
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task DipSample_IsDrawnFromPostsWithTheKeyword_AndReviewsGivePrecision(string provider)
    {
        TestDatabases.SkipIfUnavailable(provider);
        using var database = TestDatabases.Create(provider);
        await using var db = database.CreateContext();
        await ForcesAsync(db);
        var dataset = await ImportAsync(db, null, SocialTestData.Accounts, SocialTestData.Posts);
        var samples = new DipSampleService(db);

        var sample = await samples.DrawAsync(dataset.Id, "racism", 200, seed: 7, Ctx);
        Assert.Equal((2, "race", true), (sample.PostsWithKeyword, sample.Group, sample.IsTopic));
        Assert.Equal([3, 6], sample.Items.Select(i => i.Seq));
        Assert.Equal([false, true], sample.Items.Select(i => i.ClassifiedNonOperational));
        await Assert.ThrowsAsync<DomainRuleException>(() => samples.DrawAsync(dataset.Id, "racism", 10, 1, Ctx));
        await Assert.ThrowsAsync<DomainRuleException>(() => samples.DrawAsync(dataset.Id, "unicorn", 10, 1, Ctx));
        await Assert.ThrowsAsync<DomainRuleException>(() => samples.DrawAsync(dataset.Id, "windrush", 10, 1, Ctx));
        var operational = await Assert.ThrowsAsync<DomainRuleException>(() => samples.DrawAsync(dataset.Id, "road", 10, 1, Ctx));
        Assert.StartsWith("'road' is an operational keyword (road closures).", operational.Message, StringComparison.Ordinal);

        var (_, items, total) = await samples.PageAsync(sample.Id, 1, 20, unreviewedOnly: false);
        Assert.Equal(2, total);
        Assert.Equal("@ClevelandLGBTNetwork", items[0].Handle);
        // The reviewer says both are operational: the keyword found no non-operational post, the classifier was wrong once.
        await samples.ReviewAsync(sample.Id, items.Select(i => new DipReview(i.ItemId, i.Version, DipVerdict.Operational)).ToList(), Ctx);

        var precision = await samples.PrecisionAsync(dataset.Id);
        var row = Assert.Single(precision.ByKeyword);
        Assert.Equal((2, 2, 0, 0.0, 1, 0, 0.0), (row.Sampled, row.Reviewed, row.MarkedNonOperational, row.KeywordPrecision!.Value, row.ClassifiedNonOperational,
            row.ClassifiedAndMarkedNonOperational, row.ClassifierPrecision!.Value));
        Assert.Equal("race", Assert.Single(precision.ByGroup).Name);

        // A second reviewer working from the page as it was before the first saved gets a conflict and changes nothing.
        await using var other = database.CreateContext();
        var stale = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => new DipSampleService(other).ReviewAsync(sample.Id,
            [new DipReview(items[0].ItemId, items[0].Version, DipVerdict.NonOperational)], Ctx));
        Assert.Contains("Someone else marked", stale.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoData_ImportsANationalSet_AndForEachForceOnlyItsOwnAccounts()
    {
        using var database = TestDatabases.Create(TestDatabases.Sqlite);
        await using var db = database.CreateContext();
        var (cheshire, cleveland) = await ForcesAsync(db);

        await Evenhand.SocialMedia.Demo.SocialMediaDemoData.EnsureAsync(db, [cheshire, cleveland], TimeProvider.System);
        await Evenhand.SocialMedia.Demo.SocialMediaDemoData.EnsureAsync(db, [cheshire, cleveland], TimeProvider.System);

        var datasets = await db.SocialDatasets.OrderBy(d => d.Id).ToListAsync();
        Assert.Equal(3, datasets.Count);
        Assert.All(datasets, d => Assert.Equal(DatasetStatus.Ready, d.Status));
        Assert.Equal(Evenhand.SocialMedia.Demo.SocialMediaDemoData.Posts, datasets[0].PostCount);
        Assert.Null(datasets[0].ForceId);
        foreach (var (dataset, slug) in new[] { (datasets[1], "cheshire"), (datasets[2], "cleveland") })
        {
            Assert.True(dataset.PostCount > 0);
            var forces = await db.SocialAccounts.Where(a => a.DatasetId == dataset.Id).Select(a => a.Force).Distinct().ToListAsync();
            Assert.Equal([slug], forces);
            var national = await db.SocialAccounts.Where(a => a.DatasetId == datasets[0].Id && a.Force == slug).SumAsync(a => a.Posts);
            Assert.Equal(national, dataset.PostCount);
        }

        Assert.NotNull(datasets[0].Analysis()!.Engagement.EngagementRate);
    }

    [Fact]
    public async Task Import_OfADatasetLeftImporting_IsForTheJobEngineOnly_AndStoresEachPostOnce()
    {
        using var database = TestDatabases.Create(TestDatabases.Sqlite);
        await using var db = database.CreateContext();
        await ForcesAsync(db);
        var service = new SocialDatasetService(db, TimeProvider.System);
        var dataset = await service.CreateAsync(new DatasetUpload("Left importing", null, "accounts.csv", "posts.csv", false), Ctx);
        // A server died mid-import: the status says importing, and its uncommitted rows were never stored.
        await db.SocialDatasets.Where(d => d.Id == dataset.Id).ExecuteUpdateAsync(u => u.SetProperty(d => d.Status, DatasetStatus.Importing));
        db.ChangeTracker.Clear();

        await Assert.ThrowsAsync<DomainRuleException>(() => service.ImportAsync(dataset.Id, Files(SocialTestData.Accounts, SocialTestData.Posts), Ctx));
        var imported = await service.ImportAsync(dataset.Id, Files(SocialTestData.Accounts, SocialTestData.Posts), Ctx, byJobEngine: true);

        Assert.Equal(DatasetStatus.Ready, imported.Status);
        await using var check = database.CreateContext();
        Assert.Equal(8, await check.SocialPosts.CountAsync(p => p.DatasetId == dataset.Id));
    }

    [Fact]
    public async Task Import_CancelledOutsideTheJobEngine_IsMarkedFailed_ButByTheEngine_IsLeftForItToRunAgain()
    {
        using var database = TestDatabases.Create(TestDatabases.Sqlite);
        await using var db = database.CreateContext();
        await ForcesAsync(db);
        var service = new SocialDatasetService(db, TimeProvider.System);
        var byCli = await service.CreateAsync(new DatasetUpload("Cancelled", null, "accounts.csv", "posts.csv", false), Ctx);
        var byEngine = await service.CreateAsync(new DatasetUpload("Shut down", null, "accounts.csv", "posts.csv", false), Ctx);
        // The server stops while the posts are being read (the token is cancelled from inside the import).
        using var cli = new CancellationTokenSource();
        using var engine = new CancellationTokenSource();

        await Assert.ThrowsAsync<SocialImportException>(() => service.ImportAsync(byCli.Id, Files(SocialTestData.Accounts, SocialTestData.Posts), Ctx, null, new CancelOnReport(cli), ct: cli.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => service.ImportAsync(byEngine.Id, Files(SocialTestData.Accounts, SocialTestData.Posts), Ctx, null, new CancelOnReport(engine), byJobEngine: true, ct: engine.Token));

        await using var check = database.CreateContext();
        Assert.Equal(DatasetStatus.Failed, (await check.SocialDatasets.SingleAsync(d => d.Id == byCli.Id)).Status);
        Assert.Equal(DatasetStatus.Importing, (await check.SocialDatasets.SingleAsync(d => d.Id == byEngine.Id)).Status);
        Assert.Equal(0, await check.SocialPosts.CountAsync());
        Assert.Equal(0, await check.SocialAccounts.CountAsync());
    }

    private sealed class CancelOnReport(CancellationTokenSource source) : IProgress<(long Read, long Length)>
    {
        public void Report((long Read, long Length) value) => source.Cancel();
    }

    [Fact]
    public void Choose_PicksDistinctItems_TheSameForTheSameSeed()
    {
        var items = Enumerable.Range(1, 1000).ToList();

        var a = DipSampleService.Choose(items, 200, 42);
        Assert.Equal(200, a.Distinct().Count());
        Assert.Equal(a, DipSampleService.Choose(items, 200, 42));
        Assert.NotEqual(a, DipSampleService.Choose(items, 200, 43));
        Assert.Equal(5, DipSampleService.Choose([1, 2, 3, 4, 5], 200, 1).Count);
    }

    [Theory]
    [InlineData(0, 10, 0.0, 0.278)]
    [InlineData(5, 10, 0.237, 0.763)]
    [InlineData(200, 200, 0.981, 1.0)]
    public void Wilson_interval_matches_published_values(int successes, int trials, double lower, double upper)
    {
        var (l, u) = DipPrecision.Wilson(successes, trials);
        Assert.Equal(lower, l!.Value, 3);
        Assert.Equal(upper, u!.Value, 3);
    }
}
