using System.Globalization;
using System.Text;
using CsvHelper;
using Evenhand.Web.Infrastructure;

namespace Evenhand.Tests.Web;

/// <summary>Every CSV download goes through <see cref="Csv"/>: text a spreadsheet would run as a formula must arrive as text.</summary>
public sealed class CsvTests
{
    private sealed record Row(string Text, double Number);

    [Theory]
    [InlineData("=HYPERLINK(\"https://example.org\",\"Click\")")]
    [InlineData("+44 20 7946 0000")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1:A9)")]
    [InlineData("\t=1+1")]
    public void Write_TextStartingLikeAFormula_IsPrefixedWithAnApostrophe(string text)
    {
        var cells = ReadBack(Csv.Write([new Row(text, 1)]));

        Assert.Equal("'" + text, cells[0]);
    }

    [Theory]
    [InlineData("plain words", "plain words")]
    [InlineData("a = b", "a = b")]
    [InlineData("-1.5", "-1.5")]
    [InlineData("+7", "+7")]
    public void Write_OrdinaryTextAndNumbers_AreUnchanged(string text, string expected)
    {
        Assert.Equal(expected, ReadBack(Csv.Write([new Row(text, -0.25)]))[0]);
        Assert.Equal("-0.25", ReadBack(Csv.Write([new Row(text, -0.25)]))[1]);
    }

    [Fact]
    public async Task StreamAsync_EscapesTheSameWay()
    {
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        using var body = new MemoryStream();
        http.Response.Body = body;

        await Csv.StreamAsync(http.Response, "posts.csv", Rows(), r => r, CancellationToken.None);

        var cells = ReadBack(body.ToArray());
        Assert.Equal("'=1+1", cells[0]);
        Assert.Equal("-3", cells[1]);

        static async IAsyncEnumerable<Row> Rows()
        {
            await Task.Yield();
            yield return new Row("=1+1", -3);
        }
    }

    /// <summary>The first data row's cells, as a CSV reader (or a spreadsheet's import) sees them.</summary>
    private static string[] ReadBack(byte[] bytes)
    {
        using var reader = new StringReader(Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF'));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        csv.Read();
        return Enumerable.Range(0, csv.Parser.Count).Select(i => csv.GetField(i)!).ToArray();
    }
}
