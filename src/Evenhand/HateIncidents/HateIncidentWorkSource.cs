using Evenhand.Accounts;
using Evenhand.Forces;
using Evenhand.MyWork;

namespace Evenhand.HateIncidents;

/// <summary>
/// Hate-incident work for the force's specialist team (hate crime specialists and the force crime registrar, who may review):
/// the items of <see cref="HateIncidentService.DueWorkAsync"/> — the review queue and the review queue page's other lists —
/// by reference only, never with the subject's or complainant's personal data.
/// </summary>
public sealed class HateIncidentWorkSource(HateIncidentService incidents) : IDueWorkSource
{
    private static readonly string[] Team = [Roles.HateCrimeSpecialist, Roles.ForceCrimeRegistrar];

    public IReadOnlyCollection<string> Teams => Team;

    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(Force force, DateOnly today, DateTimeOffset now, CancellationToken ct = default)
    {
        var due = await incidents.DueWorkAsync(force.Id, now, ct);
        return due.Select(d =>
        {
            var (title, step) = d.Kind switch
            {
                DueWorkKind.Review => ($"Specialist review of {d.Reference}", "review"),
                DueWorkKind.TellSubject => ($"Tell the subject of {d.Reference} that an NCHI was recorded", "subject-notification"),
                DueWorkKind.ReplyToSubject => ($"Answer the subject's reply on {d.Reference}", "subject-notification"),
                DueWorkKind.RetentionReview => ($"Retention review of the subject's data on {d.Reference}", "delete-personal-data"),
                _ => ($"Confirm {d.Outstanding} system{(d.Outstanding == 1 ? "" : "s")} purged for {d.Reference}", "delete-personal-data"),
            };
            return new WorkItem(DueWorkItem.KindKey(d.Kind), $"{DueWorkItem.KindKey(d.Kind)}:{d.IncidentId}", title, d.DueOn, d.Overdue,
                $"/forces/{force.Slug}/hate-incidents/{d.IncidentId}/{step}", force, Team);
        }).ToList();
    }
}
