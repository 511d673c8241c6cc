using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Evenhand.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Evenhand.Tests.Web.TagHelpers;

public class DateInputTagHelperTests
{
    private static async Task<IDocument> RenderAsync(DateOnly? value, ModelStateDictionary? modelState = null, string? hint = null)
    {
        var helper = new DateInputTagHelper
        {
            For = TagHelperHost.For("Input.Deadline", value),
            Legend = "When is the deadline?",
            Hint = hint,
            ViewContext = TagHelperHost.ViewContext(modelState),
        };
        var html = await TagHelperHost.RenderAsync(helper, "govuk-date-input");
        return new HtmlParser().ParseDocument(html);
    }

    [Fact]
    public async Task Process_Value_RendersFieldsetWithThreeLabelledInputs()
    {
        var document = await RenderAsync(new DateOnly(2025, 3, 31));

        var group = document.QuerySelector("div.govuk-form-group")!;
        Assert.DoesNotContain("govuk-form-group--error", group.ClassList);
        var fieldset = group.QuerySelector("fieldset.govuk-fieldset[role=group]")!;
        Assert.Null(fieldset.GetAttribute("aria-describedby"));
        Assert.Equal("When is the deadline?", fieldset.QuerySelector("legend.govuk-fieldset__legend")!.TextContent);

        var inputs = fieldset.QuerySelectorAll(".govuk-date-input input").ToList();
        Assert.Equal(["Input.Deadline.Day", "Input.Deadline.Month", "Input.Deadline.Year"], inputs.Select(i => i.GetAttribute("name")));
        Assert.Equal(["31", "3", "2025"], inputs.Select(i => i.GetAttribute("value")));
        Assert.All(inputs, i => Assert.Equal("numeric", i.GetAttribute("inputmode")));
        Assert.Equal("Input_Deadline", inputs[0].Id);
        foreach (var input in inputs)
        {
            var label = fieldset.QuerySelector($"label[for='{input.Id}']");
            Assert.NotNull(label);
        }

        Assert.Equal(["Day", "Month", "Year"], fieldset.QuerySelectorAll("label").Select(l => l.TextContent));
        Assert.Contains("govuk-input--width-4", inputs[2].ClassList);
    }

    [Fact]
    public async Task Process_NoValue_RendersEmptyInputs()
    {
        var document = await RenderAsync(null);

        Assert.All(document.QuerySelectorAll("input"), i => Assert.Equal("", i.GetAttribute("value")));
    }

    [Fact]
    public async Task Process_Error_ShowsMessage_DescribesFieldset_AndRedisplaysWhatWasTyped()
    {
        var modelState = new ModelStateDictionary();
        modelState.SetModelValue("Input.Deadline.Day", "31", "31");
        modelState.SetModelValue("Input.Deadline.Month", "2", "2");
        modelState.SetModelValue("Input.Deadline.Year", "2025", "2025");
        modelState.AddModelError("Input.Deadline", "Deadline must be a real date");

        var document = await RenderAsync(null, modelState, hint: "For example, 31 3 2026");

        Assert.Contains("govuk-form-group--error", document.QuerySelector("div.govuk-form-group")!.ClassList);
        var fieldset = document.QuerySelector("fieldset")!;
        Assert.Equal("Input_Deadline-hint Input_Deadline-error", fieldset.GetAttribute("aria-describedby"));
        Assert.Equal("For example, 31 3 2026", document.GetElementById("Input_Deadline-hint")!.TextContent);
        Assert.Equal("Error: Deadline must be a real date", document.GetElementById("Input_Deadline-error")!.TextContent);
        var inputs = document.QuerySelectorAll(".govuk-date-input input").ToList();
        Assert.Equal(["31", "2", "2025"], inputs.Select(i => i.GetAttribute("value")));
        Assert.All(inputs, i => Assert.Contains("govuk-input--error", i.ClassList));
    }

    [Fact]
    public async Task Process_LegendIsPageHeading_WrapsHeading()
    {
        var helper = new DateInputTagHelper
        {
            For = TagHelperHost.For("Input.Deadline", (DateOnly?)null),
            Legend = "Deadline",
            LegendIsPageHeading = true,
            LegendClass = "govuk-fieldset__legend--l",
            ViewContext = TagHelperHost.ViewContext(),
        };

        var document = new HtmlParser().ParseDocument(await TagHelperHost.RenderAsync(helper, "govuk-date-input"));

        var legend = document.QuerySelector("legend")!;
        Assert.Contains("govuk-fieldset__legend--l", legend.ClassList);
        Assert.Equal("Deadline", legend.QuerySelector("h1.govuk-fieldset__heading")!.TextContent);
    }
}
