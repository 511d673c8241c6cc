using Evenhand.Accounts;
using Evenhand.Data;
using Evenhand.SocialMedia.Datasets;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Web.Pages.SocialMedia;

/// <summary>Where the social media pages live: a force's under /forces/{slug}/social-media, the inspectorate's national ones under /social-media.</summary>
public static class SocialMediaPages
{
    public static string Home(string? slug) => slug is null ? "/social-media" : $"/forces/{slug}/social-media";

    public static string Dataset(string? slug, int id, string? step = null) => $"{Home(slug)}/{id}" + (step is null ? "" : "/" + step);

    public static string Sample(string? slug, int id, int sampleId) => Dataset(slug, id, $"samples/{sampleId}");
}

/// <summary>
/// Base of every social media page, force and national alike (each page model serves both routes; the views are shared
/// partials in Pages/Shared/SocialMedia). Before any handler runs — page, CSV or form post — it settles the scope: under
/// /forces/{slug} the force the user may see (404 otherwise), under /social-media the inspectorate or an administrator
/// (403 otherwise); and the dataset and sample of the route, which must belong to that scope (404 otherwise), so a guessed
/// id never shows another force's dataset.
/// </summary>
[Authorize(Policy = Policies.SeeSocialMedia)]
public abstract class SocialMediaPageModel(EvenhandDbContext db, IAuthorizationService authz, TimeProvider time) : EvenhandPageModel
{
    /// <summary>The national pages: the inspectorate and administrators.</summary>
    public static AuthorizationPolicy NationalPolicy { get; } = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(Roles.National).Build();

    protected EvenhandDbContext Db => db;

    protected TimeProvider Time => time;

    /// <summary>The force of the route; null on the national pages.</summary>
    public Evenhand.Forces.Force? Force { get; private set; }

    public bool IsNational => Force is null;

    public string? Slug => Force?.Slug;

    /// <summary>The dataset of the route (pages with an {id}).</summary>
    public SocialDataset Dataset { get; private set; } = null!;

    /// <summary>May import and delete datasets, and draw and review dip samples.</summary>
    public bool CanManage { get; private set; }

    public string Home => SocialMediaPages.Home(Slug);

    public string Scope => Force?.Name ?? "National datasets";

    public abstract string Title { get; }

    public string DatasetUrl(string? step = null) => SocialMediaPages.Dataset(Slug, Dataset.Id, step);

    public string SampleUrl(int sampleId) => SocialMediaPages.Sample(Slug, Dataset.Id, sampleId);

    protected Evenhand.Common.ProcessContext Actor() => Actor(time);

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var result = await SettleScopeAsync(context.HttpContext.RequestAborted);
        if (result is not null)
        {
            context.Result = result;
            return;
        }

        await next();
    }

    private async Task<IActionResult?> SettleScopeAsync(CancellationToken ct)
    {
        if (RouteData.Values["slug"] is string slug)
        {
            Force = await ForceScopeFilter.ResolveAsync(db, HttpContext, slug);
            if (Force is null)
            {
                return NotFound();
            }
        }
        else if (!(await authz.AuthorizeAsync(User, NationalPolicy)).Succeeded)
        {
            return Forbid();
        }

        CanManage = (await authz.AuthorizeAsync(User, Policies.ManageSocialMedia)).Succeeded;
        if (RouteData.Values.ContainsKey("id"))
        {
            if (!int.TryParse(RouteData.Values["id"]?.ToString(), out var id))
            {
                return NotFound();
            }

            var dataset = await db.SocialDatasets.AsNoTracking().Include(d => d.Force).SingleOrDefaultAsync(d => d.Id == id, ct);
            var forceId = Force?.Id;
            if (dataset is null || dataset.ForceId != forceId)
            {
                return NotFound();
            }

            Dataset = dataset;
            if (RouteData.Values.ContainsKey("sampleId"))
            {
                if (!int.TryParse(RouteData.Values["sampleId"]?.ToString(), out var sampleId)
                    || !await db.DipSamples.AnyAsync(s => s.Id == sampleId && s.DatasetId == id, ct))
                {
                    return NotFound();
                }
            }
        }

        return null;
    }
}
