using System.Security.Claims;
using Evenhand.Accounts;
using Evenhand.Common;
using Evenhand.HateIncidents;
using Evenhand.HateIncidents.Rules;

namespace Evenhand.Web.Pages.Forces.HateIncidents;

/// <summary>Shared pieces of the hate-incident pages: the user's part in the process and tag colours (words are in <see cref="DisplayNames"/>).</summary>
public static class HateIncidentPages
{
    /// <summary>Specialist for hate crime specialists and the force crime registrar, call taker for call takers, otherwise null (no access to records).</summary>
    public static IncidentStaffRole? IncidentRole(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.HateCrimeSpecialist) || user.IsInRole(Roles.ForceCrimeRegistrar) ? IncidentStaffRole.Specialist
        : user.IsInRole(Roles.CallTaker) ? IncidentStaffRole.CallTaker
        : null;

    public static string Base(string slug) => $"/forces/{slug}/hate-incidents";

    public static string Url(string slug, int id, string? step = null) => $"/forces/{slug}/hate-incidents/{id}" + (step is null ? "" : "/" + step);

    public static string When(DateTimeOffset? at) => at is { } v ? Format.ShortDateTime(v) : "";

    public static string Day(DateOnly? d) => Format.ShortDate(d, "");

    public static string Words(string characteristic) => characteristic.Replace('-', ' ');

    public static string Characteristics(IEnumerable<string> cs) => string.Join(", ", cs.Select(Words));

    /// <summary>A history entry's note; entries written before rule sets were shown by name say "Rule set code-2023".</summary>
    public static string HistoryNote(string note) =>
        note.StartsWith("Rule set ", StringComparison.Ordinal) ? "Rules: " + DisplayNames.RuleSet(note["Rule set ".Length..]) : note;

    public static string OutcomeColour(string? key) => key switch
    {
        "hate-crime" => "red",
        "nchi" => "blue",
        "nchi-with-personal-data" => "purple",
        "no-record" => "grey",
        _ => "yellow",
    };

    public static string StatusColour(IncidentStatus s) => s switch
    {
        IncidentStatus.Recorded => "yellow",
        IncidentStatus.AwaitingReview => "orange",
        IncidentStatus.Finalised => "green",
        IncidentStatus.Closed => "grey",
        _ => "blue",
    };
}
