using System.Globalization;
using Evenhand.Common;
using Evenhand.Governance;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.PoliticalContacts;

/// <summary>The political contacts log: filtered and paged, a month-by-month report of the last twelve months, and CSV.</summary>
[Authorize(Policy = Infrastructure.Policies.SeeRegisters)]
public sealed class IndexModel(PoliticalContactService register, IAuthorizationService authz, TimeProvider time) : EvenhandPageModel
{
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [FromQuery] public ContactSource? Source { get; set; }
    [FromQuery] public ContactKind? Kind { get; set; }

    public Evenhand.Forces.Force Force => CurrentForce;
    public ContactPage Results { get; private set; } = null!;
    public IReadOnlyList<ContactMonth> Months { get; private set; } = [];
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = UkTime.Date(time.GetUtcNow());
        CanEdit = (await authz.AuthorizeAsync(User, Infrastructure.Policies.EditRegisters)).Succeeded;
        Results = await register.ListAsync(Force.Id, new ContactQuery(Source, Kind, Page: PageNumber), ct);
        Months = await register.ByMonthAsync(Force.Id, new DateOnly(today.Year, today.Month, 1).AddMonths(-11), today, ct);
    }

    /// <summary>The whole register as CSV, written to the response as the rows are read.</summary>
    public Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        return Csv.StreamQueryAsync(HttpContext, $"{Force.Slug}-political-contacts.csv", _ => register.StreamAll(Force.Id, new ContactQuery(Source, Kind)), c => new
        {
            ContactOn = c.ContactOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Source = PoliticalContact.Describe(c.Source), c.SourceName, Channel = PoliticalContact.Describe(c.Channel),
            c.WhatWasAsked, Kind = PoliticalContact.Describe(c.Kind), c.Response, Escalated = c.Escalated ? "yes" : "no", c.EscalatedTo,
        }, ct);
    }

    public string PageUrl(int page) =>
        $"{GovernancePages.Contacts(Force.Slug)}?page={page}" + (Source is null ? "" : $"&Source={Source}") + (Kind is null ? "" : $"&Kind={Kind}");
}
