using AngleSharp.Html.Parser;
using Evenhand.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Evenhand.Tests.Web.TagHelpers;

public class GovUkErrorSummaryTagHelperTests
{
    [Fact]
    public async Task Process_NoErrors_RendersNothing()
    {
        var helper = new GovUkErrorSummaryTagHelper { ViewContext = TagHelperHost.ViewContext(new ModelStateDictionary()) };

        var html = await TagHelperHost.RenderAsync(helper, "govuk-error-summary");

        Assert.Equal("", html);
    }

    [Fact]
    public async Task Process_FieldErrors_LinksEachToItsField()
    {
        var modelState = TagHelperHost.Errors(
            ("Input.Status", "Select the progress of the recommendation"),
            ("Input.Evidence", "Enter the evidence"));
        var helper = new GovUkErrorSummaryTagHelper { ViewContext = TagHelperHost.ViewContext(modelState) };

        var html = await TagHelperHost.RenderAsync(helper, "govuk-error-summary");

        var summary = new HtmlParser().ParseDocument(html).QuerySelector("div.govuk-error-summary")!;
        Assert.Equal("govuk-error-summary", summary.GetAttribute("data-module"));
        Assert.NotNull(summary.QuerySelector("[role=alert] h2.govuk-error-summary__title"));
        Assert.Equal("There is a problem", summary.QuerySelector("h2")!.TextContent);
        var links = summary.QuerySelectorAll("ul.govuk-list.govuk-error-summary__list li a")
            .Select(a => (a.GetAttribute("href"), a.TextContent))
            .ToList();
        Assert.Contains(("#Input_Status", "Select the progress of the recommendation"), links);
        Assert.Contains(("#Input_Evidence", "Enter the evidence"), links);
        Assert.Equal(2, links.Count);
    }

    [Fact]
    public async Task Process_FormLevelError_IsListedFirstWithoutLink()
    {
        var modelState = TagHelperHost.Errors(
            ("Input.Email", "Enter an email address"),
            ("", "Email address or password is incorrect"));
        var helper = new GovUkErrorSummaryTagHelper { ViewContext = TagHelperHost.ViewContext(modelState) };

        var html = await TagHelperHost.RenderAsync(helper, "govuk-error-summary");

        var items = new HtmlParser().ParseDocument(html).QuerySelectorAll(".govuk-error-summary__list li").ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal("Email address or password is incorrect", items[0].TextContent);
        Assert.Null(items[0].QuerySelector("a"));
        Assert.Equal("#Input_Email", items[1].QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Process_MessageWithMarkup_IsEncoded()
    {
        var modelState = TagHelperHost.Errors(("Input.Title", "<script>alert(1)</script> is not allowed"));
        var helper = new GovUkErrorSummaryTagHelper { ViewContext = TagHelperHost.ViewContext(modelState), Title = "Check & correct" };

        var html = await TagHelperHost.RenderAsync(helper, "govuk-error-summary");

        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Contains("Check &amp; correct", html);
    }

    [Fact]
    public async Task Process_SameErrorTwice_IsListedOnce()
    {
        var modelState = new ModelStateDictionary();
        modelState.AddModelError("Input.Evidence", "Enter the evidence");
        modelState.AddModelError("Input.Evidence", "Enter the evidence");
        var helper = new GovUkErrorSummaryTagHelper { ViewContext = TagHelperHost.ViewContext(modelState) };

        var html = await TagHelperHost.RenderAsync(helper, "govuk-error-summary");

        Assert.Single(new HtmlParser().ParseDocument(html).QuerySelectorAll(".govuk-error-summary__list li"));
    }
}
