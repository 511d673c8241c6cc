using Evenhand.Common;
using Evenhand.HateIncidents;
using Evenhand.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Evenhand.Tests.HateIncidents;

/// <summary>
/// The supporting information beside an incident (NCHI APP: earlier incidents involving the same complainant or in the same
/// area): earlier incidents of the same force within the window only, the complainant's name matched as repeats are
/// counted (case and spacing aside).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SupportingInformationTests(AppFixture apps)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task SameComplainant_IsFoundByName_InTheForceAndWindow_NotInAnotherForce_NotBeforeTheWindow(string provider)
    {
        var app = apps.Get(provider);
        int force, other;
        await using (var db = app.CreateDbContext())
        {
            force = await db.Forces.Where(f => f.Slug == "northamptonshire").Select(f => f.Id).SingleAsync();
            other = await db.Forces.Where(f => f.Slug == "city-of-london").Select(f => f.Id).SingleAsync();
        }

        var now = TestClock.Now;
        var name = $"Ann {Guid.NewGuid():N}";
        var earlier = await RecordAsync(app, force, now.AddDays(-200), "Abington ward", "Ann  " + name[4..].ToUpperInvariant());
        var tooLongAgo = await RecordAsync(app, force, now.AddDays(-400), "Abington ward", name);
        var elsewhere = await RecordAsync(app, other, now.AddDays(-20), "Abington ward", name);
        var unrelated = await RecordAsync(app, force, now.AddDays(-30), "Delapre ward", "Someone Else");
        var current = await RecordAsync(app, force, now.AddDays(-1), "abington WARD", name);

        using var scope = app.Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<HateIncidentService>();
        var incident = await service.GetAsync(force, current.Id);
        var info = await service.SupportingInformationAsync(incident, canSeeSubject: true);

        Assert.Equal([earlier.Id], info.SameComplainant.Select(r => r.Id));
        Assert.Equal([earlier.Id], info.SameArea.Select(r => r.Id));
        Assert.Equal(1, info.SameAreaCount);
        Assert.DoesNotContain(info.SameCharacteristic, r => r.Id == tooLongAgo.Id || r.Id == elsewhere.Id || r.Id == current.Id);
        Assert.Contains(info.SameCharacteristic, r => r.Id == unrelated.Id);
    }

    /// <summary>A call taker's record of racial abuse in <paramref name="area"/>, reported by <paramref name="complainant"/> at <paramref name="at"/>.</summary>
    private static async Task<HateIncident> RecordAsync(EvenhandApp app, int forceId, DateTimeOffset at, string area, string complainant)
    {
        await using var db = app.CreateDbContext();
        return await TestData.CreateIncidentAsync(db, forceId, b => b.RecordedAt(at).RecordedBy(IncidentStaffRole.CallTaker)
            .Reported(area, null, "Abuse shouted in the street.", "race").WithComplainant(complainant));
    }
}
