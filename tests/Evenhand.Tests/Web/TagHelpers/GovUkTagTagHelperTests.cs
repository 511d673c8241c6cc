using AngleSharp.Html.Parser;
using Evenhand.Web.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Evenhand.Tests.Web.TagHelpers;

public class GovUkTagTagHelperTests
{
    [Fact]
    public async Task Process_WithColour_RendersStrongWithColourModifier()
    {
        var html = await TagHelperHost.RenderAsync(new GovUkTagTagHelper { Colour = "green" }, "govuk-tag", childHtml: "Complete");

        var tag = new HtmlParser().ParseDocument(html).QuerySelector("strong")!;
        Assert.Equal("govuk-tag govuk-tag--green", tag.ClassName);
        Assert.Equal("Complete", tag.TextContent);
    }

    [Fact]
    public async Task Process_WithoutColour_RendersDefaultTag()
    {
        var html = await TagHelperHost.RenderAsync(new GovUkTagTagHelper(), "govuk-tag", childHtml: "Draft");

        Assert.Equal("<strong class=\"govuk-tag\">Draft</strong>", html);
    }

    [Fact]
    public async Task Process_WithOwnClass_KeepsIt()
    {
        var html = await TagHelperHost.RenderAsync(
            new GovUkTagTagHelper { Colour = "light-blue" }, "govuk-tag", [new TagHelperAttribute("class", "eh-tag--compact")], "In progress");

        var tag = new HtmlParser().ParseDocument(html).QuerySelector("strong")!;
        Assert.Equal(["eh-tag--compact", "govuk-tag", "govuk-tag--light-blue"], tag.ClassList.Order());
    }

    [Fact]
    public async Task Process_UnknownColour_IsRefused()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            TagHelperHost.RenderAsync(new GovUkTagTagHelper { Colour = "amber" }, "govuk-tag", childHtml: "x"));

        Assert.Contains("'amber' is not a GOV.UK tag colour", e.Message);
    }
}
