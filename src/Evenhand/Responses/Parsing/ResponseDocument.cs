using System.Text.RegularExpressions;
using Evenhand.Inspections.Parsing;

namespace Evenhand.Responses.Parsing;

internal enum BlockKind
{
    Paragraph,
    Bullet,
    Heading,
    Cell,
}

/// <summary>A paragraph, bullet point, heading or table cell of a response document.</summary>
/// <param name="Line">1-based line the block starts on, for messages.</param>
/// <param name="Cell">For table cells: the column, from 0; otherwise -1.</param>
/// <param name="Major">For headings: a markdown heading or one in capitals, which ends whatever came before.</param>
/// <param name="HeaderRow">For table cells: the cell is in a table's header row.</param>
internal sealed record Block(BlockKind Kind, string Text, int Line, int Cell = -1, bool Major = false, bool HeaderRow = false);

/// <summary>
/// Splits a response document into blocks. Lines that belong together (a paragraph wrapped over several lines)
/// are joined; bullet points, headings and table cells (tab-separated or markdown "| … |" rows) stand alone.
/// </summary>
internal static partial class ResponseDocument
{
    public static List<Block> Split(string text)
    {
        var raw = text.ReplaceLineEndings("\n").Split('\n');
        var blocks = new List<Block>();
        Block? open = null; // the paragraph or bullet point that the next line may continue
        var openLines = 0;

        void Close()
        {
            if (open is not null)
            {
                blocks.Add(openLines == 1 && open.Kind == BlockKind.Paragraph && IsHeading(open.Text) ? open with { Kind = BlockKind.Heading, Major = IsAllCaps(open.Text) } : open);
            }

            open = null;
            openLines = 0;
        }

        for (var i = 0; i < raw.Length; i++)
        {
            var markdownHeading = MarkdownHeading().IsMatch(raw[i]);
            var line = MarkupText.CleanLine(MarkdownHeading().Replace(raw[i], "")).Trim();
            if (line.Length == 0)
            {
                Close();
                continue;
            }

            if (markdownHeading)
            {
                Close();
                blocks.Add(new Block(BlockKind.Heading, line, i + 1, Major: true));
                continue;
            }

            if (line.StartsWith('|') || raw[i].Contains('\t'))
            {
                Close();
                var cells = line.StartsWith('|') ? line.Trim('|').Split('|') : raw[i].Split('\t');
                if (cells.All(c => TableRule().IsMatch(c.Trim())))
                {
                    MarkHeaderRow(blocks);
                    continue;
                }

                for (var c = 0; c < cells.Length; c++)
                {
                    blocks.Add(new Block(BlockKind.Cell, MarkupText.CleanLine(cells[c]).Trim(), i + 1, c));
                }

                continue;
            }

            if (MarkupText.IsBullet(line, out var item))
            {
                Close();
                open = new Block(BlockKind.Bullet, item, i + 1);
                openLines = 1;
                continue;
            }

            // "Response from: … Constabulary" or "For office use only" never continues a paragraph, even where a page break
            // in a PDF has swallowed the blank line before it.
            if (open is not null && StandsAlone().IsMatch(line))
            {
                Close();
            }

            if (open is null)
            {
                open = new Block(BlockKind.Paragraph, line, i + 1);
                openLines = 1;
            }
            else
            {
                open = open with { Text = open.Text + " " + line };
                openLines++;
            }
        }

        Close();
        return blocks;
    }

    // A markdown table's separator row ("|---|---|") follows its header row.
    private static void MarkHeaderRow(List<Block> blocks)
    {
        for (var k = blocks.Count - 1; k >= 0 && blocks[k].Kind == BlockKind.Cell; k--)
        {
            blocks[k] = blocks[k] with { HeaderRow = true };
            if (blocks[k].Cell == 0)
            {
                break;
            }
        }
    }

    /// <summary>A line that starts with a recommendation's number ("Recommendation 9:", "Rec. 10 —").</summary>
    public static bool IsNumberedRecommendation(string line) => NumberedRecommendation().IsMatch(line);

    /// <summary>
    /// A line on its own, short, not ending like a sentence: "Recommendations:", "FORCE RESPONSE TO RECOMMENDATIONS".
    /// A label followed by content ("OPCC response: Agreed") is not a heading.
    /// </summary>
    private static bool IsHeading(string line)
    {
        if (NumberedRecommendation().IsMatch(line))
        {
            return false; // "Recommendation 9:" starts an answer; the walker reads it as a number
        }

        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0 && colon < line.Length - 1 && !LabelledHeading().IsMatch(line))
        {
            return false;
        }

        return words <= 15 && !".;!?,\"'\u201D\u2019".Contains(line[^1], StringComparison.Ordinal);
    }

    private static bool IsAllCaps(string line) =>
        line.Count(char.IsLetter) >= 6 && !line.Any(char.IsLower);

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+")]
    private static partial Regex MarkdownHeading();

    [GeneratedRegex(@"^\W*(?:Recommendations?|RECOMMENDATIONS?|Recs?\.?)\s*(?:No\.?\s*)?\d")]
    private static partial Regex NumberedRecommendation();

    [GeneratedRegex(@"^(?:(?:Response|Responses|Comments?|Update)\s+(?:from|by)\s*:|(?:Yours\s+(?:sincerely|faithfully)|Kind\s+regards)\b|For\s+office\s+use\b)", RegexOptions.IgnoreCase)]
    private static partial Regex StandsAlone();

    [GeneratedRegex(@"^:?-{3,}:?$")]
    private static partial Regex TableRule();

    // "Response from: Hampshire and Isle of Wight Constabulary" is still a heading.
    [GeneratedRegex(@"^(?:Response|Responses|Comments?|Update)\s+(?:from|by)\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex LabelledHeading();
}
