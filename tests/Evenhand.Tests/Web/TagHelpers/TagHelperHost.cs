using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Evenhand.Tests.Web.TagHelpers;

/// <summary>Runs a tag helper the way Razor does, without a view: context, output, child content, then the markup.</summary>
internal static class TagHelperHost
{
    public static ViewContext ViewContext(ModelStateDictionary? modelState = null) => new()
    {
        ViewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), modelState ?? new ModelStateDictionary()),
    };

    public static ModelExpression For<T>(string name, T value) =>
        new(name, new EmptyModelMetadataProvider().GetModelExplorerForType(typeof(T), value));

    public static ModelStateDictionary Errors(params (string Key, string Message)[] errors)
    {
        var modelState = new ModelStateDictionary();
        foreach (var (key, message) in errors)
        {
            modelState.AddModelError(key, message);
        }

        return modelState;
    }

    public static Task<string> RenderAsync(
        ITagHelper helper,
        string tagName,
        TagHelperAttributeList? attributes = null,
        string childHtml = "",
        IDictionary<object, object>? items = null) =>
        RenderAsync(helper, tagName, attributes, _ => Task.FromResult(childHtml), items);

    /// <summary>Child content produced by running other tag helpers (a list's rows) with the parent's context items.</summary>
    public static async Task<string> RenderAsync(
        ITagHelper helper,
        string tagName,
        TagHelperAttributeList? attributes,
        Func<IDictionary<object, object>, Task<string>> children,
        IDictionary<object, object>? items = null)
    {
        attributes ??= [];
        items ??= new Dictionary<object, object>();
        var context = new TagHelperContext(tagName, [.. attributes], items, Guid.NewGuid().ToString("N"));
        var output = new TagHelperOutput(tagName, attributes, async (_, _) =>
        {
            var content = new DefaultTagHelperContent();
            // Razor gives children a copy of the parent's items.
            content.SetHtmlContent(await children(new Dictionary<object, object>(items)));
            return content;
        });
        helper.Init(context);
        await helper.ProcessAsync(context, output);
        if (!output.IsContentModified)
        {
            // As Razor does: content the tag helper left alone is the element's own child content.
            output.Content.SetHtmlContent(await output.GetChildContentAsync());
        }

        return Html(output);
    }

    public static string Html(TagHelperOutput output)
    {
        using var writer = new StringWriter();
        output.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }
}
