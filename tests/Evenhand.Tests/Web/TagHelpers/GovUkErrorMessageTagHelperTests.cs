using AngleSharp.Html.Parser;
using Evenhand.Web.TagHelpers;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Evenhand.Tests.Web.TagHelpers;

public class GovUkErrorMessageTagHelperTests
{
    [Fact]
    public async Task Process_FieldHasError_RendersMessageWithErrorId()
    {
        var helper = new GovUkErrorMessageTagHelper
        {
            For = TagHelperHost.For("Input.Evidence", ""),
            ViewContext = TagHelperHost.ViewContext(TagHelperHost.Errors(("Input.Evidence", "Enter the evidence"))),
        };

        var html = await TagHelperHost.RenderAsync(helper, "govuk-error-message");

        var message = new HtmlParser().ParseDocument(html).QuerySelector("p")!;
        Assert.Equal("Input_Evidence-error", message.Id);
        Assert.Equal("govuk-error-message", message.ClassName);
        Assert.Equal("Error:", message.QuerySelector("span.govuk-visually-hidden")!.TextContent);
        Assert.Equal("Error: Enter the evidence", message.TextContent);
    }

    [Fact]
    public async Task Process_OtherFieldHasError_RendersNothing()
    {
        var helper = new GovUkErrorMessageTagHelper
        {
            For = TagHelperHost.For("Input.Evidence", ""),
            ViewContext = TagHelperHost.ViewContext(TagHelperHost.Errors(("Input.Status", "Select a status"))),
        };

        Assert.Equal("", await TagHelperHost.RenderAsync(helper, "govuk-error-message"));
    }

    [Theory]
    [InlineData("input", "text", "govuk-input--error")]
    [InlineData("input", "file", "govuk-file-upload--error")]
    [InlineData("textarea", null, "govuk-textarea--error")]
    [InlineData("select", null, "govuk-select--error")]
    public async Task FieldErrorState_FieldHasError_AddsErrorClassAndDescribedBy(string element, string? type, string errorClass)
    {
        var helper = new GovUkFieldErrorStateTagHelper
        {
            For = TagHelperHost.For("Input.Evidence", ""),
            ViewContext = TagHelperHost.ViewContext(TagHelperHost.Errors(("Input.Evidence", "Enter the evidence"))),
        };
        TagHelperAttributeList attributes = [new("class", "govuk-input"), new("aria-describedby", "Input_Evidence-hint")];
        if (type is not null)
        {
            attributes.Add(new TagHelperAttribute("type", type));
        }

        var html = await TagHelperHost.RenderAsync(helper, element, attributes);

        var field = new HtmlParser().ParseDocument(html).QuerySelector(element)!;
        Assert.Contains(errorClass, field.ClassList);
        Assert.Contains("govuk-input", field.ClassList);
        Assert.Equal("Input_Evidence-hint Input_Evidence-error", field.GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task FieldErrorState_DescribedByAlreadyNamesError_IsNotRepeated()
    {
        var helper = new GovUkFieldErrorStateTagHelper
        {
            For = TagHelperHost.For("Input.Evidence", ""),
            ViewContext = TagHelperHost.ViewContext(TagHelperHost.Errors(("Input.Evidence", "Enter the evidence"))),
        };

        var html = await TagHelperHost.RenderAsync(helper, "textarea", [new("aria-describedby", "Input_Evidence-error")]);

        Assert.Equal("Input_Evidence-error", new HtmlParser().ParseDocument(html).QuerySelector("textarea")!.GetAttribute("aria-describedby"));
    }

    [Theory]
    [InlineData("radio")]
    [InlineData("checkbox")]
    [InlineData("hidden")]
    public async Task FieldErrorState_NotATextField_IsLeftAlone(string type)
    {
        var helper = new GovUkFieldErrorStateTagHelper
        {
            For = TagHelperHost.For("Input.Status", ""),
            ViewContext = TagHelperHost.ViewContext(TagHelperHost.Errors(("Input.Status", "Select a status"))),
        };

        var html = await TagHelperHost.RenderAsync(helper, "input", [new("type", type), new("class", "govuk-radios__input")]);

        Assert.DoesNotContain("error", html);
    }

    [Fact]
    public async Task FieldErrorState_FilterNamedByItsModelStateKey_IsMarked_AndAnUnnamedOneIsNot()
    {
        // A list filter sent as ?force= whose error is recorded under its property's name, written in any case.
        var errors = TagHelperHost.Errors(("filterForce", "Choose a force from the list"));
        var named = new GovUkFieldErrorStateTagHelper { ErrorFor = "FilterForce", ViewContext = TagHelperHost.ViewContext(errors) };
        var unnamed = new GovUkFieldErrorStateTagHelper { ViewContext = TagHelperHost.ViewContext(TagHelperHost.Errors(("", "Something went wrong"))) };

        var marked = new HtmlParser().ParseDocument(await TagHelperHost.RenderAsync(named, "select", [new("class", "govuk-select"), new("name", "force")])).QuerySelector("select")!;
        var plain = await TagHelperHost.RenderAsync(unnamed, "select", [new("class", "govuk-select")]);

        Assert.Contains("govuk-select--error", marked.ClassList);
        Assert.Equal("FilterForce-error", marked.GetAttribute("aria-describedby"));
        Assert.Equal("<select class=\"govuk-select\"></select>", plain);
    }

    [Fact]
    public async Task FieldErrorState_NoError_IsLeftAlone()
    {
        var helper = new GovUkFieldErrorStateTagHelper
        {
            For = TagHelperHost.For("Input.Evidence", ""),
            ViewContext = TagHelperHost.ViewContext(new ModelStateDictionary()),
        };

        var html = await TagHelperHost.RenderAsync(helper, "textarea", [new("class", "govuk-textarea")]);

        Assert.Equal("<textarea class=\"govuk-textarea\"></textarea>", html);
    }

    [Fact]
    public async Task FormGroup_FieldHasError_AddsErrorModifier()
    {
        var withError = new GovUkFormGroupTagHelper
        {
            For = TagHelperHost.For("Input.Evidence", ""),
            ViewContext = TagHelperHost.ViewContext(TagHelperHost.Errors(("Input.Evidence", "Enter the evidence"))),
        };
        var withoutError = new GovUkFormGroupTagHelper
        {
            For = TagHelperHost.For("Input.Evidence", ""),
            ViewContext = TagHelperHost.ViewContext(),
        };

        Assert.Equal(
            "<div class=\"govuk-form-group govuk-form-group--error\">x</div>",
            await TagHelperHost.RenderAsync(withError, "govuk-form-group", childHtml: "x"));
        Assert.Equal(
            "<div class=\"govuk-form-group\">x</div>",
            await TagHelperHost.RenderAsync(withoutError, "govuk-form-group", childHtml: "x"));
    }
}
