using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Evenhand.Web.TagHelpers;

/// <summary>
/// GOV.UK error message for one field: <c>&lt;govuk-error-message for="Input.Evidence" /&gt;</c> renders
/// <c>&lt;p id="Input_Evidence-error" class="govuk-error-message"&gt;&lt;span class="govuk-visually-hidden"&gt;Error:&lt;/span&gt; …&lt;/p&gt;</c>
/// when model state has an error for the field, and nothing otherwise. Inputs, textareas and selects with
/// <c>asp-for</c> point at it with aria-describedby by themselves (<see cref="GovUkFieldErrorStateTagHelper"/>);
/// for radios and checkboxes add <c>{id}-error</c> to the fieldset's aria-describedby.
/// </summary>
[HtmlTargetElement("govuk-error-message", Attributes = "for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkErrorMessageTagHelper : TagHelper
{
    public ModelExpression For { get; set; } = default!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var fullName = GovUkFieldNames.FullName(ViewContext, For);
        var errors = GovUkFieldNames.Errors(ViewContext.ViewData.ModelState, fullName);
        if (errors.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = "p";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("id", GovUkFieldNames.ErrorId(fullName));
        output.Attributes.SetAttribute("class", "govuk-error-message");
        output.Content.SetHtmlContent("<span class=\"govuk-visually-hidden\">Error:</span> ");
        output.Content.Append(errors[0]);
    }
}
