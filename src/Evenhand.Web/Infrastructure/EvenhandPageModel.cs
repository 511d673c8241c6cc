using System.Reflection;
using Evenhand.Common;
using Evenhand.Forces;
using Evenhand.Importing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Evenhand.Web.Infrastructure;

/// <summary>Base for pages: the current force (for pages under /Forces), who is acting, and how service errors reach the user.</summary>
public abstract class EvenhandPageModel : PageModel
{
    /// <summary>Shown as a success banner on the next page after a redirect.</summary>
    [TempData] public string? Notice { get; set; }

    protected Force CurrentForce => HttpContext.CurrentForce();

    protected ProcessContext Actor(TimeProvider time, string? reason = null) => User.ToProcessContext(time, reason);

    /// <summary>
    /// Runs a service call; a refused change, a stale edit or a bad document becomes an error message on the form
    /// (against <paramref name="field"/>) instead of an error page. Returns true when the call succeeded.
    /// </summary>
    protected async Task<bool> TryAsync(Func<Task> action, string field = "")
    {
        try
        {
            await action();
            return true;
        }
        catch (ConcurrencyConflictException e)
        {
            ModelState.AddModelError(field, e.Message);
        }
        catch (DomainRuleException e) when (e.Errors.Count > 0)
        {
            foreach (var error in e.Errors)
            {
                ModelState.AddModelError(FieldFor(error.Field), error.Message);
            }
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError(field, e.Message);
        }
        catch (ImportException e)
        {
            ModelState.AddModelError(field, e.Message);
        }

        return false;
    }

    /// <summary>The form field (model state key) for a field the domain named in a refusal; by default the same name.</summary>
    protected virtual string FieldFor(string domainField) => domainField;

    /// <summary>
    /// Shows the page again after a refused post without losing anything: <paramref name="load"/> reloads the stored record
    /// and fills every form on the page from it (as a GET does), then every bound property the refused form posted is put
    /// back as the user typed it. So the form that was sent shows exactly what was submitted, and the page's other forms
    /// show what is stored, never blanks that a later save would write over it.
    /// </summary>
    protected async Task<IActionResult> RedisplayAsync(Func<Task<bool>> load)
    {
        var posted = PostedBoundValues();
        if (!await load())
        {
            return NotFound();
        }

        foreach (var (property, value) in posted)
        {
            property.SetValue(this, value);
        }

        return Page();
    }

    private List<(PropertyInfo Property, object? Value)> PostedBoundValues()
    {
        var keys = Request.HasFormContentType ? Request.Form.Keys.ToList() : [];
        return GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetCustomAttribute<BindPropertyAttribute>() is not null && p.PropertyType != typeof(IFormFile))
            .Where(p => keys.Any(k => k == p.Name || k.StartsWith(p.Name + ".", StringComparison.Ordinal) || k.StartsWith(p.Name + "[", StringComparison.Ordinal)))
            .Select(p => (p, p.GetValue(this)))
            .ToList();
    }

    protected IActionResult RedirectWithNotice(string notice, string url)
    {
        Notice = notice;
        return Redirect(url);
    }
}
