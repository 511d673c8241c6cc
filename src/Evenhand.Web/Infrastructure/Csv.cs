using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Net.Http.Headers;

namespace Evenhand.Web.Infrastructure;

public static class Csv
{
    /// <summary>
    /// Every export's settings: dates in ISO 8601 (2025-03-31, as in the JSON), whatever the culture; and a cell that a
    /// spreadsheet would run as a formula (starting =, +, -, @, tab or carriage return) is written with a leading quote.
    /// </summary>
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = InjectionOptions.Escape,
    };

    private static CsvWriter NewWriter(TextWriter writer, bool leaveOpen = false)
    {
        var csv = new CsvWriter(writer, Configuration, leaveOpen);
        csv.Context.TypeConverterOptionsCache.GetOptions<DateOnly>().Formats = ["yyyy-MM-dd"];
        csv.Context.TypeConverterOptionsCache.GetOptions<DateOnly?>().Formats = ["yyyy-MM-dd"];
        csv.Context.TypeConverterOptionsCache.GetOptions<DateTime>().Formats = ["yyyy-MM-ddTHH:mm:ss"];
        csv.Context.TypeConverterOptionsCache.GetOptions<DateTime?>().Formats = ["yyyy-MM-ddTHH:mm:ss"];
        csv.Context.TypeConverterOptionsCache.GetOptions<DateTimeOffset>().Formats = ["yyyy-MM-ddTHH:mm:sszzz"];
        csv.Context.TypeConverterOptionsCache.GetOptions<DateTimeOffset?>().Formats = ["yyyy-MM-ddTHH:mm:sszzz"];
        return csv;
    }

    /// <summary>Writes records as UTF-8 CSV (with BOM, so spreadsheet programs read accents correctly).</summary>
    public static byte[] Write<T>(IEnumerable<T> rows)
    {
        using var ms = new MemoryStream();
        using (var writer = new StreamWriter(ms, new UTF8Encoding(true)))
        using (var csv = NewWriter(writer))
        {
            csv.WriteRecords(rows);
        }

        return ms.ToArray();
    }

    /// <summary>
    /// Writes records straight to the response as they arrive (same encoding as <see cref="Write{T}"/>), so a large export
    /// (every post of a national dataset) never sits in memory. Only asynchronous writes: the server refuses synchronous ones.
    /// </summary>
    public static async Task StreamAsync<TSource, TRow>(HttpResponse response, string fileName, IAsyncEnumerable<TSource> source, Func<TSource, TRow> map,
        CancellationToken ct)
    {
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName, FileName = fileName }.ToString();
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(true), 1 << 16, leaveOpen: true);
        await using var csv = NewWriter(writer, leaveOpen: true);
        csv.WriteHeader<TRow>();
        await csv.NextRecordAsync();
        await foreach (var item in source.WithCancellation(ct))
        {
            csv.WriteRecord(map(item));
            await csv.NextRecordAsync();
        }

        await csv.FlushAsync();
        await writer.FlushAsync(ct);
    }
}
