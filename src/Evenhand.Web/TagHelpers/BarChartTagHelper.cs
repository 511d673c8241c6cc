using Evenhand.Web.Charts;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Evenhand.Web.TagHelpers;

/// <summary>
/// <c>&lt;evenhand-bar-chart chart="@chart" /&gt;</c>: the one way pages draw a chart — an SVG figure with its title,
/// description and key, then its figures as a table (<see cref="BarChartRenderer"/>).
/// </summary>
[HtmlTargetElement("evenhand-bar-chart", TagStructure = TagStructure.WithoutEndTag)]
public sealed class BarChartTagHelper : TagHelper
{
    public BarChart? Chart { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var chart = Chart ?? throw new InvalidOperationException("<evenhand-bar-chart> needs a chart.");
        output.TagName = null;
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Content.SetHtmlContent(BarChartRenderer.Render(chart));
    }
}
