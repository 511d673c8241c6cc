using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Evenhand.Web.TagHelpers;

/// <summary>
/// GOV.UK error summary built from model state: <c>&lt;govuk-error-summary /&gt;</c> at the top of the main column.
/// Each field error links to "#{id}", the id <c>asp-for</c> gives the field ("Input.Evidence" → "#Input_Evidence");
/// give the first radio or checkbox of a group, and the day input of a date, that id. Errors not tied to a field
/// (key "") are listed without a link. Renders nothing when there are no errors. GOV.UK Frontend's script moves
/// focus to the summary when the page loads.
/// </summary>
[HtmlTargetElement("govuk-error-summary", TagStructure = TagStructure.WithoutEndTag)]
public sealed class GovUkErrorSummaryTagHelper : TagHelper
{
    /// <summary>The heading; GOV.UK's wording by default.</summary>
    public string Title { get; set; } = "There is a problem";

    /// <summary>Links for fields that are on another page (model state key to URL); other fields link to "#{id}" on this page.</summary>
    public IReadOnlyDictionary<string, string>? Hrefs { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = default!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var items = new List<(string? Href, string Message)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, entry) in ViewContext.ViewData.ModelState)
        {
            foreach (var error in entry.Errors)
            {
                var message = GovUkFieldNames.Message(error);
                var href = string.IsNullOrEmpty(key) ? null
                    : Hrefs is not null && Hrefs.TryGetValue(key, out var elsewhere) ? elsewhere
                    : "#" + GovUkFieldNames.Id(key);
                if (seen.Add(href + "\n" + message))
                {
                    items.Add((href, message));
                }
            }
        }

        if (items.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        // Errors not tied to a field first: they are usually about the whole form.
        items = [.. items.OrderBy(i => i.Href is null ? 0 : 1)];

        var enc = HtmlEncoder.Default;
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-error-summary");
        output.Attributes.SetAttribute("data-module", "govuk-error-summary");

        var html = new System.Text.StringBuilder();
        html.Append("<div role=\"alert\"><h2 class=\"govuk-error-summary__title\">")
            .Append(enc.Encode(Title))
            .Append("</h2><div class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">");
        foreach (var (href, message) in items)
        {
            html.Append("<li>");
            if (href is null)
            {
                html.Append(enc.Encode(message));
            }
            else
            {
                html.Append("<a href=\"").Append(enc.Encode(href)).Append("\">").Append(enc.Encode(message)).Append("</a>");
            }

            html.Append("</li>");
        }

        html.Append("</ul></div></div>");
        output.Content.SetHtmlContent(html.ToString());
    }
}
