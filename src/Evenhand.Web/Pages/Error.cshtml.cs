using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Evenhand.Web.Pages;

[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public string Heading { get; private set; } = "Sorry, there is a problem with the service";
    public string Message { get; private set; } = "Try again later. Nothing you entered has been saved.";

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        switch (code)
        {
            case 404:
                Heading = "Page not found";
                Message = "If you typed the web address, check it is correct. Records of other forces are not shown.";
                break;
            case 403:
                Heading = "You do not have access to this page";
                Message = "Your role does not allow this action.";
                break;
            case 413:
                Heading = "The file is too large";
                Message = "Files must be smaller than 10 MB. Nothing has been saved.";
                break;
            case 400:
                Heading = "Sorry, there is a problem with your request";
                Message = "Go back and try again. If you left the page open for a long time, reload it first.";
                break;
        }
    }
}
