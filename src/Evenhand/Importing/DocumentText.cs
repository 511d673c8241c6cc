namespace Evenhand.Importing;

/// <summary>The kinds of document an upload can be.</summary>
public enum DocumentKind
{
    Text,
    Markdown,
    Pdf,
    Docx,
    Html,
}

/// <summary>
/// Reads an uploaded report or PCC response — plain text, markdown, PDF (its text layer), Word (.docx) or a web page
/// saved from a browser — into the plain text the parsers read: one paragraph or heading per line, list items with their
/// number or "- ", and each table row on one line with its cells separated by tabs. The CLI, the web import and the tests
/// all read documents through here, so a document gives the same result however it arrives.
/// Refuses, with a message for the person who uploaded it, files that are empty, too large, damaged, password-protected,
/// scanned without a text layer, or not what their name says.
/// </summary>
public static class DocumentText
{
    public const long DefaultMaxBytes = TextDocument.DefaultMaxBytes;

    /// <summary>The file name extensions an upload may have, for the "accept" attribute of a file input.</summary>
    public const string AcceptedExtensions = ".txt,.md,.pdf,.docx,.html,.htm";

    /// <summary>The accepted formats in words, for hints and messages.</summary>
    public const string AcceptedInWords = "PDF (.pdf), Word (.docx), a web page (.html) or plain text (.txt or .md)";

    public static string ReadFile(string path, long maxBytes = DefaultMaxBytes)
    {
        if (!File.Exists(path))
        {
            throw new ImportException($"The file '{path}' was not found.");
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan);
        return Read(stream, Path.GetFileName(path), maxBytes);
    }

    public static string Read(Stream stream, string fileName, long maxBytes = DefaultMaxBytes) =>
        ReadDocument(stream, fileName, maxBytes).Text;

    /// <summary>Reads a document and says which format it was read as.</summary>
    public static (string Text, DocumentKind Kind) ReadDocument(Stream stream, string fileName, long maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        fileName = string.IsNullOrWhiteSpace(fileName) ? "the document" : Path.GetFileName(fileName);
        var byName = KindFromName(fileName);
        var bytes = TextDocument.ReadBytes(stream, fileName, maxBytes, TypicalSize(byName));

        // The content decides over the name: a PDF saved as "response.txt" is still read as a PDF.
        var format = Sniff(bytes) ?? byName;
        var text = format switch
        {
            DocumentKind.Pdf => PdfText.Extract(bytes, fileName),
            DocumentKind.Docx => DocxText.Extract(bytes, fileName),
            DocumentKind.Html => HtmlText.Extract(TextDocument.DecodeText(bytes, fileName)),
            _ => TextDocument.DecodeText(bytes, fileName),
        };

        text = text.ReplaceLineEndings("\n");
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ImportException(format == DocumentKind.Html
                ? $"The web page '{fileName}' has no text in its content once navigation, headers and footers are left out."
                : $"The file '{fileName}' has no text in it, only spaces and blank lines.");
        }

        return (text, format);
    }

    public static DocumentKind KindFromName(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".pdf" => DocumentKind.Pdf,
        ".docx" => DocumentKind.Docx,
        ".html" or ".htm" or ".xhtml" => DocumentKind.Html,
        ".md" or ".markdown" => DocumentKind.Markdown,
        _ => DocumentKind.Text,
    };

    private static DocumentKind? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("%PDF"u8))
        {
            return DocumentKind.Pdf;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]))
        {
            return DocumentKind.Docx;
        }

        var head = bytes[..Math.Min(bytes.Length, 512)];
        var start = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? head[3..] : head;
        var trimmed = System.Text.Encoding.UTF8.GetString(start).TrimStart();
        return trimmed.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            ? DocumentKind.Html
            : null;
    }

    private static string TypicalSize(DocumentKind format) => format switch
    {
        DocumentKind.Pdf => "a long inspection report as PDF is usually under 5 MB; a scanned PDF can be far larger, and has no text to read",
        DocumentKind.Docx => "a Word document of a report or response is usually under 2 MB; pictures in it make it larger, so remove them or save it as PDF",
        DocumentKind.Html => "a web page saved from a browser is usually under 2 MB; save it as \"HTML only\", not \"complete\"",
        _ => "a report saved as plain text is usually well under 1 MB",
    };
}
