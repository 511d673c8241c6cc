using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Evenhand.Web.Charts;

/// <summary>
/// Bar charts drawn as inline SVG on the server. Lengths and colours are SVG attributes, not style attributes, so the pages
/// keep a content security policy without <c>'unsafe-inline'</c> styles (see SecurityHeaders). Each bar sits beside a table
/// or cell with the same figures, so the SVG is hidden from assistive technology.
/// </summary>
public static class ChartBars
{
    /// <summary>One bar, <paramref name="part"/> of <paramref name="whole"/> of the available width.</summary>
    public static IHtmlContent Bar(double part, double whole, string colour = "#1d70b8", string? cssClass = null) =>
        Stack([(part, colour)], whole, cssClass);

    /// <summary>Bars end to end (a stacked bar), the whole stack as long as the parts' sum against <paramref name="max"/>.</summary>
    public static IHtmlContent Stack(IEnumerable<(double Part, string Colour)> parts, double max, string? cssClass = null)
    {
        var svg = new StringBuilder();
        svg.Append("<svg class=\"evenhand-svg-bar").Append(cssClass is null ? "" : " " + WebUtility.HtmlEncode(cssClass))
           .Append("\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\">");
        var x = 0.0;
        foreach (var (part, colour) in parts)
        {
            if (max <= 0 || !double.IsFinite(part) || part <= 0)
            {
                continue;
            }

            // A non-zero value always shows (as the old min-width: 1px did).
            var width = Math.Max(0.3, Math.Min(100 - x, 100.0 * part / max));
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x:0.###}\" y=\"0\" width=\"{width:0.###}\" height=\"10\" fill=\"{WebUtility.HtmlEncode(colour)}\"/>");
            x += width;
        }

        return new HtmlString(svg.Append("</svg>").ToString());
    }

    /// <summary>A key's colour square, for a legend item.</summary>
    public static IHtmlContent Swatch(string colour) => new HtmlString(
        $"<svg class=\"evenhand-swatch\" aria-hidden=\"true\" focusable=\"false\" viewBox=\"0 0 10 10\"><rect x=\"0.5\" y=\"0.5\" width=\"9\" height=\"9\" fill=\"{WebUtility.HtmlEncode(colour)}\" stroke=\"#0b0c0c\"/></svg>");
}
