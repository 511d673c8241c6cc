using Evenhand.Accounts;
using Evenhand.SocialMedia.Datasets;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Evenhand.Web.Pages.SocialMedia;

/// <summary>Where the social media pages live: a force's under /forces/{slug}/social-media, the inspectorate's national ones under /social-media.</summary>
public static class SocialMediaPages
{
    public static string Home(string? slug) => slug is null ? "/social-media" : $"/forces/{slug}/social-media";

    public static string Dataset(string? slug, int id, string? step = null) => $"{Home(slug)}/{id}" + (step is null ? "" : "/" + step);

    public static string Sample(string? slug, int id, int sampleId) => Dataset(slug, id, $"samples/{sampleId}");

    /// <summary>
    /// Gives each page of this folder its force route beside the national one its view declares: /social-media/… is also
    /// served as /forces/{slug}/social-media/…, by the same page model and view (Program.cs applies it to the folder).
    /// </summary>
    public static void AddForceRoutes(PageRouteModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        foreach (var selector in model.Selectors.ToList())
        {
            var national = selector.AttributeRouteModel?.Template?.TrimStart('/');
            if (national is not null && national.StartsWith("social-media", StringComparison.Ordinal))
            {
                model.Selectors.Add(new SelectorModel { AttributeRouteModel = new AttributeRouteModel { Template = "/forces/{slug}/" + national } });
            }
        }
    }
}

/// <summary>
/// Base of every social media page, force and national alike (each page serves both routes: its view declares the national one, and
/// <see cref="SocialMediaPages.AddForceRoutes"/> adds the force's). Before any handler runs — page, CSV or form post — it settles the scope: under
/// /forces/{slug} the force the user may see (404 otherwise), under /social-media the inspectorate or an administrator
/// (403 otherwise); and the dataset and sample of the route, which must belong to that scope (404 otherwise), so a guessed
/// id never shows another force's dataset.
/// </summary>
[Authorize(Policy = Policies.SeeSocialMedia)]
public abstract class SocialMediaPageModel(SocialMediaReader reader, ForceScopeFilter forces, IAuthorizationService authz, TimeProvider time) : EvenhandPageModel
{
    /// <summary>The national pages: the inspectorate and administrators.</summary>
    public static AuthorizationPolicy NationalPolicy { get; } = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(Roles.National).Build();

    /// <summary>Every read of the social media pages goes through this service.</summary>
    protected SocialMediaReader Reader => reader;

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
            Force = await forces.ResolveAsync(HttpContext, slug);
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

            var dataset = await reader.DatasetInScopeAsync(id, Force?.Id, ct);
            if (dataset is null)
            {
                return NotFound();
            }

            Dataset = dataset;
            if (RouteData.Values.ContainsKey("sampleId"))
            {
                if (!int.TryParse(RouteData.Values["sampleId"]?.ToString(), out var sampleId)
                    || !await reader.SampleInDatasetAsync(sampleId, id, ct))
                {
                    return NotFound();
                }
            }
        }

        return null;
    }
}
