using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Evenhand.Web.Charts;

/// <summary>How a category's values are drawn: one bar per series side by side, or one bar with the series end to end.</summary>
public enum BarLayout
{
    Grouped,
    Stacked,
}

/// <summary>One series of a chart (an outcome, a topic): its name in the key and the table's header, and its colour.</summary>
public sealed record ChartSeries(string Name, string Colour);

/// <summary>
/// One category along the bottom of a chart (a month, a year) with one value per series, in the order of
/// <see cref="BarChart.Series"/>. <paramref name="Key"/> goes in the table row's data attribute, <paramref name="Label"/>
/// heads the table row; <paramref name="Tick"/> and <paramref name="SubTick"/> are the short labels under the bars (a month's
/// "Jan", and its year under the first month and every January).
/// </summary>
public sealed record ChartCategory(string Key, string Label, IReadOnlyList<long> Values, string? Tick = null, string? SubTick = null);

/// <summary>
/// A bar chart with its figures: what <see cref="BarChartRenderer"/> draws. <see cref="Id"/> names the chart's parts
/// (<c>{Id}-chart</c>, <c>{Id}-title</c>, <c>{Id}-desc</c>; the table is <see cref="TableId"/>, by default <c>{Id}-table</c>).
/// </summary>
public sealed class BarChart
{
    public required string Id { get; init; }

    /// <summary>What the chart shows: the SVG's accessible name, and the table's caption.</summary>
    public required string Title { get; init; }

    /// <summary>What a reader should take from it (the busiest period, say): the SVG's accessible description.</summary>
    public string? Description { get; init; }

    public BarLayout Layout { get; init; } = BarLayout.Grouped;

    public required IReadOnlyList<ChartSeries> Series { get; init; }

    public required IReadOnlyList<ChartCategory> Categories { get; init; }

    /// <summary>The header of the table's first column ("Month").</summary>
    public string CategoryHeader { get; init; } = "Category";

    /// <summary>The data attribute each table row carries with its category's key (<c>data-month="2024-01"</c>).</summary>
    public string RowAttribute { get; init; } = "data-key";

    /// <summary>Adds a total column to the table (for stacked charts, where the bar's height is the total).</summary>
    public bool TotalColumn { get; init; }

    /// <summary>The summary of the collapsed section holding the table.</summary>
    public string TableSummary { get; init; } = "The figures as a table";

    public string? TableId { get; init; }

    /// <summary>Shown instead of the chart and table when there are no categories.</summary>
    public string EmptyText { get; init; } = "There are no figures to show.";
}

/// <summary>
/// Draws a <see cref="BarChart"/> on the server as inline SVG — no script, and no style attributes, so the content security
/// policy needs no <c>'unsafe-inline'</c> — followed by a key and the same figures as a table. The SVG has a viewBox and no
/// fixed size: charts.css sets its width to 100% of its container, so it scales down to a phone's width and up to the page's.
/// It is one image to assistive technology (role img, named by its title and described by its description); the table is the
/// accessible form of every figure, and sits in a scrolling region so a wide table never widens the page.
/// </summary>
public static class BarChartRenderer
{
    /// <summary>Height of the plot area, in viewBox units; the axis labels take <see cref="AxisHeight"/> below it.</summary>
    public const int PlotHeight = 200;

    public const int AxisHeight = 36;

    /// <summary>Width left of the plot for the value labels.</summary>
    public const int LeftMargin = 44;

    /// <summary>Roughly the width the categories share, in viewBox units (each gets at least <see cref="MinCategoryWidth"/>).</summary>
    public const int PlotWidth = 640;

    public const int MinCategoryWidth = 24;

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static IHtmlContent Render(BarChart chart) => new HtmlString(ToHtml(chart));

    /// <summary>The largest value the value axis reaches: the biggest bar (a stack's total, or one series' value), at least 1.</summary>
    public static long AxisMax(BarChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var bars = chart.Layout == BarLayout.Stacked
            ? chart.Categories.Select(c => c.Values.Where(v => v > 0).Sum())
            : chart.Categories.SelectMany(c => c.Values);
        return Math.Max(1, bars.DefaultIfEmpty(0).Max());
    }

    public static string ToHtml(BarChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var id = Encode(chart.Id);
        var html = new StringBuilder();
        if (chart.Categories.Count == 0)
        {
            return html.Append(CultureInfo.InvariantCulture, $"<p class=\"govuk-body\" id=\"{id}-none\">{Encode(chart.EmptyText)}</p>").ToString();
        }

        AppendSvg(html, chart, id);
        AppendTable(html, chart);
        return html.ToString();
    }

