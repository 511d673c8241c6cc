using System.Globalization;
using Evenhand.Common;

namespace Evenhand.Web.Pages.Forces.Governance;

/// <summary>Shared pieces of the governance register pages.</summary>
public static class GovernancePages
{
    public static string Base(string slug) => $"/forces/{slug}/governance";

    public static string Policies(string slug) => $"{Base(slug)}/policies";

    public static string Policy(string slug, int id, string? step = null) => $"{Policies(slug)}/{id}" + (step is null ? "" : "/" + step);

    public static string Representations(string slug) => $"{Base(slug)}/visible-representations";

    public static string Representation(string slug, int id, string? step = null) => $"{Representations(slug)}/{id}" + (step is null ? "" : "/" + step);

    public static string Contacts(string slug) => $"{Base(slug)}/political-contacts";

    public static string Contact(string slug, int id, string? step = null) => $"{Contacts(slug)}/{id}" + (step is null ? "" : "/" + step);

    public static string Issues(string slug) => $"{Base(slug)}/horizon-scan";

    public static string Issue(string slug, int id, string? step = null) => $"{Issues(slug)}/{id}" + (step is null ? "" : "/" + step);

    public static string Events(string slug) => $"{Base(slug)}/events";

    public static string Event(string slug, int id, string? step = null) => $"{Events(slug)}/{id}" + (step is null ? "" : "/" + step);

    public static string Groups(string slug) => $"{Base(slug)}/advisory-groups";

    public static string Group(string slug, int id, string? step = null) => $"{Groups(slug)}/{id}" + (step is null ? "" : "/" + step);

    public static string Networks(string slug) => $"{Base(slug)}/staff-networks";

    public static string Network(string slug, int id, string? step = null) => $"{Networks(slug)}/{id}" + (step is null ? "" : "/" + step);

    public static string Money(decimal? amount) => amount is { } a ? a.ToString("£#,##0", CultureInfo.GetCultureInfo("en-GB")) : "Not recorded";

    public static string Day(DateOnly? day) => Format.Date(day, "Not recorded");

    public static string When(DateTimeOffset at) => Pages.Forces.HateIncidents.HateIncidentPages.When(at);
}
