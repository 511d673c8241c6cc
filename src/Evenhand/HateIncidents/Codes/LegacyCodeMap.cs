using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Evenhand.Importing;

namespace Evenhand.HateIncidents.Codes;

/// <summary>
/// A force's own opening and finalising codes mapped to the national codes, so its past incidents can be analysed with
/// everyone else's (HMICFRS 2024 recommendation 17). Read from CSV with the header <c>legacy_code,code</c>; every row is
/// checked and every problem reported with its line number, and nothing is returned unless the whole file is good.
/// Legacy codes are matched ignoring case and surrounding spaces.
/// </summary>
public sealed class LegacyCodeMap
{
    public const string Header = "legacy_code,code";

    private readonly Dictionary<string, HateIncidentCode> _map;

    private LegacyCodeMap(Dictionary<string, HateIncidentCode> map) => _map = map;

    /// <summary>Legacy code → national code.</summary>
    public IReadOnlyDictionary<string, HateIncidentCode> Entries => _map;

    public int Count => _map.Count;

    /// <summary>The national code for a legacy code, or null if the map does not have it.</summary>
    public string? Translate(string legacy) => Find(legacy)?.Code;

    public HateIncidentCode? Find(string? legacy) =>
        legacy is not null && _map.TryGetValue(legacy.Trim(), out var code) ? code : null;

    /// <summary>Reads the CSV text. <paramref name="source"/> names the file in messages.</summary>
    /// <exception cref="ImportException">The file is empty, has the wrong header, or any row is wrong; the message lists each problem with its line.</exception>
    public static LegacyCodeMap Parse(string csvText, string source = "The legacy code map")
    {
        ArgumentNullException.ThrowIfNull(csvText);
        if (csvText.Trim().Length == 0)
        {
            throw new ImportException($"{source} is empty. It needs the header '{Header}' and one row per legacy code.");
        }

        var problems = new List<string>();
        var map = new Dictionary<string, HateIncidentCode>(StringComparer.OrdinalIgnoreCase);
        var firstLine = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        string? badField = null;
        using var reader = new StringReader(csvText);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            BadDataFound = args => badField ??= args.Field,
        });
        try
        {
            if (!csv.Read())
            {
                throw new ImportException($"{source} is empty. It needs the header '{Header}' and one row per legacy code.");
            }

            var header = Enumerable.Range(0, csv.Parser.Count).Select(i => csv.GetField(i)?.Trim().TrimStart('\uFEFF') ?? "").ToArray();
            if (!header.SequenceEqual(["legacy_code", "code"], StringComparer.OrdinalIgnoreCase))
            {
                throw new ImportException(
                    $"{source} line {csv.Parser.RawRow}: the header must be '{Header}', not '{string.Join(",", header)}'.");
            }

            while (csv.Read())
            {
                // RawRow is the record's last line: count back over any line breaks inside it.
                var line = csv.Parser.RawRow - (csv.Parser.RawRecord ?? "").TrimEnd('\r', '\n').Count(ch => ch == '\n');
                if (badField is not null)
                {
                    problems.Add($"line {line}: a quote is out of place in '{badField.Trim()}'. Put quotes around the whole value and double any quote inside it.");
                    badField = null;
                    continue;
                }

                if (Enumerable.Range(0, csv.Parser.Count).Any(i => csv.GetField(i)?.Contains('\n', StringComparison.Ordinal) == true))
                {
                    problems.Add($"line {line}: a quoted value is not closed, so the rest of the file was read as part of it. Check for a stray \".");
                    continue;
                }

                if (csv.Parser.Count != 2)
                {
                    problems.Add($"line {line}: expected 2 values (legacy_code,code) but found {csv.Parser.Count}.");
                    continue;
                }

                var legacy = csv.GetField(0) ?? "";
                var target = csv.GetField(1) ?? "";
                if (legacy.Length == 0)
                {
                    problems.Add($"line {line}: legacy_code is blank.");
                    continue;
                }

                if (target.Length == 0)
                {
                    problems.Add($"line {line}: the national code for '{legacy}' is blank.");
                    continue;
                }

                if (HateIncidentCodes.Find(target) is not { } code)
                {
                    problems.Add($"line {line}: '{target}' is not a national hate-incident code (codes look like HC-RACE, NCHI-RELIGION, NCHI-PD-DISABILITY, NR-OTHER).");
                    continue;
                }

                if (firstLine.TryGetValue(legacy, out var earlier))
                {
                    problems.Add($"line {line}: legacy code '{legacy}' is already mapped on line {earlier}.");
                    continue;
                }

                firstLine[legacy] = line;
                map[legacy] = code;
            }
        }
        catch (CsvHelperException ex)
        {
            var line = ex.Context?.Parser?.RawRow;
            problems.Add($"{(line is null ? "" : $"line {line}: ")}the CSV could not be read ({FirstSentence(ex.Message)}). Check for an unclosed quote.");
        }

        if (problems.Count > 0)
        {
            throw new ImportException(
                $"{source} has {problems.Count} problem{(problems.Count == 1 ? "" : "s")}; nothing was read:{Environment.NewLine}" +
                string.Join(Environment.NewLine, problems.Select(p => "  " + p)));
        }

        if (map.Count == 0)
        {
            throw new ImportException($"{source} has the header '{Header}' but no rows.");
        }

        return new LegacyCodeMap(map);
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return (end < 0 ? message : message[..end]).TrimEnd('.');
    }
}
