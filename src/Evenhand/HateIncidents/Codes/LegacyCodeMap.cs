using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Evenhand.HateIncidents.Rules;
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

    /// <summary>A map from stored mappings (legacy code, national code); national codes that no longer exist are left out.</summary>
    public static LegacyCodeMap From(IEnumerable<(string Legacy, string Code)> mappings)
    {
        var map = new Dictionary<string, HateIncidentCode>(StringComparer.OrdinalIgnoreCase);
        foreach (var (legacy, code) in mappings)
        {
            if (HateIncidentCodes.Find(code) is { } found)
            {
                map[legacy.Trim()] = found;
            }
        }

        return new LegacyCodeMap(map);
    }

    /// <summary>
    /// Adds the national code to each row of a CSV of past incidents with a <c>legacy_code</c> column (any other columns are
    /// kept as they are), so they can be compared with other forces'. A national code in that column is kept as it is; a code
    /// neither mapped nor national is listed, with its line, and its row left without a national code.
    /// </summary>
    /// <exception cref="ImportException">The file is empty or has no <c>legacy_code</c> column.</exception>
    public LegacyTranslation TranslateCsv(string csvText, string source)
    {
        ArgumentNullException.ThrowIfNull(csvText);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim, DetectColumnCountChanges = false, BadDataFound = null };
        using var reader = new CsvReader(new StringReader(csvText.TrimStart('\uFEFF')), config);
        if (!reader.Read() || !reader.ReadHeader() || reader.HeaderRecord is not { Length: > 0 } header)
        {
            throw new ImportException($"{source} is empty. It needs a header row with a legacy_code column.");
        }

        var column = Array.FindIndex(header, h => string.Equals(h.Trim(), "legacy_code", StringComparison.OrdinalIgnoreCase));
        if (column < 0)
        {
            throw new ImportException($"{source} has no legacy_code column. Its columns are: {string.Join(", ", header)}.");
        }

        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var writer = new CsvWriter(output, CultureInfo.InvariantCulture);
        foreach (var h in header.Concat(["national_code", "outcome", "characteristic"]))
        {
            writer.WriteField(h);
        }

        writer.NextRecord();
        int rows = 0, translated = 0;
        var unknown = new List<string>();
        while (reader.Read())
        {
            var fields = reader.Parser.Record ?? [];
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            rows++;
            var legacy = column < fields.Length ? fields[column].Trim() : "";
            var code = Find(legacy) ?? HateIncidentCodes.Find(legacy);
            if (code is null)
            {
                unknown.Add($"line {reader.Parser.RawRow}: '{legacy}'");
            }
            else
            {
                translated++;
            }

            foreach (var f in fields.Concat(Enumerable.Repeat("", Math.Max(0, header.Length - fields.Length))))
            {
                writer.WriteField(f);
            }

            writer.WriteField(code?.Code ?? "");
            writer.WriteField(code is null ? "" : code.Outcome.ToKey());
            writer.WriteField(code?.Characteristic ?? "");
            writer.NextRecord();
        }

        writer.Flush();
        return new LegacyTranslation(output.ToString(), rows, translated, unknown);
    }

    /// <summary>The national code for a legacy code, or null if the map does not have it.</summary>
    public string? Translate(string legacy) => Find(legacy)?.Code;

    public HateIncidentCode? Find(string? legacy) =>
        legacy is not null && _map.TryGetValue(legacy.Trim(), out var code) ? code : null;

    /// <summary>Reads the CSV text. <paramref name="source"/> names the file in messages.</summary>
    /// <exception cref="ImportException">The file is empty, has the wrong header, or any row is wrong; the message lists each problem with its line.</exception>
    public static LegacyCodeMap Parse(string csvText, string source = "The legacy code map")
    {
        ArgumentNullException.ThrowIfNull(csvText);

        // Codes never span lines, so each line is one record: read line by line, and every problem has its true line number.
        var lines = csvText.TrimStart('\uFEFF').Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var headerIndex = lines.FindIndex(l => l.Trim().Length > 0);
        if (headerIndex < 0)
        {
            throw new ImportException($"{source} is empty. It needs the header '{Header}' and one row per legacy code.");
        }

        var header = ReadFields(lines[headerIndex], out _) ?? [lines[headerIndex]];
        if (!header.SequenceEqual(["legacy_code", "code"], StringComparer.OrdinalIgnoreCase))
        {
            throw new ImportException($"{source} line {headerIndex + 1}: the header must be '{Header}', not '{lines[headerIndex].Trim()}'.");
        }

        var problems = new List<string>();
        var map = new Dictionary<string, HateIncidentCode>(StringComparer.OrdinalIgnoreCase);
        var firstLine = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = headerIndex + 1; i < lines.Count; i++)
        {
            var line = i + 1;
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }

            if (ReadFields(lines[i], out var malformed) is not { } fields)
            {
                problems.Add($"line {line}: {malformed}");
                continue;
            }

            if (fields.Length != 2)
            {
                problems.Add($"line {line}: expected 2 values (legacy_code,code) but found {fields.Length}.");
                continue;
            }

            var (legacy, target) = (fields[0], fields[1]);
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

        if (problems.Count > 0)
        {
            throw new ImportException(
                $"{source} has {problems.Count} problem{(problems.Count == 1 ? "" : "s")}; nothing was read:\n" +
                string.Join("\n", problems.Select(p => "  " + p)));
        }

        if (map.Count == 0)
        {
            throw new ImportException($"{source} has the header '{Header}' but no rows.");
        }

        return new LegacyCodeMap(map);
    }

    /// <summary>The trimmed values of one CSV line, or null with what is wrong with its quotes.</summary>
    private static string[]? ReadFields(string line, out string? problem)
    {
        problem = null;
        if (line.Count(c => c == '"') % 2 != 0)
        {
            problem = "a quoted value is not closed (values cannot span lines). Check for a stray \".";
            return null;
        }

        string? badField = null;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            TrimOptions = TrimOptions.Trim,
            BadDataFound = args => badField ??= args.Field,
        };
        using var reader = new StringReader(line);
        using var csv = new CsvReader(reader, config);
        var fields = csv.Read() ? csv.Parser.Record ?? [] : [];
        if (badField is not null)
        {
            problem = $"a quote is out of place in '{badField.Trim()}'. Put quotes around the whole value and double any quote inside it.";
            return null;
        }

        return [.. fields.Select(f => f.Trim())];
    }
}

/// <summary>A translated CSV, how many rows it had and translated, and the codes it could not (each with its line).</summary>
public sealed record LegacyTranslation(string Csv, int Rows, int Translated, IReadOnlyList<string> Unknown);
