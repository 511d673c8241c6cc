using Evenhand.Data;
using Evenhand.Forces;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Web.Infrastructure;

/// <summary>
/// Applied to the whole Pages/Forces folder: resolves the {slug} route value to a force and answers 404 — not 403, so
/// that the existence of another force's records is not disclosed — when the user may not see that force.
/// A new page added under the folder is covered without doing anything.
/// </summary>
public sealed class ForceScopeFilter(EvenhandDbContext db) : IAsyncPageFilter
{
    public const string ItemKey = "Evenhand.Force";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var force = await ResolveAsync(db, context.HttpContext, context.RouteData.Values["slug"] as string);
        if (force is null)
        {
            context.Result = new NotFoundResult();
            return;
        }

        context.HttpContext.Items[ItemKey] = force;
        await next();
    }

    /// <summary>The force named by the slug when the signed-in user may see it; otherwise null (for pages that settle their own scope).</summary>
    public Task<Force?> ResolveAsync(HttpContext http, string? slug) => ResolveAsync(db, http, slug);

    /// <summary>The force named by the slug when the signed-in user may see it; otherwise null.</summary>
    public static async Task<Force?> ResolveAsync(EvenhandDbContext db, HttpContext http, string? slug)
    {
        if (string.IsNullOrEmpty(slug) || !http.User.CanSeeForce(slug))
        {
            return null;
        }

        return await db.Forces.AsNoTracking().SingleOrDefaultAsync(f => f.Slug == slug.ToLowerInvariant(), http.RequestAborted);
    }
}

public static class ForceScopeHttpContextExtensions
{
    /// <summary>The force resolved by <see cref="ForceScopeFilter"/> for the current request.</summary>
    public static Force CurrentForce(this HttpContext http) =>
        http.Items[ForceScopeFilter.ItemKey] as Force ?? throw new InvalidOperationException("The page is outside the force-scoped folder.");
}