    private static void AppendSvg(StringBuilder html, BarChart chart, string id)
    {
        var n = chart.Categories.Count;
        var series = chart.Series.Count;
        var categoryWidth = Math.Max(MinCategoryWidth, PlotWidth / n);
        var stacked = chart.Layout == BarLayout.Stacked;
        var barWidth = stacked ? Math.Max(6, categoryWidth - 4) : Math.Max(3, (categoryWidth - 6) / Math.Max(1, series));
        var width = LeftMargin + (n * categoryWidth) + 4;
        var max = AxisMax(chart);
        var description = (chart.Description is { Length: > 0 } d ? d + " " : "") + "The table below the chart gives every figure.";

        html.Append(Inv, $"<figure class=\"evenhand-chart-figure\" id=\"{id}-chart\">");
        html.Append(Inv, $"<svg class=\"evenhand-chart\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {width} {PlotHeight + AxisHeight}\" preserveAspectRatio=\"xMinYMin meet\" xmlns=\"http://www.w3.org/2000/svg\">");
        html.Append(Inv, $"<title id=\"{id}-title\">{Encode(chart.Title)}</title><desc id=\"{id}-desc\">{Encode(description)}</desc>");
        html.Append(Inv, $"<line x1=\"{LeftMargin - 4}\" y1=\"{PlotHeight}\" x2=\"{width}\" y2=\"{PlotHeight}\" stroke=\"#0b0c0c\"/>");
        Text(html, LeftMargin - 8, 12, max.ToString("N0", English), "end");
        Text(html, LeftMargin - 8, PlotHeight, "0", "end");
        for (var i = 0; i < n; i++)
        {
            var category = chart.Categories[i];
            var x0 = LeftMargin + (i * categoryWidth);
            var top = (double)PlotHeight;
            for (var s = 0; s < series && s < category.Values.Count; s++)
            {
                var h = PlotHeight * (double)category.Values[s] / max;
                if (!(h > 0))
                {
                    continue;
                }

                double x, y;
                if (stacked)
                {
                    top -= h;
                    (x, y) = (x0, top);
                }
                else
                {
                    (x, y) = (x0 + (s * barWidth), PlotHeight - h);
                }

                html.Append(Inv, $"<rect x=\"{x:0.##}\" y=\"{y:0.##}\" width=\"{barWidth}\" height=\"{h:0.##}\" fill=\"{Encode(chart.Series[s].Colour)}\"/>");
            }

            // Every label when they fit; every third when there are many categories.
            if (n <= 18 || i % 3 == 0)
            {
                var centre = x0 + ((stacked ? barWidth : categoryWidth - 6) / 2.0);
                Text(html, centre, PlotHeight + 14, category.Tick ?? category.Label, "middle");
                if (category.SubTick is { Length: > 0 } sub)
                {
                    Text(html, centre, PlotHeight + 28, sub, "middle");
                }
            }
        }

        html.Append("</svg><figcaption><ul class=\"evenhand-legend govuk-body-s\" aria-label=\"Key\">");
        foreach (var s in chart.Series)
        {
            html.Append("<li>").Append(ChartBars.Swatch(s.Colour).ToString()).Append(Encode(s.Name)).Append("</li>");
        }

        html.Append("</ul></figcaption></figure>");
    }

    private static void AppendTable(StringBuilder html, BarChart chart)
    {
        var tableId = Encode(chart.TableId ?? chart.Id + "-table");
        var title = Encode(chart.Title);
        html.Append("<details class=\"govuk-details\"><summary class=\"govuk-details__summary\"><span class=\"govuk-details__summary-text\">")
            .Append(Encode(chart.TableSummary)).Append("</span></summary><div class=\"govuk-details__text\">");
        html.Append(Inv, $"<div class=\"evenhand-table-scroll\" role=\"region\" aria-label=\"{title}\" tabindex=\"0\">");
        html.Append(Inv, $"<table class=\"govuk-table evenhand-chart-table\" id=\"{tableId}\"><caption class=\"govuk-table__caption govuk-table__caption--s\">{title}</caption>");
        html.Append("<thead class=\"govuk-table__head\"><tr class=\"govuk-table__row\">")
            .Append(Inv, $"<th scope=\"col\" class=\"govuk-table__header\">{Encode(chart.CategoryHeader)}</th>");
        foreach (var s in chart.Series)
        {
            html.Append(Inv, $"<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">{Encode(s.Name)}</th>");
        }

        if (chart.TotalColumn)
        {
            html.Append("<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Total</th>");
        }

        html.Append("</tr></thead><tbody class=\"govuk-table__body\">");
        var attribute = Encode(chart.RowAttribute);
        foreach (var c in chart.Categories)
        {
            html.Append(Inv, $"<tr class=\"govuk-table__row\" {attribute}=\"{Encode(c.Key)}\"><th scope=\"row\" class=\"govuk-table__header\">{Encode(c.Label)}</th>");
            for (var s = 0; s < chart.Series.Count; s++)
            {
                var value = s < c.Values.Count ? c.Values[s] : 0;
                html.Append(Inv, $"<td class=\"govuk-table__cell govuk-table__cell--numeric\">{value.ToString("N0", English)}</td>");
            }

            if (chart.TotalColumn)
            {
                html.Append(Inv, $"<td class=\"govuk-table__cell govuk-table__cell--numeric\">{c.Values.Sum().ToString("N0", English)}</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table></div></div></details>");
    }

    private static void Text(StringBuilder html, double x, double y, string content, string anchor) =>
        html.Append(Inv, $"<text x=\"{x:0.##}\" y=\"{y:0.##}\" text-anchor=\"{anchor}\" font-size=\"10\" fill=\"#0b0c0c\">{Encode(content)}</text>");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
