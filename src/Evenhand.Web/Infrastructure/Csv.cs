using System.Globalization;
using System.Text;
using CsvHelper;

namespace Evenhand.Web.Infrastructure;

public static class Csv
{
    /// <summary>Writes records as UTF-8 CSV (with BOM, so spreadsheet programs read accents correctly).</summary>
    public static byte[] Write<T>(IEnumerable<T> rows)
    {
        using var ms = new MemoryStream();
        using (var writer = new StreamWriter(ms, new UTF8Encoding(true)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            csv.WriteRecords(rows);
        }

        return ms.ToArray();
    }
}
