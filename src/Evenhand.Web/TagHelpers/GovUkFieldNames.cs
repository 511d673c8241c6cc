using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Evenhand.Web.TagHelpers;

/// <summary>
/// How the GOV.UK component tag helpers name things, so that the error summary's links, the fields' ids and
/// their aria-describedby all agree. A field's id is the one <c>asp-for</c> gives it ("Input.Name" → "Input_Name");
/// its error message is "{id}-error" and its hint "{id}-hint".
/// </summary>
public static class GovUkFieldNames
{
    public static string FullName(ViewContext viewContext, ModelExpression expression) =>
        viewContext.ViewData.TemplateInfo.GetFullHtmlFieldName(expression.Name);

    /// <summary>The id <c>asp-for</c> gives an input for this model state key.</summary>
    public static string Id(string fullName) => TagBuilder.CreateSanitizedId(fullName, "_");

    public static string ErrorId(string fullName) => Id(fullName) + "-error";

    public static string HintId(string fullName) => Id(fullName) + "-hint";

    /// <summary>The messages of the errors recorded against this key (and, for a date input, its parts).</summary>
    public static IReadOnlyList<string> Errors(ModelStateDictionary modelState, string fullName, bool includeChildren = false)
    {
        var messages = new List<string>();
        foreach (var (key, entry) in modelState)
        {
            // Model state keys are case-insensitive: an error added as "Topic" joins the entry that binding "?topic=" made.
            var matches = string.Equals(key, fullName, StringComparison.OrdinalIgnoreCase) ||
                (includeChildren && key.StartsWith(fullName + ".", StringComparison.OrdinalIgnoreCase));
            if (!matches)
            {
                continue;
            }

            foreach (var error in entry.Errors)
            {
                messages.Add(Message(error));
            }
        }

        return messages;
    }

    public static string Message(ModelError error) =>
        !string.IsNullOrEmpty(error.ErrorMessage)
            ? error.ErrorMessage
            : "The value entered is not valid";

    /// <summary>Adds ids to a space-separated attribute value (aria-describedby), without duplicates.</summary>
    public static string AppendTokens(string? existing, params string[] tokens)
    {
        var all = (existing ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        foreach (var token in tokens)
        {
            if (!string.IsNullOrEmpty(token) && !all.Contains(token, StringComparer.Ordinal))
            {
                all.Add(token);
            }
        }

        return string.Join(' ', all);
    }

    /// <summary>Adds ids to an element's aria-describedby, keeping any already there.</summary>
    public static void AddDescribedBy(TagHelperOutput output, params string[] ids)
    {
        string? existing = null;
        if (output.Attributes.TryGetAttribute("aria-describedby", out var attribute))
        {
            existing = attribute.Value switch
            {
                null => null,
                string text => HtmlEncoder.Default.Encode(text),
                IHtmlContent html => Render(html),
                var other => HtmlEncoder.Default.Encode(other.ToString() ?? ""),
            };
        }

        var encoded = ids.Select(id => HtmlEncoder.Default.Encode(id)).ToArray();
        output.Attributes.SetAttribute("aria-describedby", new HtmlString(AppendTokens(existing, encoded)));
    }

    private static string Render(IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}
