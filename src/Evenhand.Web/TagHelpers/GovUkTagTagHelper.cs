using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Evenhand.Web.TagHelpers;

/// <summary>
/// GOV.UK tag: <c>&lt;govuk-tag colour="green"&gt;Complete&lt;/govuk-tag&gt;</c> renders
/// <c>&lt;strong class="govuk-tag govuk-tag--green"&gt;Complete&lt;/strong&gt;</c>.
/// Without a colour the tag is GOV.UK's default (dark blue on light blue).
/// </summary>
[HtmlTargetElement("govuk-tag")]
public sealed class GovUkTagTagHelper : TagHelper
{
    /// <summary>The colours GOV.UK Frontend 5 defines modifiers for.</summary>
    public static readonly IReadOnlySet<string> Colours = new HashSet<string>(StringComparer.Ordinal)
    {
        "grey", "green", "turquoise", "blue", "light-blue", "purple", "pink", "red", "orange", "yellow",
    };

    /// <summary>One of <see cref="Colours"/>, or empty for the default.</summary>
    public string? Colour { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "strong";
        output.TagMode = TagMode.StartTagAndEndTag;

        output.AddClass("govuk-tag", HtmlEncoder.Default);
        if (!string.IsNullOrWhiteSpace(Colour))
        {
            if (!Colours.Contains(Colour))
            {
                throw new InvalidOperationException(
                    $"'{Colour}' is not a GOV.UK tag colour. Use one of: {string.Join(", ", Colours)}.");
            }

            output.AddClass("govuk-tag--" + Colour, HtmlEncoder.Default);
        }
    }
}
