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
        var items = new List<(string? Href, string Message, string Key)>();
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
                    items.Add((href, message, key));
                }
            }
        }

        if (items.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        // Errors not tied to a field first: they are usually about the whole form. Then the fields in the order the page model
        // declares them, which is the order of its form (model state itself keeps no order).
        // A page whose fields are not its properties one by one (questions in a dictionary) lists its keys (IFormFieldOrder).
        var model = ViewContext.ViewData.Model;
        var listed = (model as IFormFieldOrder)?.FieldOrder ?? [];
        items = [.. items.OrderBy(i => i.Href is null ? 0 : 1)
            .ThenBy(i => listed.Contains(i.Key, StringComparer.OrdinalIgnoreCase) ? [-1, IndexOf(listed, i.Key)] : FieldPosition(model?.GetType(), i.Key), PositionComparer.Instance)];

        var enc = HtmlEncoder.Default;
        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "govuk-error-summary");
        output.Attributes.SetAttribute("data-module", "govuk-error-summary");

        var html = new System.Text.StringBuilder();
        html.Append("<div role=\"alert\"><h2 class=\"govuk-error-summary__title\">")
            .Append(enc.Encode(Title))
            .Append("</h2><div class=\"govuk-error-summary__body\"><ul class=\"govuk-list govuk-error-summary__list\">");
        foreach (var (href, message, _) in items)
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

    private static int IndexOf(IReadOnlyList<string> keys, string key)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            if (string.Equals(keys[i], key, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    /// <summary>
    /// Where a model state key ("Input.Evidence", "On.Day", or a bound name such as "item") sits among the page model's
    /// properties, in declaration order, one index per segment; keys it cannot place go last.
    /// </summary>
    internal static List<int> FieldPosition(Type? type, string key)
    {
        var position = new List<int>();
        foreach (var segment in key.Split('.'))
        {
            var name = segment.Split('[')[0];
            var properties = type?.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance) ?? [];
            var index = Array.FindIndex(properties, p => string.Equals(BoundName(p), name, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                position.Add(int.MaxValue);
                break;
            }

            position.Add(index);
            type = properties[index].PropertyType;
        }

        return position;
    }

    private static string BoundName(System.Reflection.PropertyInfo p) =>
        p.GetCustomAttributes(true).OfType<Microsoft.AspNetCore.Mvc.ModelBinding.IModelNameProvider>().Select(a => a.Name).FirstOrDefault(n => !string.IsNullOrEmpty(n)) ?? p.Name;

    private sealed class PositionComparer : IComparer<List<int>>
    {
        public static readonly PositionComparer Instance = new();

        public int Compare(List<int>? x, List<int>? y)
        {
            for (var i = 0; i < Math.Min(x!.Count, y!.Count); i++)
            {
                var c = x[i].CompareTo(y[i]);
                if (c != 0)
                {
                    return c;
                }
            }

            return x.Count.CompareTo(y.Count);
        }
    }
}

/// <summary>
/// A page model whose form fields are not one property each (answers to questions held in a dictionary) gives the model
/// state keys of its fields in the form's order, so the error summary lists them in that order.
/// </summary>
public interface IFormFieldOrder
{
    IReadOnlyList<string> FieldOrder { get; }
}
