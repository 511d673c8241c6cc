using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Evenhand.Web.TagHelpers;

/// <summary>
/// GOV.UK form group that turns red when its field has an error:
/// <c>&lt;govuk-form-group for="Input.Evidence"&gt;…label, hint, &lt;govuk-error-message&gt;, textarea…&lt;/govuk-form-group&gt;</c>
/// renders <c>&lt;div class="govuk-form-group [govuk-form-group--error]"&gt;</c>.
/// </summary>
[HtmlTargetElement("govuk-form-group", Attributes = "for")]
public sealed class GovUkFormGroupTagHelper : TagHelper
{
    public ModelExpression For { get; set; } = default!;

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.AddClass("govuk-form-group", HtmlEncoder.Default);
        var fullName = GovUkFieldNames.FullName(ViewContext, For);
        if (GovUkFieldNames.Errors(ViewContext.ViewData.ModelState, fullName, includeChildren: true).Count > 0)
        {
            output.AddClass("govuk-form-group--error", HtmlEncoder.Default);
        }
    }
}
