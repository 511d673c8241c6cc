using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Evenhand.Web.TagHelpers;

/// <summary>
/// Binds a <see cref="DateOnly"/>? from the three fields of a <see cref="DateInputTagHelper"/>
/// ("{name}.Day", "{name}.Month", "{name}.Year"). All three empty binds null (so [Required] reports it);
/// anything else that is not a real date is a model error on "{name}" in GOV.UK's wording
/// ("Deadline must include a month", "Deadline must be a real date"). Use it with <see cref="DateInputAttribute"/>.
/// </summary>
public sealed class DateInputModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var name = bindingContext.ModelName;
        var found = false;

        string Part(string part)
        {
            var key = $"{name}.{part}";
            var result = bindingContext.ValueProvider.GetValue(key);
            if (result == ValueProviderResult.None)
            {
                return "";
            }

            found = true;
            // Kept so the page shows back exactly what was typed; the parts are not validated on their own (the date is), so
            // they are marked skipped rather than left unvalidated, which would make ModelState.IsValid false.
            bindingContext.ModelState.SetModelValue(key, result);
            bindingContext.ModelState.MarkFieldSkipped(key);
            return result.FirstValue?.Trim() ?? "";
        }

        var day = Part("Day");
        var month = Part("Month");
        var year = Part("Year");
        if (!found)
        {
            // No date on this form: leave the property as it is.
            return Task.CompletedTask;
        }

        var error = Check(bindingContext.ModelMetadata.DisplayName ?? bindingContext.ModelMetadata.Name ?? "Date", day, month, year, out var date);
        if (error is not null)
        {
            bindingContext.ModelState.TryAddModelError(name, error);
            bindingContext.Result = ModelBindingResult.Failed();
            return Task.CompletedTask;
        }

        bindingContext.Result = ModelBindingResult.Success(date);
        return Task.CompletedTask;
    }

    /// <summary>The GOV.UK date input error messages; null when the parts make a real date (or are all empty).</summary>
    public static string? Check(string label, string day, string month, string year, out DateOnly? date)
    {
        date = null;
        var missing = new List<string>();
        if (day.Length == 0)
        {
            missing.Add("day");
        }

        if (month.Length == 0)
        {
            missing.Add("month");
        }

        if (year.Length == 0)
        {
            missing.Add("year");
        }

        if (missing.Count == 3)
        {
            return null;
        }

        if (missing.Count > 0)
        {
            return $"{label} must include a {string.Join(" and a ", missing)}";
        }

        if (!int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ||
            !int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m) ||
            !int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
        {
            return $"{label} must be a real date";
        }

        if (year.Length != 4)
        {
            return $"Year must include 4 numbers";
        }

        if (y < 1 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return $"{label} must be a real date";
        }

        date = new DateOnly(y, m, d);
        return null;
    }
}

/// <summary>Binds this DateOnly? property from a GOV.UK date input: <c>[DateInput] public DateOnly? Deadline { get; set; }</c>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class DateInputAttribute : ModelBinderAttribute
{
    public DateInputAttribute() : base(typeof(DateInputModelBinder))
    {
    }
}
