using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Evenhand.Web.TagHelpers;

/// <summary>
/// Puts every GOV.UK table (<c>&lt;table class="govuk-table"&gt;</c>) in a region that scrolls sideways on its own —
/// <c>&lt;div class="evenhand-table-scroll" role="region" aria-label="(the caption)" tabindex="0"&gt;</c> — so a table wider
/// than a phone's screen scrolls inside its container instead of widening the page, and a keyboard user can reach and scroll
/// it. Tables a page has already wrapped itself (inside a <c>div.evenhand-table-scroll</c> in the same view) are left alone.
/// </summary>
[HtmlTargetElement("table", Attributes = "class")]
[HtmlTargetElement("div", Attributes = "class")]
public sealed partial class TableScrollTagHelper : TagHelper
{
    public const string WrapperClass = "evenhand-table-scroll";

    private const string Wrapped = "Evenhand.TableScroll.Wrapped";

    // After the GOV.UK tag helpers, which may add classes.
    public override int Order => 1000;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var classes = output.Attributes["class"]?.Value?.ToString() ?? "";
        if (output.TagName == "div")
        {
            if (HasClass(classes, WrapperClass))
            {
                context.Items[Wrapped] = true;
            }

            return;
        }

        if (!HasClass(classes, "govuk-table") || context.Items.ContainsKey(Wrapped))
        {
            return;
        }

        var content = (await output.GetChildContentAsync()).GetContent();
        var caption = CaptionPattern().Match(content) is { Success: true } m
            ? WebUtility.HtmlDecode(TagPattern().Replace(m.Groups[1].Value, " ")).Trim()
            : "";
        caption = SpacePattern().Replace(caption, " ");
        var label = caption.Length > 0 ? caption : "Table";
        output.Content.SetHtmlContent(content);
        output.PreElement.AppendHtml($"<div class=\"{WrapperClass}\" role=\"region\" aria-label=\"{WebUtility.HtmlEncode(label)}\" tabindex=\"0\">");
        output.PostElement.AppendHtml("</div>");
    }

    private static bool HasClass(string classes, string name) =>
        classes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(name, StringComparer.Ordinal);

    [GeneratedRegex(@"<caption\b[^>]*>(.*?)</caption>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex CaptionPattern();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex SpacePattern();
}
