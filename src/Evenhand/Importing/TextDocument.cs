using System.Globalization;
using System.Text;

namespace Evenhand.Importing;

/// <summary>
/// Reads an uploaded plain-text document (a report or a PCC response) into a string, refusing files that are
/// empty, too large or not text at all. UTF-8 (with or without a byte order mark) and UTF-16 with a byte order
/// mark are decoded as such; anything else that is not valid UTF-8 is read as Windows-1252, which is what older
/// Windows tools save. Line endings are normalised to "\n".
/// </summary>
public static class TextDocument
{
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    // Share of control characters (other than tab, line feed, carriage return and form feed) above which
    // a file is taken to be binary rather than text.
    private const double MaxControlCharacterShare = 0.05;

    private const int SampleChars = 64 * 1024;

    public static string ReadFile(string path, long maxBytes = DefaultMaxBytes)
    {
        var fileName = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new ImportException($"The file '{path}' was not found.");
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan);
        return Read(stream, fileName, maxBytes);
    }

    public static string Read(Stream stream, string fileName, long maxBytes = DefaultMaxBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        fileName = string.IsNullOrWhiteSpace(fileName) ? "the document" : fileName;

        var bytes = ReadBytes(stream, fileName, maxBytes, "a report saved as plain text is usually well under 1 MB");
        return DecodeText(bytes, fileName);
    }

    /// <summary>
    /// Reads the whole upload, refusing it before reading any of it when the stream knows it is too large, and refusing
    /// an empty one. <paramref name="typicalSize"/> finishes the "too large" message with what is usual for the format.
    /// </summary>
    internal static byte[] ReadBytes(Stream stream, string fileName, long maxBytes, string typicalSize)
    {
        // When the stream knows its length, refuse an oversized file before reading any of it.
        if (TryGetRemainingLength(stream) is { } length && length > maxBytes)
        {
            throw TooLarge(fileName, length, maxBytes, typicalSize);
        }

        var bytes = ReadAtMost(stream, maxBytes + 1);
        if (bytes.Length > maxBytes)
        {
            throw TooLarge(fileName, null, maxBytes, typicalSize);
        }

        if (bytes.Length == 0)
        {
            throw new ImportException($"The file '{fileName}' is empty.");
        }

        return bytes;
    }

    /// <summary>Decodes the bytes of a text file (plain text, markdown or HTML), refusing binary content.</summary>
    internal static string DecodeText(byte[] bytes, string fileName)
    {
        var text = Decode(bytes, fileName);
        if (text.Length == 0)
        {
            throw new ImportException($"The file '{fileName}' is empty.");
        }

        if (LooksBinary(text))
        {
            throw NotText(fileName, null);
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ImportException($"The file '{fileName}' has no text in it, only spaces and blank lines.");
        }

        return text.ReplaceLineEndings("\n");
    }

    private static long? TryGetRemainingLength(Stream stream)
    {
        try
        {
            return stream.CanSeek ? Math.Max(0, stream.Length - stream.Position) : null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    // Reads until the end of the stream or until limit bytes have been read, whichever comes first.
    private static byte[] ReadAtMost(Stream stream, long limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        long total = 0;
        while (total < limit)
        {
            var wanted = (int)Math.Min(chunk.Length, limit - total);
            var read = stream.Read(chunk, 0, wanted);
            if (read == 0)
            {
                break;
            }

            buffer.Write(chunk, 0, read);
            total += read;
        }

        return buffer.ToArray();
    }

    private static string Decode(byte[] bytes, string fileName)
    {
        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return DecodeUtf8OrLegacy(span[3..]);
        }

        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            var encoding = span[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            return encoding.GetString(span[2..]);
        }

        if (KnownBinaryFormat(span) is { } format)
        {
            throw NotText(fileName, format);
        }

        // NUL bytes never occur in text saved as UTF-8 or a Windows code page.
        if (span.IndexOf((byte)0) >= 0)
        {
            throw NotText(fileName, null);
        }

        return DecodeUtf8OrLegacy(span);
    }

    private static string DecodeUtf8OrLegacy(ReadOnlySpan<byte> span)
    {
        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(span);
        }
        catch (DecoderFallbackException)
        {
            var legacy = CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1;
            return legacy.GetString(span);
        }
    }

    private static string? KnownBinaryFormat(ReadOnlySpan<byte> span) =>
        span.StartsWith("%PDF"u8) ? "a PDF document"
        : span.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]) ? "a Word document or other zip file"
        : span.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]) ? "an old-style Word or Excel document"
        : span.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) || span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "an image"
        : null;

    private static bool LooksBinary(string text)
    {
        var sample = text.AsSpan(0, Math.Min(text.Length, SampleChars));
        var control = 0;
        foreach (var c in sample)
        {
            if (c == '\0')
            {
                return true;
            }

            if ((char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f')) || c == '\uFFFD')
            {
                control++;
            }
        }

        return control > sample.Length * MaxControlCharacterShare;
    }

    private static ImportException NotText(string fileName, string? format) => new(
        $"'{fileName}' looks like a binary file{(format is null ? "" : $" ({format})")}, not a text document. " +
        "Save or export the document as PDF (.pdf), Word (.docx), a web page (.html) or plain text (.txt, UTF-8) and upload that file instead.");

    private static ImportException TooLarge(string fileName, long? length, long maxBytes, string typicalSize)
    {
        var limit = ToMegabytes(maxBytes);
        var size = length is { } l ? $"is {ToMegabytes(l)} MB, which is more than" : "is larger than";
        return new ImportException(
            $"The file '{fileName}' {size} the {limit} MB limit for a document. Check that it is the right file; " +
            $"{typicalSize}.");
    }

    private static string ToMegabytes(long bytes) =>
        (bytes / (1024d * 1024d)).ToString(bytes % (1024 * 1024) == 0 ? "0" : "0.#", CultureInfo.InvariantCulture);
}
