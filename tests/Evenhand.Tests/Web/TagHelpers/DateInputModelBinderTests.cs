using Evenhand.Web.TagHelpers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Primitives;

namespace Evenhand.Tests.Web.TagHelpers;

public class DateInputModelBinderTests
{
    [Theory]
    [InlineData("31", "3", "2025", 2025, 3, 31)]
    [InlineData("01", "04", "2026", 2026, 4, 1)]
    [InlineData(" 29 ", "2", "2024", 2024, 2, 29)]
    public void Check_RealDate_IsAccepted(string day, string month, string year, int y, int m, int d)
    {
        var error = DateInputModelBinder.Check("Deadline", day.Trim(), month, year, out var date);

        Assert.Null(error);
        Assert.Equal(new DateOnly(y, m, d), date);
    }

    [Theory]
    [InlineData("", "3", "2025", "Deadline must include a day")]
    [InlineData("31", "", "", "Deadline must include a month and a year")]
    [InlineData("31", "2", "2025", "Deadline must be a real date")]
    [InlineData("29", "2", "2025", "Deadline must be a real date")]
    [InlineData("1", "13", "2025", "Deadline must be a real date")]
    [InlineData("a", "1", "2025", "Deadline must be a real date")]
    [InlineData("-1", "1", "2025", "Deadline must be a real date")]
    [InlineData("1", "1", "25", "Year must include 4 numbers")]
    [InlineData("1", "1", "0000", "Deadline must be a real date")]
    public void Check_NotARealDate_GivesGovUkMessage(string day, string month, string year, string expected)
    {
        var error = DateInputModelBinder.Check("Deadline", day, month, year, out var date);

        Assert.Equal(expected, error);
        Assert.Null(date);
    }

    [Fact]
    public void Check_AllEmpty_IsNoDateAndNoError()
    {
        Assert.Null(DateInputModelBinder.Check("Deadline", "", "", "", out var date));
        Assert.Null(date);
    }

    private static async Task<(ModelBindingResult Result, ModelStateDictionary ModelState)> BindAsync(Dictionary<string, StringValues> form)
    {
        var context = new DefaultModelBindingContext
        {
            ModelName = "Input.Deadline",
            ModelMetadata = new EmptyModelMetadataProvider().GetMetadataForType(typeof(DateOnly?)),
            ModelState = new ModelStateDictionary(),
            ValueProvider = new FormValueProvider(BindingSource.Form, new FormCollection(form), System.Globalization.CultureInfo.InvariantCulture),
        };

        await new DateInputModelBinder().BindModelAsync(context);
        return (context.Result, context.ModelState);
    }

    [Fact]
    public async Task BindModelAsync_ThreeParts_BindsDateAndKeepsWhatWasTyped()
    {
        var (result, modelState) = await BindAsync(new()
        {
            ["Input.Deadline.Day"] = "31",
            ["Input.Deadline.Month"] = "03",
            ["Input.Deadline.Year"] = "2025",
        });

        Assert.True(result.IsModelSet);
        Assert.Equal(new DateOnly(2025, 3, 31), result.Model);
        Assert.Equal("03", modelState["Input.Deadline.Month"]!.AttemptedValue);
        Assert.Equal(0, modelState.ErrorCount);
    }

    [Fact]
    public async Task BindModelAsync_NotARealDate_AddsErrorToTheDate()
    {
        var (result, modelState) = await BindAsync(new()
        {
            ["Input.Deadline.Day"] = "30",
            ["Input.Deadline.Month"] = "2",
            ["Input.Deadline.Year"] = "2025",
        });

        Assert.False(result.IsModelSet);
        Assert.Equal("Date must be a real date", Assert.Single(modelState["Input.Deadline"]!.Errors).ErrorMessage);
    }

    [Fact]
    public async Task BindModelAsync_AllEmpty_BindsNull()
    {
        var (result, modelState) = await BindAsync(new()
        {
            ["Input.Deadline.Day"] = "",
            ["Input.Deadline.Month"] = "",
            ["Input.Deadline.Year"] = "",
        });

        Assert.True(result.IsModelSet);
        Assert.Null(result.Model);
        Assert.Equal(0, modelState.ErrorCount);
    }

    [Fact]
    public async Task BindModelAsync_NotOnTheForm_LeavesPropertyAlone()
    {
        var (result, _) = await BindAsync(new() { ["Input.Other"] = "x" });

        Assert.False(result.IsModelSet);
        Assert.Equal(default, result);
    }
}
