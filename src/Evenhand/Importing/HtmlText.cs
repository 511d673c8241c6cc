using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Evenhand.Importing;

/// <summary>
/// The readable text of a web page saved from a browser: its main content (the &lt;main&gt; element when there is one),
/// without navigation, site header and footer, scripts, styles or forms. Headings and paragraphs become lines; list items
/// keep their number or "- "; each table row becomes one line with its cells separated by tabs.
/// </summary>
internal static class HtmlText
{
    private static readonly string[] Boilerplate =
        ["nav", "header", "footer", "script", "style", "noscript", "template", "form", "aside", "svg", "button", "iframe", "object",
         "[role=navigation]", "[role=banner]", "[role=contentinfo]", "[role=search]", "[hidden]", ".govuk-skip-link", ".skip-link"];

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "div", "section", "article", "main", "body", "thead", "tbody", "tfoot", "dl", "dt", "dd", "figure", "figcaption", "caption",
        "address", "hr",
    };

    public static string Extract(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var root = document.QuerySelector("main") ?? document.QuerySelector("[role=main]") ?? document.Body ?? document.DocumentElement;
        foreach (var element in root.QuerySelectorAll(string.Join(",", Boilerplate)).ToList())
        {
            element.Remove();
        }

        var sb = new StringBuilder();
        Walk(root, sb);
        var lines = sb.ToString().Split('\n').Select(l => l.Trim(' ')).ToList();

        // No more than one blank line in a row, none at the start or end.
        var result = new StringBuilder();
        var blank = true;
        foreach (var line in lines)
        {
            if (line.Trim().Length == 0)
            {
                if (!blank)
                {
                    result.Append('\n');
                }

                blank = true;
                continue;
            }

            result.Append(line).Append('\n');
            blank = false;
        }

        return result.ToString().Trim('\n');
    }

    private static void Walk(INode node, StringBuilder sb)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    AppendInline(sb, text.Data);
                    break;
                case IElement e when e.LocalName == "br":
                    sb.Append('\n');
                    break;
                case IElement e when e.LocalName == "tr":
                    NewLine(sb);
                    var cells = e.Children.Where(c => c.LocalName is "td" or "th")
                        .Select(c => Normalise(CellText(c)));
                    sb.Append(string.Join('\t', cells)).Append('\n');
                    break;
                case IElement e when e.LocalName == "li":
                    NewLine(sb);
                    sb.Append(ItemMarker(e));
                    Walk(e, sb);
                    sb.Append('\n');
                    break;
                case IElement e when e.LocalName is "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "p" or "table" or "ul" or "ol" or "blockquote" or "pre":
                    // Paragraphs, headings, tables and lists are separated by a blank line, as in a document saved as text;
                    // list items and table rows inside them are not.
                    NewLine(sb);
                    Walk(e, sb);
                    NewLine(sb);
                    sb.Append('\n');
                    break;
                case IElement e when Blocks.Contains(e.LocalName):
                    NewLine(sb);
                    Walk(e, sb);
                    NewLine(sb);
                    break;
                case IElement e:
                    Walk(e, sb);
                    break;
            }
        }
    }

    private static string CellText(IElement cell)
    {
        var sb = new StringBuilder();
        Walk(cell, sb);
        return sb.ToString();
    }

    private static string ItemMarker(IElement li)
    {
        if (li.ParentElement is { LocalName: "ol" } ol)
        {
            var start = int.TryParse(ol.GetAttribute("start"), out var s) ? s : 1;
            var index = ol.Children.Where(c => c.LocalName == "li").ToList().IndexOf(li);
            return $"{start + index}. ";
        }

        return "- ";
    }

    // Runs of white space inside a block are one space, as a browser shows them.
    private static void AppendInline(StringBuilder sb, string data)
    {
        var collapsed = Normalise(data, keepEdges: true);
        if (collapsed.Length == 0)
        {
            return;
        }

        if (collapsed == " " && (sb.Length == 0 || sb[^1] is ' ' or '\n' or '\t'))
        {
            return;
        }

        sb.Append(collapsed);
    }

    private static string Normalise(string s, bool keepEdges = false)
    {
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c) && c != '\u00A0')
            {
                space = true;
                continue;
            }

            if (space && (keepEdges || sb.Length > 0))
            {
                sb.Append(' ');
            }

            space = false;
            sb.Append(c);
        }

        if (space && keepEdges)
        {
            sb.Append(' ');
        }

        return sb.ToString();
    }

    private static void NewLine(StringBuilder sb)
    {
        if (sb.Length > 0 && sb[^1] != '\n')
        {
            sb.Append('\n');
        }
    }
}
