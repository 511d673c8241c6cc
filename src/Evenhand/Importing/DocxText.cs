using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Evenhand.Importing;

/// <summary>
/// The text of a Word document (.docx): each paragraph and heading on its own line with a blank line after it; numbered and
/// bulleted list items one after another with their number ("1. ", as Word would show it) or "- "; each table row on one
/// line with its cells separated by tabs. Line breaks inside a paragraph are kept.
/// </summary>
internal static class DocxText
{
    public static string Extract(byte[] bytes, string fileName)
    {
        CheckIsWordDocument(bytes, fileName);
        WordprocessingDocument document;
        try
        {
            document = WordprocessingDocument.Open(new MemoryStream(bytes, writable: false), false);
        }
        catch (Exception e) when (e is not (ImportException or OutOfMemoryException or OperationCanceledException))
        {
            throw Damaged(fileName);
        }

        using (document)
        {
            var body = document.MainDocumentPart?.Document?.Body ?? throw Damaged(fileName);
            var numbering = new Numbering(document.MainDocumentPart.NumberingDefinitionsPart?.Numbering);
            var sb = new StringBuilder();
            foreach (var element in body.ChildElements)
            {
                Append(element, sb, numbering);
            }

            return sb.ToString().Trim('\n');
        }
    }

    // A .docx is a zip; one without word/document.xml in it is some other zip (a spreadsheet, a folder of files) renamed.
    private static void CheckIsWordDocument(byte[] bytes, string fileName)
    {
        List<string> entries;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            entries = zip.Entries.Select(e => e.FullName).ToList();
        }
        catch (InvalidDataException)
        {
            throw Damaged(fileName);
        }

        if (!entries.Any(e => e.Equals("word/document.xml", StringComparison.OrdinalIgnoreCase)))
        {
            var what = entries.Any(e => e.StartsWith("xl/", StringComparison.OrdinalIgnoreCase)) ? "an Excel workbook"
                : entries.Any(e => e.StartsWith("ppt/", StringComparison.OrdinalIgnoreCase)) ? "a PowerPoint presentation"
                : entries.Any(e => e.Equals("content.xml", StringComparison.OrdinalIgnoreCase)) ? "an OpenDocument file"
                : $"a zip of {entries.Count} other file{(entries.Count == 1 ? "" : "s")}";
            throw new ImportException(
                $"'{fileName}' is not a Word document: it is {what}, with no document text in it. Upload the report or response " +
                $"itself as {DocumentText.AcceptedInWords}.");
        }
    }

    private static ImportException Damaged(string fileName) => new(
        $"'{fileName}' could not be read as a Word document: the file is damaged or incomplete. Open it in Word to check it, " +
        "save it again (or save it as PDF) and upload that.");

    private static void Append(OpenXmlElement element, StringBuilder sb, Numbering numbering)
    {
        switch (element)
        {
            case Paragraph p:
                var text = ParagraphText(p);
                var marker = numbering.Marker(p);
                if (marker is null && text.Trim().Length == 0)
                {
                    return;
                }

                if (marker is null && sb.Length > 0 && EndsWithListItem(sb))
                {
                    sb.Append('\n'); // a blank line after a list
                }

                sb.Append(marker).Append(text.TrimEnd()).Append('\n');
                if (marker is null)
                {
                    sb.Append('\n');
                }

                break;
            case Table table:
                if (sb.Length > 0 && EndsWithListItem(sb))
                {
                    sb.Append('\n');
                }

                foreach (var row in table.Elements<TableRow>())
                {
                    var cells = row.Elements<TableCell>().Select(c =>
                        string.Join(" ", c.Elements<Paragraph>().Select(ParagraphText).Select(t => t.Replace('\n', ' ').Replace('\t', ' ').Trim()).Where(t => t.Length > 0)));
                    sb.Append(string.Join('\t', cells)).Append('\n');
                }

                sb.Append('\n');
                break;
            case SdtBlock sdt:
                foreach (var child in sdt.SdtContentBlock?.ChildElements ?? [])
                {
                    Append(child, sb, numbering);
                }

                break;
        }
    }

    private static bool EndsWithListItem(StringBuilder sb) => sb.Length > 1 && sb[^1] == '\n' && sb[^2] != '\n';

    private static string ParagraphText(Paragraph p)
    {
        var sb = new StringBuilder();
        foreach (var node in p.Descendants())
        {
            switch (node)
            {
                case Text t when t.Parent is Run:
                    sb.Append(t.Text);
                    break;
                case TabChar:
                    sb.Append('\t');
                    break;
                case Break or CarriageReturn:
                    sb.Append('\n');
                    break;
                case NoBreakHyphen:
                    sb.Append('-');
                    break;
            }
        }

        return sb.ToString();
    }

    /// <summary>Word's list numbering, counted as Word counts it: per list and level, restarting deeper levels.</summary>
    private sealed class Numbering(DocumentFormat.OpenXml.Wordprocessing.Numbering? definitions)
    {
        private readonly Dictionary<(int NumId, int Level), int> counters = [];

        public string? Marker(Paragraph p)
        {
            var props = p.ParagraphProperties?.NumberingProperties;
            if (props?.NumberingId?.Val?.Value is not { } numId || numId == 0)
            {
                return null;
            }

            var level = props.NumberingLevelReference?.Val?.Value ?? 0;
            var (format, start) = LevelFormat(numId, level);
            if (format == NumberFormatValues.Bullet)
            {
                return "- ";
            }

            var key = (numId, level);
            counters[key] = counters.TryGetValue(key, out var n) ? n + 1 : start;
            foreach (var deeper in counters.Keys.Where(k => k.NumId == numId && k.Level > level).ToList())
            {
                counters.Remove(deeper);
            }

            var value = counters[key];
            return format == NumberFormatValues.LowerLetter ? $"{(char)('a' + (value - 1) % 26)}. "
                : format == NumberFormatValues.UpperLetter ? $"{(char)('A' + (value - 1) % 26)}. "
                : $"{value}. ";
        }

        private (NumberFormatValues Format, int Start) LevelFormat(int numId, int level)
        {
            var instance = definitions?.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numId);
            var abstractId = instance?.AbstractNumId?.Val?.Value;
            var abstractNum = definitions?.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId);
            var lvl = abstractNum?.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == level);
            return (lvl?.NumberingFormat?.Val?.Value ?? NumberFormatValues.Decimal, lvl?.StartNumberingValue?.Val?.Value ?? 1);
        }
    }
}
