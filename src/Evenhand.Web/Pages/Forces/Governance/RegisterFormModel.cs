using Evenhand.Common;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance;

/// <summary>
/// Base of every register's add and change pages: reads the form into the register's details record (field errors first, so
/// the error summary links to each field), saves it through the service, and redirects to the record with a notice. A
/// refused or stale change stays on the form with its message; another force's record is not found.
/// </summary>
public abstract class RegisterFormModel<TDetails> : EvenhandPageModel
    where TDetails : class
{
    public Evenhand.Forces.Force Force => CurrentForce;

    [BindProperty] public Guid Version { get; set; }

    /// <summary>The details from the form, or null after adding a model error for each missing field.</summary>
    protected abstract TDetails? ReadDetails();

    /// <summary>Adds a model error when a required date is missing (and the date input has not already said what is wrong with it).</summary>
    protected void RequireDate(DateOnly? value, string field, string message)
    {
        if (value is null && ModelState[field]?.Errors.Count is null or 0)
        {
            ModelState.AddModelError(field, message);
        }
    }

    protected async Task<IActionResult> LoadAsync<TRecord>(Func<Task<TRecord>> get, Action<TRecord> fill)
    {
        try
        {
            fill(await get());
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    /// <summary>
    /// A form about an existing record: when the force has no such record (another force's id) the answer is 404 whatever
    /// was posted, before the form is read, as for the GET.
    /// </summary>
    protected async Task<IActionResult> SaveAsync<TRecord>(Func<Task<TRecord>> existing, Func<TDetails, Task<int>> save, string notice, Func<int, string> recordUrl)
    {
        try
        {
            await existing();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        return await SaveAsync(save, notice, recordUrl);
    }

    protected async Task<IActionResult> SaveAsync(Func<TDetails, Task<int>> save, string notice, Func<int, string> recordUrl)
    {
        if (ReadDetails() is not { } details)
        {
            return Page();
        }

        try
        {
            var id = 0;
            return await TryAsync(async () => id = await save(details)) ? RedirectWithNotice(notice, recordUrl(id)) : Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }
}
