using System.Text.Json;
using Evenhand.HateIncidents;
using Evenhand.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Tests.Cli;

public sealed class IncidentsDueWorkCliTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task DueWork_NotesAnOverdueReviewOnce()
    {
        Assert.Equal(0, (await CliHarness.RunAsync(_db.With("db", "migrate"))).ExitCode);
        await using (var db = _db.Open())
        {
            var forceId = await db.Forces.Where(f => f.Slug == "cleveland").Select(f => f.Id).SingleAsync();
            db.HateIncidents.Add(TestData.NewIncident(forceId, "CL-CLI-1", b => b.RecordedAt(TestClock.Now.AddDays(-3)).RecordedBy(IncidentStaffRole.CallTaker).Assessed()));
            await db.SaveChangesAsync();
        }

        var first = await CliHarness.RunAsync(_db.With("incidents", "due-work", "--json"));
        var second = await CliHarness.RunAsync(_db.With("incidents", "due-work"));

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(1, JsonDocument.Parse(first.Out).RootElement.GetProperty("reviewsOverdue").GetInt32());
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("Noted 0 reviews overdue", second.Out, StringComparison.Ordinal);
    }
}
