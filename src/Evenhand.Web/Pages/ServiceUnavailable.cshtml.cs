using System.Diagnostics;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Evenhand.Web.Pages;

/// <summary>
/// GOV.UK's "service unavailable" page, drawn by <see cref="DatabaseUnavailable"/> (status 503) when a request failed because
/// the database could not be reached. Asked for directly it does not exist. The reference is the request's trace id, which
/// every log line of the request carries (see <see cref="StructuredLogging"/>).
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ServiceUnavailableModel : PageModel
{
    public string Reference { get; private set; } = "";

    public IActionResult OnGet()
    {
        if (!DatabaseUnavailable.IsShowing(HttpContext))
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        Reference = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
        return Page();
    }

    public IActionResult OnPost() => NotFound();
}
