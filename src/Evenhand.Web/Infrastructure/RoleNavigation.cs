using System.Security.Claims;
using Evenhand.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace Evenhand.Web.Infrastructure;

/// <summary>A page a user may open: its words, its address, the part of the site it heads (for the active item) and what it is for.</summary>
/// <param name="InMenu">Shown in the header's navigation; the rest are listed on the home page only.</param>
public sealed record NavigationLink(string Text, string Href, string Section, string Description, bool InMenu = true);

/// <summary>
/// The one list of pages each user is offered, decided by the same policies that guard the pages, so the header and the home
/// page offer a role exactly the pages it may use (and a link never leads to "access denied").
/// </summary>
public static class RoleNavigation
{
    public static async Task<IReadOnlyList<NavigationLink>> ForAsync(ClaimsPrincipal user, IAuthorizationService authz)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return [];
        }

        async Task<bool> May(string policy) => (await authz.AuthorizeAsync(user, policy)).Succeeded;
        var links = new List<NavigationLink> { new("Your work", "/", "/", "What is overdue and due, from every part of Evenhand you work in.") };
        var force = user.ForceSlug();
        if (force is not null)
        {
            var f = $"/forces/{force}";
            links.Add(new("Your force", $"{f}/recommendations", $"{f}/recommendations", "The force's action plan for each recommendation: progress, actions, evidence."));
            if (await May(Policies.ReadSection55Drafts))
            {
                links.Add(new("Section 55 responses", $"{f}/responses", $"{f}/responses", "The PCC's comments on each inspection report (section 55, Police Act 1996)."));
            }

            if (await May(Policies.RecordHateIncidents))
            {
                links.Add(new("Hate incidents", $"{f}/hate-incidents", $"{f}/hate-incidents", "Record and assess hate-related reports, and the review queue."));
                links.Add(new("Record a hate incident", $"{f}/hate-incidents/new", $"{f}/hate-incidents/new", "A new hate-related report, assessed step by step under the NCHI Code.", InMenu: false));
            }

            if (await May(Policies.SeeHateAnalysis))
            {
                // Roles that do not handle incidents (governance, PCC office) reach the analysis and the policy from the menu.
                var handles = await May(Policies.RecordHateIncidents);
                links.Add(new(handles ? "Hate-incident analysis" : "Hate incidents", $"{f}/hate-incidents/analysis", handles ? $"{f}/hate-incidents/analysis" : $"{f}/hate-incidents",
                    "Recorded hate incidents by outcome, characteristic and month, without personal data (recommendations 16 to 20).", InMenu: !handles));
                links.Add(new("Force hate-incident policy", $"{f}/hate-incidents/policy", $"{f}/hate-incidents/policy",
                    "The force's policy beside the NCHI Code, with the reason for each difference.", InMenu: false));
            }

            if (await May(Policies.SeeRegisters) || await May(Policies.SeeRepresentations))
            {
                links.Add(new("Governance registers", $"{f}/governance", $"{f}/governance", "Policies, visible representations, events, the horizon scan, political contacts, advisory groups and staff networks."));
            }

            if (await May(Policies.SeeSocialMedia))
            {
                links.Add(new("Social media", $"{f}/social-media", $"{f}/social-media", "Analysis of the force's social media accounts (recommendations 8, 9 and 11)."));
            }

            links.Add(new("May I wear it?", $"{f}/governance/visible-representations/may-i-wear", $"{f}/governance/visible-representations/may-i-wear",
                "Whether a badge, lanyard or other visible representation may be worn on a day, and why."));
        }

        links.Add(new("National view", "/national", "/national", "Every force against every recommendation."));
        links.Add(new("Inspections", "/inspections", "/inspections", "Inspection reports and their recommendations."));
        if (force is null && await May(Policies.SeeSocialMedia) && user.IsNational())
        {
            links.Add(new("Social media", "/social-media", "/social-media", "Social media datasets across forces."));
        }

        if (await May(Policies.Administer))
        {
            links.Add(new("Users", "/admin/users", "/admin/users", "Accounts, roles and forces."));
            links.Add(new("Jobs", "/admin/jobs", "/admin/jobs", "Background work: each job's state, last run and failures."));
            links.Add(new("Audit log", "/admin/audit", "/admin/audit", "Every recorded action, newest first."));
            links.Add(new("Email outbox", "/admin/outbox", "/admin/outbox", "Every reminder email written, and whether it was sent."));
        }

        links.Add(new("Email reminders and calendar", "/account/reminders", "/account/reminders", "How you are reminded by email, and your calendar feed.", InMenu: false));
        return links;
    }

    /// <summary>The menu item the path falls under: the most specific section ("/" only for the home page itself).</summary>
    public static NavigationLink? Active(IEnumerable<NavigationLink> menu, PathString path) =>
        menu.Where(n => n.Section == "/" ? path.Value is "/" or "" : path.StartsWithSegments(n.Section, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(n => n.Section.Length)
            .FirstOrDefault();
}
