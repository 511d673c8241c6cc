using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Evenhand.Web.Charts;
using Evenhand.Web.TagHelpers;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Evenhand.Tests.Web.TagHelpers;

/// <summary>
/// The one chart component (issue 14): every chart in the product is drawn by <see cref="BarChartRenderer"/> (through
/// <c>&lt;evenhand-bar-chart&gt;</c>), so its structure, scaling, accessible name and table are tested here once.
/// </summary>
public sealed class BarChartTests
{
    private static readonly ChartSeries[] Outcomes = [new("Hate crime", "#d4351c"), new("NCHI", "#1d70b8")];

    private static BarChart Chart(BarLayout layout, params ChartCategory[] categories) => new()
    {
        Id = "month",
        Title = "Incidents each month <by outcome>",
        Description = "Most in March.",
        Layout = layout,
        Series = Outcomes,
        Categories = categories,
        CategoryHeader = "Month",
        RowAttribute = "data-month",
        TotalColumn = true,
    };

    private static readonly ChartCategory[] ThreeMonths =
    [
        new("2024-01", "January 2024", [2, 1], "Jan", "2024"),
        new("2024-02", "February 2024", [0, 0], "Feb"),
        new("2024-03", "March 2024", [3, 1_497], "Mar"),
    ];

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument("<!DOCTYPE html><body>" + html + "</body>");

    private static double Attr(IElement e, string name) => double.Parse(e.GetAttribute(name)!, CultureInfo.InvariantCulture);

    [Fact]
    public void Chart_IsOneNamedAndDescribedImage_WithItsKey()
    {
        var page = Parse(BarChartRenderer.ToHtml(Chart(BarLayout.Stacked, ThreeMonths)));

        var svg = page.QuerySelector("figure#month-chart > svg")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("month-title month-desc", svg.GetAttribute("aria-labelledby"));
        // The title is encoded, not markup.
        Assert.Equal("Incidents each month <by outcome>", page.GetElementById("month-title")!.TextContent);
        Assert.Equal("Most in March. The table below the chart gives every figure.", page.GetElementById("month-desc")!.TextContent);
        Assert.Equal(["Hate crime", "NCHI"], page.QuerySelectorAll("figcaption li").Select(li => li.TextContent));
    }

    [Fact]
    public void Chart_ScalesThroughItsViewBox_WithNoFixedSizeOrStyle()
    {
        var html = BarChartRenderer.ToHtml(Chart(BarLayout.Stacked, ThreeMonths));
        var svg = Parse(html).QuerySelector("svg.evenhand-chart")!;

        var box = svg.GetAttribute("viewBox")!.Split(' ').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal([0, 0], box[..2]);
        Assert.Equal(BarChartRenderer.LeftMargin + (3 * (BarChartRenderer.PlotWidth / 3)) + 4, box[2]);
        Assert.Equal(BarChartRenderer.PlotHeight + BarChartRenderer.AxisHeight, box[3]);
        Assert.Null(svg.GetAttribute("width"));
        Assert.Null(svg.GetAttribute("height"));
        // The content security policy allows no style attributes.
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
    }

    [Fact]
    public void StackedBars_SitOnEachOther_AndTheTallestReachesTheTop()
    {
        var page = Parse(BarChartRenderer.ToHtml(Chart(BarLayout.Stacked, ThreeMonths)));
        var rects = page.QuerySelectorAll("svg.evenhand-chart rect").ToList();

        // January's two parts and March's two; February's zeros draw nothing.
        Assert.Equal(4, rects.Count);
        Assert.Equal(1_500, BarChartRenderer.AxisMax(Chart(BarLayout.Stacked, ThreeMonths)));
        var (marchHateCrime, marchNchi) = (rects[2], rects[3]);
        Assert.Equal(Attr(marchHateCrime, "x"), Attr(marchNchi, "x"));
        Assert.Equal(BarChartRenderer.PlotHeight, Attr(marchHateCrime, "y") + Attr(marchHateCrime, "height"), 1);
        Assert.Equal(Attr(marchHateCrime, "y"), Attr(marchNchi, "y") + Attr(marchNchi, "height"), 1);
        Assert.Equal(0, Attr(marchNchi, "y"), 1);
        Assert.Equal("#1d70b8", marchNchi.GetAttribute("fill"));
        // The value axis is labelled with the largest stack.
        Assert.Contains(page.QuerySelectorAll("svg.evenhand-chart text"), t => t.TextContent == "1,500");
    }

    [Fact]
    public void GroupedBars_StandSideBySide_ScaledToTheLargestValue()
    {
        var chart = Chart(BarLayout.Grouped, ThreeMonths);
        var rects = Parse(BarChartRenderer.ToHtml(chart)).QuerySelectorAll("svg.evenhand-chart rect").ToList();

        Assert.Equal(1_497, BarChartRenderer.AxisMax(chart));
        var (marchHateCrime, marchNchi) = (rects[2], rects[3]);
        Assert.Equal(Attr(marchHateCrime, "x") + Attr(marchHateCrime, "width"), Attr(marchNchi, "x"));
        Assert.Equal(BarChartRenderer.PlotHeight, Attr(marchNchi, "height"), 1);
        Assert.Equal(BarChartRenderer.PlotHeight * 3.0 / 1_497, Attr(marchHateCrime, "height"), 1);
    }

