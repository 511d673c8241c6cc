using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Evenhand.Web.TagHelpers;

/// <summary>
/// GOV.UK summary list:
/// <code>
/// &lt;govuk-summary-list&gt;
///   &lt;govuk-summary-row key="Executive lead"&gt;@Model.Lead&lt;/govuk-summary-row&gt;
///   &lt;govuk-summary-row key="Deadline" change-href="/…/deadline"&gt;31 March 2025&lt;/govuk-summary-row&gt;
/// &lt;/govuk-summary-list&gt;
/// </code>
/// The change link's visually hidden text is the row's key, lower-cased, unless change-visually-hidden says otherwise.
/// When some rows have a change link, the others get the --no-actions modifier so the columns line up.
/// </summary>
[HtmlTargetElement("govuk-summary-list")]
[RestrictChildren("govuk-summary-row")]
public sealed class GovUkSummaryListTagHelper : TagHelper
{
    internal sealed record Row(string Key, IHtmlContent Value, string? ChangeHref, string ChangeText, string ChangeHidden, string? Classes);

    internal sealed class Rows : List<Row>;

    /// <summary>Removes the borders between rows (govuk-summary-list--no-border).</summary>
    public bool NoBorder { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var rows = new Rows();
        context.Items[typeof(Rows)] = rows;
        await output.GetChildContentAsync();

        output.TagName = "dl";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.AddClass("govuk-summary-list", HtmlEncoder.Default);
        if (NoBorder)
        {
            output.AddClass("govuk-summary-list--no-border", HtmlEncoder.Default);
        }

        var anyActions = rows.Any(r => r.ChangeHref is not null);
        var enc = HtmlEncoder.Default;
        var html = new HtmlContentBuilder();
        foreach (var row in rows)
        {
            var rowClass = "govuk-summary-list__row";
            if (anyActions && row.ChangeHref is null)
            {
                rowClass += " govuk-summary-list__row--no-actions";
            }

            if (!string.IsNullOrWhiteSpace(row.Classes))
            {
                rowClass += " " + row.Classes;
            }

            html.AppendHtml($"<div class=\"{enc.Encode(rowClass)}\"><dt class=\"govuk-summary-list__key\">")
                .Append(row.Key)
                .AppendHtml("</dt><dd class=\"govuk-summary-list__value\">")
                .AppendHtml(row.Value)
                .AppendHtml("</dd>");
            if (row.ChangeHref is not null)
            {
                html.AppendHtml($"<dd class=\"govuk-summary-list__actions\"><a class=\"govuk-link\" href=\"{enc.Encode(row.ChangeHref)}\">")
                    .Append(row.ChangeText)
                    .AppendHtml("<span class=\"govuk-visually-hidden\"> ")
                    .Append(row.ChangeHidden)
                    .AppendHtml("</span></a></dd>");
            }

            html.AppendHtml("</div>");
        }

        output.Content.SetHtmlContent(html);
    }
}

/// <summary>One row of a <see cref="GovUkSummaryListTagHelper"/>: the key, the value (the element's content) and an optional change link.</summary>
[HtmlTargetElement("govuk-summary-row", ParentTag = "govuk-summary-list")]
public sealed class GovUkSummaryRowTagHelper : TagHelper
{
    public string Key { get; set; } = "";

    /// <summary>Where the change link goes; no link when empty.</summary>
    public string? ChangeHref { get; set; }

    public string ChangeText { get; set; } = "Change";

    /// <summary>Hidden text after the link text, so "Change" makes sense out of context. Defaults to the key.</summary>
    public string? ChangeVisuallyHidden { get; set; }

    /// <summary>Extra classes for the row.</summary>
    public string? RowClass { get; set; }

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        var value = await output.GetChildContentAsync();
        var hidden = ChangeVisuallyHidden ?? LowerFirst(Key);
        if (context.Items.TryGetValue(typeof(GovUkSummaryListTagHelper.Rows), out var found) && found is GovUkSummaryListTagHelper.Rows rows)
        {
            rows.Add(new GovUkSummaryListTagHelper.Row(Key, value, string.IsNullOrEmpty(ChangeHref) ? null : ChangeHref, ChangeText, hidden, RowClass));
        }

        output.SuppressOutput();
    }

    /// <summary>"Executive lead" → "executive lead", but "PCC response" stays as it is.</summary>
    internal static string LowerFirst(string text) =>
        text.Length == 0 || (text.Length > 1 && char.IsUpper(text[1]))
            ? text
            : char.ToLowerInvariant(text[0]) + text[1..];
}
