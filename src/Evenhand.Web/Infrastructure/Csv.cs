using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Net.Http.Headers;

namespace Evenhand.Web.Infrastructure;

/// <summary>
/// Every CSV the app writes. Text that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage
/// return: a social media post, a register entry, a PCC's answer) is written with a leading apostrophe, as OWASP advises for
/// CSV injection; numbers such as -1.5 are left as numbers.
/// </summary>
public static class Csv
{
    private static readonly CsvConfiguration WriterConfiguration = new(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape };

    /// <summary>Every export's writer: formula escaping (numbers left alone) and ISO 8601 dates (2025-03-31, as in the JSON), whatever the culture.</summary>
    private static SafeCsvWriter NewWriter(TextWriter writer, bool leaveOpen = false)
    {
        var csv = new SafeCsvWriter(writer, leaveOpen);
        var options = csv.Context.TypeConverterOptionsCache;
        options.GetOptions<DateOnly>().Formats = ["yyyy-MM-dd"];
        options.GetOptions<DateOnly?>().Formats = ["yyyy-MM-dd"];
        options.GetOptions<DateTime>().Formats = ["yyyy-MM-ddTHH:mm:ss"];
        options.GetOptions<DateTime?>().Formats = ["yyyy-MM-ddTHH:mm:ss"];
        options.GetOptions<DateTimeOffset>().Formats = ["yyyy-MM-ddTHH:mm:sszzz"];
        options.GetOptions<DateTimeOffset?>().Formats = ["yyyy-MM-ddTHH:mm:sszzz"];
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

    /// <summary>
    /// <see cref="StreamAsync"/> from a database query, run once and never retried (a retry cannot take back rows already
    /// sent, and PostgreSQL's retrying strategy would read every row into memory before the first is written). Returns the
    /// result to give the page handler.
    /// </summary>
    public static async Task<Microsoft.AspNetCore.Mvc.IActionResult> StreamQueryAsync<TSource, TRow>(HttpContext http, string fileName,
        Func<CancellationToken, IAsyncEnumerable<TSource>> source, Func<TSource, TRow> map, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(source);
        var db = http.RequestServices.GetRequiredService<Evenhand.Data.EvenhandDbContext>();
        await Evenhand.Data.DbTransactions.OnceAsync(db, innerCt => StreamAsync(http.Response, fileName, source(innerCt), map, innerCt), ct);
        return new Microsoft.AspNetCore.Mvc.EmptyResult();
    }

    /// <summary>CsvHelper's injection escaping, except for fields that are numbers.</summary>
    private sealed class SafeCsvWriter(TextWriter writer, bool leaveOpen = false) : CsvWriter(writer, WriterConfiguration, leaveOpen)
    {
        protected override string? SanitizeForInjection(string? field) =>
            double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? field : base.SanitizeForInjection(field);
    }
}
