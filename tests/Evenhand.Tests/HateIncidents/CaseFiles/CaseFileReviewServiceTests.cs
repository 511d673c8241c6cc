using Evenhand.Common;
using Evenhand.HateIncidents;
using Evenhand.HateIncidents.CaseFiles;
using Evenhand.Tests.HateIncidents.Analysis;
using Evenhand.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Tests.HateIncidents.CaseFiles;

/// <summary>Case-file samples and error rates against <see cref="AnalysisDataset"/> (finalised in Cheshire: T-A, T-B, T-C, T-H, T-I).</summary>
public sealed class CaseFileReviewServiceTests(AnalysisDataset data) : IClassFixture<AnalysisDataset>
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static readonly string[] Finalised = ["T-A", "T-B", "T-C", "T-H", "T-I"];

    private ProcessContext Auditor => new("auditor-id", "Test auditor", data.Time.GetUtcNow());

    private static async Task<List<string>> ReferencesAsync(Evenhand.Data.EvenhandDbContext db, CaseFileReview review)
    {
        var ids = review.Items.Select(i => i.HateIncidentId).ToList();
        return await db.HateIncidents.Where(i => ids.Contains(i.Id)).Select(i => i.Reference).ToListAsync();
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Draw_SamplesTheRequestedNumberOfTheForcesFinalisedIncidents(string provider)
    {
        var (db, cheshire, _) = await data.GetAsync(provider);
        await using var context = db.CreateContext();
        var service = new CaseFileReviewService(context);

        var review = await service.DrawAsync(cheshire, new DrawSampleOptions(3, Seed: 42), Auditor);

        Assert.Equal(3, review.Items.Count);
        Assert.Equal(42, review.Seed);
        var refs = await ReferencesAsync(context, review);
        Assert.All(refs, r => Assert.Contains(r, Finalised));
        Assert.Equal(3, refs.Distinct().Count());
        Assert.True(await context.AuditEntries.AnyAsync(a => a.EntityType == nameof(CaseFileReview) && a.EntityId == review.Id.ToString() && a.Action == "Created"));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Draw_WithTheSameSeed_DrawsTheSameSample(string provider)
    {
        var (db, cheshire, _) = await data.GetAsync(provider);
        await using var context = db.CreateContext();
        var service = new CaseFileReviewService(context);

        var first = await service.DrawAsync(cheshire, new DrawSampleOptions(2, Seed: 7), Auditor);
        var second = await service.DrawAsync(cheshire, new DrawSampleOptions(2, Seed: 7), Auditor);

        Assert.Equal(first.Items.Select(i => i.HateIncidentId), second.Items.Select(i => i.HateIncidentId));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Draw_LargerThanThePool_TakesEveryFinalisedIncidentOnce(string provider)
    {
        var (db, cheshire, _) = await data.GetAsync(provider);
        await using var context = db.CreateContext();

        var review = await new CaseFileReviewService(context).DrawAsync(cheshire, new DrawSampleOptions(), Auditor);

        Assert.Equal(Finalised, (await ReferencesAsync(context, review)).Order());
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Judge_ReportsErrorRatesPerStage_AndIsAudited(string provider)
    {
        var (db, cheshire, cleveland) = await data.GetAsync(provider);
        await using var context = db.CreateContext();
        var service = new CaseFileReviewService(context);
        var review = await service.DrawAsync(cheshire, new DrawSampleOptions(4, Seed: 3), Auditor);
        var items = review.Items.OrderBy(i => i.Id).ToList();

        await service.JudgeAsync(cheshire, review.Id, items[0].Id, new StageJudgement(true, false, null, true, "Should have been closed as trivial.", null), Auditor);
        await service.JudgeAsync(cheshire, review.Id, items[1].Id, new StageJudgement(true, true, true, true, null, null), Auditor);
        await service.JudgeAsync(cheshire, review.Id, items[2].Id, new StageJudgement(false, false, false, null, "Recorded as a crime; school premises.", null), Auditor);
        var report = await service.GetAsync(cheshire, review.Id);

        Assert.Equal(3, report.Judged);
        Assert.Equal(
            [("Recording", 3, 1), ("Assessment", 3, 2), ("Review", 2, 1), ("Finalisation", 2, 0)],
            report.Stages.Select(s => (s.Stage, s.Judged, s.Errors)));
        Assert.Equal(2.0 / 3, report.Stages[1].Rate!.Value, 6);
        Assert.Null(CaseFileReviewService.ErrorRates([])[0].Rate);
        Assert.Equal(3, await context.AuditEntries.CountAsync(a => a.EntityType == nameof(CaseFileReviewItem) && a.Action == "Judged"
            && items.Select(i => i.Id.ToString()).Contains(a.EntityId)));

        // Another force cannot see or judge it.
        await Assert.ThrowsAsync<NotFoundException>(() => service.GetAsync(cleveland, review.Id));
        await Assert.ThrowsAsync<NotFoundException>(() => service.JudgeAsync(cleveland, review.Id, items[3].Id, new StageJudgement(true, true, true, true, null, null), Auditor));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Judge_RefusesAnErrorWithoutNotes_AndAStaleJudgement(string provider)
    {
        var (db, cheshire, _) = await data.GetAsync(provider);
        await using var context = db.CreateContext();
        var service = new CaseFileReviewService(context);
        var review = await service.DrawAsync(cheshire, new DrawSampleOptions(1, Seed: 11), Auditor);
        var item = review.Items[0];

        await Assert.ThrowsAsync<DomainRuleException>(() => service.JudgeAsync(cheshire, review.Id, item.Id, new StageJudgement(false, null, null, null, " ", null), Auditor));
        var judged = await service.JudgeAsync(cheshire, review.Id, item.Id, new StageJudgement(true, null, null, null, null, null), Auditor);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => service.JudgeAsync(cheshire, review.Id, item.Id, new StageJudgement(true, true, null, null, null, null), Auditor));
        await service.JudgeAsync(cheshire, review.Id, item.Id, new StageJudgement(true, true, null, null, null, judged.JudgedAt), Auditor);
    }

    [Fact]
    public void Sample_IsRepeatableAndWithoutDuplicates()
    {
        int[] ids = [9, 3, 7, 1, 5, 11, 13];

        var a = CaseFileReviewService.Sample(ids, 4, 123);
        var b = CaseFileReviewService.Sample(ids.Reverse(), 4, 123);

        Assert.Equal(a, b);
        Assert.Equal(4, a.Distinct().Count());
        Assert.All(a, id => Assert.Contains(id, ids));
        Assert.Equal(ids.Order(), CaseFileReviewService.Sample(ids, 50, 1).Order());
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Draw_RefusesASizeOutsideTheLimits(string provider)
    {
        var (db, cheshire, _) = await data.GetAsync(provider);
        await using var context = db.CreateContext();

        await Assert.ThrowsAsync<DomainRuleException>(() => new CaseFileReviewService(context).DrawAsync(cheshire, new DrawSampleOptions(0), Auditor));
        await Assert.ThrowsAsync<DomainRuleException>(() => new CaseFileReviewService(context).DrawAsync(cheshire, new DrawSampleOptions(101), Auditor));
    }
}
