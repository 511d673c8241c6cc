using System.Text.Json;
using Evenhand.Common;
using Evenhand.HateIncidents;
using Evenhand.HateIncidents.Rules;
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
            var at = DateTimeOffset.UtcNow.AddDays(-3);
            var ctx = new ProcessContext("u", "Call taker", at);
            var rules = RuleSetRegistry.Default;
            var incident = HateIncident.Record(forceId, "CL-CLI-1",
                new IncidentReport(at, ReportChannel.Online, at.AddHours(-1), "Middlesbrough Central", null, "Abusive messages online.", ["race"],
                    PerceivedBy.Complainant, false, false), rules.ParticularCharacteristics, ctx);
            var answers = new AssessmentAnswers(["race"], true, false, false, false, false, false, false, false);
            incident.Assess(answers, rules.Assess(answers), null, IncidentStaffRole.CallTaker, ForceHatePolicy.Default(forceId), ctx);
            db.HateIncidents.Add(incident);
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
