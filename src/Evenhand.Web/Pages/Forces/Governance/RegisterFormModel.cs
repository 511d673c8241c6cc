using Evenhand.Common;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>
    /// The details from the form as posted. The rules are the domain's: a form checks nothing itself, except a question only
    /// the form asks (it then returns null after adding its error). A value the form could not read is null here, and its
    /// model error already says what is wrong with it.
    /// </summary>
    protected abstract TDetails? ReadDetails();

    /// <summary>
    /// Applies the domain's rules to <paramref name="details"/> without saving anything (an entity made from them and thrown
    /// away), so that a form with an unreadable value still shows every other refusal at once; null where the rules need the
    /// stored record.
    /// </summary>
    protected virtual Action<TDetails>? DryRun => null;

    /// <summary>Today in the UK, for a dry run of the domain's date rules.</summary>
    protected DateOnly Today => HttpContext.RequestServices.GetRequiredService<TimeProvider>().Today();

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
    /// <param name="shown">Fills what the page shows about the stored record (its name in the caption), for when the form is shown again.</param>
    protected async Task<IActionResult> SaveAsync<TRecord>(Func<Task<TRecord>> existing, Func<TDetails, Task<int>> save, string notice, Func<int, string> recordUrl,
        Action<TRecord>? shown = null)
    {
        try
        {
            var record = await existing();
            shown?.Invoke(record);
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

        if (ModelState.ErrorCount > 0)
        {
            // A value the form could not read (a date, a number): nothing is saved, but the domain's other refusals are shown
            // in the same round, so the user fixes everything at once.
            try
            {
                DryRun?.Invoke(details);
            }
            catch (DomainRuleException e)
            {
                foreach (var error in e.Errors.Where(error => ModelState[FieldFor(error.Field)]?.Errors.Count is null or 0))
                {
                    ModelState.AddModelError(FieldFor(error.Field), error.Message);
                }
            }

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
