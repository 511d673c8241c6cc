using System.Text;
using Evenhand.Importing;
using Evenhand.Tests.Infrastructure;

namespace Evenhand.Tests.Importing;

public class TextDocumentTests
{
    private static string Read(byte[] bytes, string fileName = "x.txt", long maxBytes = TextDocument.DefaultMaxBytes) =>
        TextDocument.Read(new MemoryStream(bytes), fileName, maxBytes);

    [Fact]
    public void Read_Utf8WithByteOrderMark_DropsTheMark()
    {
        var text = Read([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Chiefs’ Council")]);

        Assert.Equal("Chiefs’ Council", text);
    }

    [Fact]
    public void Read_Utf8WithoutByteOrderMark_KeepsCurlyQuotes()
    {
        Assert.Equal("“operational independence”", Read(Encoding.UTF8.GetBytes("“operational independence”")));
    }

    [Fact]
    public void Read_InvalidUtf8_IsReadAsWindows1252()
    {
        // 0x92 is the right single quotation mark in Windows-1252 and is never valid on its own in UTF-8.
        var text = Read([.. "Chiefs"u8, 0x92, .. " Council"u8]);

        Assert.Equal("Chiefs’ Council", text);
    }

    [Fact]
    public void Read_Utf16WithByteOrderMark_IsDecoded()
    {
        var text = Read([0xFF, 0xFE, .. Encoding.Unicode.GetBytes("Recommendation 1\r\nBy 31 July 2025")]);

        Assert.Equal("Recommendation 1\nBy 31 July 2025", text);
    }

    [Fact]
    public void Read_WindowsLineEndings_BecomeLineFeeds()
    {
        Assert.Equal("a\nb\nc", Read(Encoding.UTF8.GetBytes("a\r\nb\rc")));
    }

    [Fact]
    public void ReadFile_SeedReport_ReadsIt()
    {
        var text = TextDocument.ReadFile(Seeds.PathOf(Seeds.ReportFile));

        Assert.Contains("Recommendation 22", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_MissingFile_SaysSo()
    {
        var e = Assert.Throws<ImportException>(() => TextDocument.ReadFile(Path.Combine(Seeds.Directory, "no-such-file.txt")));

        Assert.Contains("no-such-file.txt' was not found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EmptyFile_SaysItIsEmpty()
    {
        var e = Assert.Throws<ImportException>(() => Read([]));

        Assert.Equal("The file 'x.txt' is empty.", e.Message);
    }

    [Fact]
    public void Read_OnlyAByteOrderMark_SaysItIsEmpty()
    {
        var e = Assert.Throws<ImportException>(() => Read([0xEF, 0xBB, 0xBF]));

        Assert.Equal("The file 'x.txt' is empty.", e.Message);
    }

    [Fact]
    public void Read_OnlyBlankLines_SaysThereIsNoText()
    {
        var e = Assert.Throws<ImportException>(() => Read(Encoding.UTF8.GetBytes("  \n\n \t\n")));

        Assert.Contains("has no text in it", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BytesWithNul_IsRefusedAsBinary()
    {
        var e = Assert.Throws<ImportException>(() => Read([0x01, 0x00, 0x7F, 0x45, 0x4C, 0x46, 0x02], "x.bin"));

        Assert.StartsWith("'x.bin' looks like a binary file, not a text document.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ManyControlCharacters_IsRefusedAsBinary()
    {
        var bytes = Enumerable.Range(0, 1000).Select(i => (byte)(i % 3 == 0 ? 0x01 + (i % 7) : 0x41)).ToArray();

        var e = Assert.Throws<ImportException>(() => Read(bytes, "x.bin"));

        Assert.Contains("looks like a binary file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Pdf_SaysItIsAPdfAndWhatToDoInstead()
    {
        var e = Assert.Throws<ImportException>(() => Read([.. "%PDF-1.7\n"u8, 0xE2, 0xE3, 0xCF, 0xD3], "report.pdf"));

        Assert.StartsWith("'report.pdf' looks like a binary file (a PDF document), not a text document.", e.Message, StringComparison.Ordinal);
        Assert.Contains("plain text (.txt", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_StreamReportingFiftyMegabytes_IsRefusedWithoutReadingIt()
    {
        using var stream = new LazyStream(50L * 1024 * 1024, seekable: true);

        var e = Assert.Throws<ImportException>(() => TextDocument.Read(stream, "huge.txt"));

        Assert.Equal(0, stream.BytesRead);
        Assert.StartsWith("The file 'huge.txt' is 50 MB, which is more than the 10 MB limit", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnseekableStreamOfFiftyMegabytes_StopsReadingJustPastTheLimit()
    {
        using var stream = new LazyStream(50L * 1024 * 1024, seekable: false);

        var e = Assert.Throws<ImportException>(() => TextDocument.Read(stream, "huge.txt"));

        Assert.Equal(TextDocument.DefaultMaxBytes + 1, stream.BytesRead);
        Assert.StartsWith("The file 'huge.txt' is larger than the 10 MB limit", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SmallerLimit_IsReportedInMegabytes()
    {
        var e = Assert.Throws<ImportException>(() => Read(new byte[1024 * 1024], "x.txt", maxBytes: 512 * 1024));

        Assert.Equal(
            "The file 'x.txt' is 1 MB, which is more than the 0.5 MB limit for a document. Check that it is the right file; " +
            "a report saved as plain text is usually well under 1 MB.",
            e.Message);
    }

    [Fact]
    public void Read_ExactlyAtTheLimit_IsAccepted()
    {
        var bytes = Enumerable.Repeat((byte)'a', 1024).ToArray();

        Assert.Equal(1024, Read(bytes, maxBytes: 1024).Length);
    }

    /// <summary>A stream of a given length of text bytes ("aaaa…") made up as it is read, counting what was read.</summary>
    private sealed class LazyStream(long length, bool seekable) : Stream
    {
        private long position;

        public long BytesRead { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => seekable;
        public override bool CanWrite => false;
        public override long Length => seekable ? length : throw new NotSupportedException();

        public override long Position
        {
            get => seekable ? position : throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - position);
            buffer.AsSpan(offset, n).Fill((byte)'a');
            position += n;
            BytesRead += n;
            return n;
        }

        public override void Flush() { }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