    [Fact]
    public void Table_GivesEveryFigure_InAKeyboardScrollableRegion()
    {
        var page = Parse(BarChartRenderer.ToHtml(Chart(BarLayout.Stacked, ThreeMonths)));

        var region = page.QuerySelector("details .evenhand-table-scroll")!;
        Assert.Equal("region", region.GetAttribute("role"));
        Assert.Equal("0", region.GetAttribute("tabindex"));
        Assert.Equal("Incidents each month <by outcome>", region.GetAttribute("aria-label"));
        var table = region.QuerySelector("table#month-table")!;
        Assert.Equal("Incidents each month <by outcome>", table.QuerySelector("caption")!.TextContent);
        Assert.Equal(["Month", "Hate crime", "NCHI", "Total"], table.QuerySelectorAll("thead th").Select(th => th.TextContent));
        string Row(string month) => string.Join(" | ", table.QuerySelector($"tr[data-month='{month}']")!.QuerySelectorAll("th, td").Select(c => c.TextContent));
        Assert.Equal("January 2024 | 2 | 1 | 3", Row("2024-01"));
        Assert.Equal("February 2024 | 0 | 0 | 0", Row("2024-02"));
        Assert.Equal("March 2024 | 3 | 1,497 | 1,500", Row("2024-03"));
    }

    [Fact]
    public void ManyCategories_LabelEveryThird_AndTheYearUnderItsFirstMonth()
    {
        var months = Enumerable.Range(0, 24).Select(i => new DateTime(2023, 1, 1).AddMonths(i))
            .Select((m, i) => new ChartCategory(m.ToString("yyyy-MM", CultureInfo.InvariantCulture), m.ToString("MMMM yyyy", CultureInfo.InvariantCulture), [i, 1],
                m.ToString("MMM", CultureInfo.InvariantCulture), i == 0 || m.Month == 1 ? m.Year.ToString(CultureInfo.InvariantCulture) : null))
            .ToArray();
        var page = Parse(BarChartRenderer.ToHtml(Chart(BarLayout.Stacked, months)));

        var labels = page.QuerySelectorAll("svg.evenhand-chart text").Select(t => t.TextContent).ToList();
        Assert.Equal(["Jan", "Apr", "Jul", "Oct"], labels.Where(l => l.Length == 3).Distinct());
        Assert.Equal(["2023", "2024"], labels.Where(l => l is "2023" or "2024"));
        // Each category still gets its minimum width, so the chart is wider, not its bars thinner.
        Assert.Equal(24, page.QuerySelectorAll("tbody tr").Length);
    }

    [Fact]
    public void NoCategories_SayWhy_InsteadOfAnEmptyChart()
    {
        var html = BarChartRenderer.ToHtml(Chart(BarLayout.Grouped));
        var page = Parse(html);

        Assert.Null(page.QuerySelector("svg"));
        Assert.Null(page.QuerySelector("table"));
        Assert.Equal("There are no figures to show.", page.GetElementById("month-none")!.TextContent);
    }

    [Fact]
    public async Task TagHelper_WritesTheChartInPlaceOfItsElement()
    {
        var html = await TagHelperHost.RenderAsync(new BarChartTagHelper { Chart = Chart(BarLayout.Stacked, ThreeMonths) }, "evenhand-bar-chart");

        Assert.StartsWith("<figure class=\"evenhand-chart-figure\" id=\"month-chart\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("evenhand-bar-chart", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GovUkTables_ScrollInALabelledRegion_UnlessAlreadyWrapped()
    {
        var table = await TagHelperHost.RenderAsync(new TableScrollTagHelper(), "table", [new("class", "govuk-table"), new("id", "t")],
            "<caption class=\"govuk-table__caption\">Posts <span>by</span> &amp; year</caption><tbody></tbody>");
        var region = Parse(table).QuerySelector("div.evenhand-table-scroll")!;
        Assert.Equal("region", region.GetAttribute("role"));
        Assert.Equal("0", region.GetAttribute("tabindex"));
        Assert.Equal("Posts by & year", region.GetAttribute("aria-label"));
        Assert.NotNull(region.QuerySelector("table#t > caption"));

        // Inside a wrapper the view wrote itself, or not a GOV.UK table: left as it is.
        var items = new Dictionary<object, object>();
        await TagHelperHost.RenderAsync(new TableScrollTagHelper(), "div", [new("class", "evenhand-table-scroll")], "", items);
        var inner = await TagHelperHost.RenderAsync(new TableScrollTagHelper(), "table", [new("class", "govuk-table")], "<tbody></tbody>", items);
        Assert.DoesNotContain("evenhand-table-scroll", inner, StringComparison.Ordinal);
        var other = await TagHelperHost.RenderAsync(new TableScrollTagHelper(), "table", [new("class", "evenhand-layout")], "<tbody></tbody>");
        Assert.DoesNotContain("evenhand-table-scroll", other, StringComparison.Ordinal);
    }
}
