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

    protected IActionResult RedirectWithNotice(string notice, string url)
    {
        Notice = notice;
        return Redirect(url);
    }
}
