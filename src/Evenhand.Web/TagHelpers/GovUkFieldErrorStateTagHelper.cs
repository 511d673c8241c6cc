using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Evenhand.Web.TagHelpers;

/// <summary>
/// Puts a field with <c>asp-for</c> into the GOV.UK error state when model state has an error for it: adds
/// govuk-input--error / govuk-textarea--error / govuk-select--error / govuk-file-upload--error and adds "{id}-error" (the id
/// <see cref="GovUkErrorMessageTagHelper"/> gives the message) to aria-describedby. A field whose form name differs from
/// its property (a query-string filter) names its model state key with <c>govuk-error-for</c> instead. Radios, checkboxes,
/// hidden fields and buttons are left alone: their error state belongs on the fieldset.
/// </summary>
[HtmlTargetElement("input", Attributes = "asp-for")]
[HtmlTargetElement("textarea", Attributes = "asp-for")]
[HtmlTargetElement("select", Attributes = "asp-for")]
[HtmlTargetElement("input", Attributes = ErrorForAttribute)]
[HtmlTargetElement("select", Attributes = ErrorForAttribute)]
public sealed class GovUkFieldErrorStateTagHelper : TagHelper
{
    private static readonly HashSet<string> NotTextLike = new(StringComparer.OrdinalIgnoreCase)
    {
        "radio", "checkbox", "hidden", "submit", "button", "reset", "image",
    };

    public const string ErrorForAttribute = "govuk-error-for";

    [HtmlAttributeName("asp-for")]
    public ModelExpression? For { get; set; }

    /// <summary>
    /// For a field that cannot use <c>asp-for</c> because its name is not its property's (a list filter sent as
    /// <c>?force=</c>): the model state key its errors are recorded under, which is also the id it is given.
    /// </summary>
    [HtmlAttributeName(ErrorForAttribute)]
    public string? ErrorFor { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    /// <summary>After the framework's input/textarea/select tag helpers, which set id, name and type.</summary>
    public override int Order => 100;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var type = output.Attributes.TryGetAttribute("type", out var typeAttribute) ? typeAttribute.Value?.ToString() ?? "" : "";
        if (output.TagName == "input" && NotTextLike.Contains(type))
        {
            return;
        }

        var fullName = For is not null ? GovUkFieldNames.FullName(ViewContext, For) : ErrorFor ?? "";
        if (fullName.Length == 0 || GovUkFieldNames.Errors(ViewContext.ViewData.ModelState, fullName).Count == 0)
        {
            return;
        }

        var errorClass = output.TagName switch
        {
            "textarea" => "govuk-textarea--error",
            "select" => "govuk-select--error",
            _ when type.Equals("file", StringComparison.OrdinalIgnoreCase) => "govuk-file-upload--error",
            _ => "govuk-input--error",
        };
        output.AddClass(errorClass, HtmlEncoder.Default);
        GovUkFieldNames.AddDescribedBy(output, GovUkFieldNames.ErrorId(fullName));
    }
}
