using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.Net.Http.Headers;

namespace Evenhand.Web.SocialMedia;

/// <summary>
/// Writes a CSV straight to the response as the rows arrive (UTF-8 with BOM, like <see cref="Infrastructure.Csv"/>), so an export
/// of every post of a national dataset never sits in memory. Only asynchronous writes: the server refuses synchronous ones.
/// </summary>
public static class SocialCsv
{
    public static async Task StreamAsync<TSource, TRow>(HttpResponse response, string fileName, IAsyncEnumerable<TSource> source, Func<TSource, TRow> map,
        CancellationToken ct)
    {
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName, FileName = fileName }.ToString();
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(true), 1 << 16, leaveOpen: true);
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
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
