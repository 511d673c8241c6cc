using System.Globalization;
using System.Security.Claims;
using Evenhand.Accounts;
using Evenhand.HateIncidents;
using Evenhand.HateIncidents.Rules;

namespace Evenhand.Web.Pages.Forces.HateIncidents;

/// <summary>Shared pieces of the hate-incident pages: the user's part in the process, words and tag colours.</summary>
public static class HateIncidentPages
{
    private static TimeZoneInfo London => Evenhand.Common.UkTime.London;
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Specialist for hate crime specialists and the force crime registrar, call taker for call takers, otherwise null (no access to records).</summary>
    public static IncidentStaffRole? IncidentRole(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.HateCrimeSpecialist) || user.IsInRole(Roles.ForceCrimeRegistrar) ? IncidentStaffRole.Specialist
        : user.IsInRole(Roles.CallTaker) ? IncidentStaffRole.CallTaker
        : null;

    public static string Base(string slug) => $"/forces/{slug}/hate-incidents";

    public static string Url(string slug, int id, string? step = null) => $"/forces/{slug}/hate-incidents/{id}" + (step is null ? "" : "/" + step);

    public static string When(DateTimeOffset? at) => at is { } v ? TimeZoneInfo.ConvertTime(v, London).ToString("d MMM yyyy HH:mm", EnGb) : "";

    public static string Day(DateOnly? d) => d?.ToString("d MMM yyyy", EnGb) ?? "";

    public static string Words(string characteristic) => characteristic.Replace('-', ' ');

    public static string Characteristics(IEnumerable<string> cs) => string.Join(", ", cs.Select(Words));

    public static string OutcomeText(string? key) => key is null ? "Not assessed" : AssessmentKeys.ParseOutcome(key) switch
    {
        AssessmentOutcome.HateCrime => "Hate crime",
        AssessmentOutcome.Nchi => "NCHI",
        AssessmentOutcome.NchiWithPersonalData => "NCHI with personal data",
        _ => "No record",
    };

    public static string OutcomeColour(string? key) => key switch
    {
        "hate-crime" => "red",
        "nchi" => "blue",
        "nchi-with-personal-data" => "purple",
        "no-record" => "grey",
        _ => "yellow",
    };

    public static string StatusText(IncidentStatus s) => s switch
    {
        IncidentStatus.Recorded => "Recorded, not assessed",
        IncidentStatus.Assessed => "Assessed",
        IncidentStatus.AwaitingReview => "Awaiting specialist review",
        IncidentStatus.Finalised => "Finalised",
        IncidentStatus.Closed => "Closed",
        _ => s.ToString(),
    };

    public static string StatusColour(IncidentStatus s) => s switch
    {
        IncidentStatus.Recorded => "yellow",
        IncidentStatus.AwaitingReview => "orange",
        IncidentStatus.Finalised => "green",
        IncidentStatus.Closed => "grey",
        _ => "blue",
    };

    public static string ChannelText(ReportChannel c) => c switch
    {
        ReportChannel.InPerson => "In person",
        ReportChannel.ThirdParty => "Third party",
        _ => c.ToString(),
    };

    public static string PerceivedByText(PerceivedBy p) => p switch
    {
        PerceivedBy.ThirdParty => "A third party",
        PerceivedBy.Complainant => "The complainant",
        PerceivedBy.Witness => "A witness",
        PerceivedBy.Officer => "A police officer or member of staff",
        _ => "Someone else",
    };
}
