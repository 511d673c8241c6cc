using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Evenhand.Web.TagHelpers;

/// <summary>
/// GOV.UK date input for a <see cref="DateOnly"/>? property bound with <see cref="DateInputAttribute"/>:
/// <c>&lt;govuk-date-input for="Input.Deadline" legend="Deadline" hint="For example, 31 3 2026" /&gt;</c>.
/// A fieldset (role="group") with a legend, an optional hint and error message (both in aria-describedby), and
/// Day, Month and Year inputs named "{name}.Day", "{name}.Month", "{name}.Year". The Day input has the field's
/// own id ("Input_Deadline"), so the error summary's link lands on it. After a failed post the inputs show what
/// was typed, not what was bound.
/// </summary>
[HtmlTargetElement("govuk-date-input", Attributes = "for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class DateInputTagHelper : TagHelper
{
    public ModelExpression For { get; set; } = default!;

    /// <summary>The question; defaults to the property's display name.</summary>
    public string? Legend { get; set; }

    /// <summary>Legend size: govuk-fieldset__legend--s (default), --m, --l or --xl.</summary>
    public string LegendClass { get; set; } = "govuk-fieldset__legend--s";

    /// <summary>When the question is the page's heading: the legend wraps an h1.</summary>
    public bool LegendIsPageHeading { get; set; }

    public string? Hint { get; set; }

    /// <summary>
    /// For a field repeated in several forms on one page (one per recommendation): appended to every id so they stay unique.
    /// Leave it empty on the form that was refused, so the error summary's link ("#{field}") lands on its day input.
    /// </summary>
    public string IdSuffix { get; set; } = "";

    /// <summary>The date to show when it is not the bound property's (a repeated form's own record); what was typed still wins.</summary>
    public DateOnly? DateValue { get; set; }

    /// <summary>Whether errors on the field belong to this copy of it (false for the repeated forms that were not sent).</summary>
    public bool ShowErrors { get; set; } = true;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var enc = HtmlEncoder.Default;
        var fullName = GovUkFieldNames.FullName(ViewContext, For);
        var id = GovUkFieldNames.Id(fullName) + IdSuffix;
        var modelState = ViewContext.ViewData.ModelState;
        var errors = ShowErrors ? GovUkFieldNames.Errors(modelState, fullName, includeChildren: true) : [];
        var legend = Legend ?? For.Metadata.DisplayName ?? For.Metadata.Name ?? For.Name;

        var date = DateValue ?? For.Model switch
        {
            DateOnly d => d,
            DateTime dt => DateOnly.FromDateTime(dt),
            DateTimeOffset dto => DateOnly.FromDateTime(dto.Date),
            _ => (DateOnly?)null,
        };
        string Value(string part, Func<DateOnly, int> fromDate) =>
            ShowErrors && modelState.TryGetValue($"{fullName}.{part}", out var entry) && entry.AttemptedValue is not null
                ? entry.AttemptedValue
                : date is { } value ? fromDate(value).ToString(CultureInfo.InvariantCulture) : "";

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", errors.Count > 0 ? "govuk-form-group govuk-form-group--error" : "govuk-form-group");

        var describedBy = new List<string>();
        if (!string.IsNullOrEmpty(Hint))
        {
            describedBy.Add(GovUkFieldNames.HintId(fullName) + IdSuffix);
        }

        if (errors.Count > 0)
        {
            describedBy.Add(GovUkFieldNames.ErrorId(fullName) + IdSuffix);
        }

        var html = new HtmlContentBuilder();
        html.AppendHtml("<fieldset class=\"govuk-fieldset\" role=\"group\"");
        if (describedBy.Count > 0)
        {
            html.AppendHtml($" aria-describedby=\"{enc.Encode(string.Join(' ', describedBy))}\"");
        }

        html.AppendHtml($"><legend class=\"govuk-fieldset__legend {enc.Encode(LegendClass)}\">");
        if (LegendIsPageHeading)
        {
            html.AppendHtml("<h1 class=\"govuk-fieldset__heading\">").Append(legend).AppendHtml("</h1>");
        }
        else
        {
            html.Append(legend);
        }

        html.AppendHtml("</legend>");
        if (!string.IsNullOrEmpty(Hint))
        {
            html.AppendHtml($"<div id=\"{enc.Encode(GovUkFieldNames.HintId(fullName) + IdSuffix)}\" class=\"govuk-hint\">").Append(Hint).AppendHtml("</div>");
        }

        if (errors.Count > 0)
        {
            html.AppendHtml($"<p id=\"{enc.Encode(GovUkFieldNames.ErrorId(fullName) + IdSuffix)}\" class=\"govuk-error-message\"><span class=\"govuk-visually-hidden\">Error:</span> ")
                .Append(errors[0])
                .AppendHtml("</p>");
        }

        html.AppendHtml($"<div class=\"govuk-date-input\" id=\"{enc.Encode(id)}-date\">");
        Item(html, id, $"{fullName}.Day", "Day", 2, Value("Day", d => d.Day), errors.Count > 0);
        Item(html, $"{id}_Month", $"{fullName}.Month", "Month", 2, Value("Month", d => d.Month), errors.Count > 0);
        Item(html, $"{id}_Year", $"{fullName}.Year", "Year", 4, Value("Year", d => d.Year), errors.Count > 0);
        html.AppendHtml("</div></fieldset>");

        output.Content.SetHtmlContent(html);
    }

    private static void Item(HtmlContentBuilder html, string id, string name, string label, int width, string value, bool error)
    {
        var enc = HtmlEncoder.Default;
        var classes = $"govuk-input govuk-date-input__input govuk-input--width-{width}" + (error ? " govuk-input--error" : "");
        html.AppendHtml("<div class=\"govuk-date-input__item\"><div class=\"govuk-form-group\">")
            .AppendHtml($"<label class=\"govuk-label govuk-date-input__label\" for=\"{enc.Encode(id)}\">{enc.Encode(label)}</label>")
            .AppendHtml($"<input class=\"{classes}\" id=\"{enc.Encode(id)}\" name=\"{enc.Encode(name)}\" type=\"text\" inputmode=\"numeric\" value=\"{enc.Encode(value)}\">")
            .AppendHtml("</div></div>");
    }
}
