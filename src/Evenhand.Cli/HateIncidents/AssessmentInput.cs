using System.Text;
using System.Text.Json;
using Evenhand.Cli.Infrastructure;
using Evenhand.HateIncidents.Rules;

namespace Evenhand.Cli.HateIncidents;

/// <summary>
/// Reads the answers for <c>evenhand incidents assess</c> from a JSON object. Every mistake (not JSON, a wrong type, an
/// unknown key or characteristic, a missing required answer) is a usage error naming the file, the line and the key.
/// </summary>
internal static class AssessmentInput
{
    public const string Characteristics = "characteristics";

    /// <summary>Answers that must be given: whether hostility is perceived, and whether it is a crime.</summary>
    public static IReadOnlyList<string> Required { get; } = ["perceivedHostility", "isCrime"];

    /// <summary>Answers that are false when left out.</summary>
    public static IReadOnlyList<string> Optional { get; } =
    [
        "trivialIrrationalOrMalicious", "schoolChildrenOnSchoolPremises", "lawfulFreedomOfExpression",
        "realRiskOfSignificantHarm", "realRiskOfFutureOffence", "immediateRisk",
    ];

    /// <summary>The Code's second recording test (rule set code-2023-r2 on). Left out, it is not established, and the reasons say so.</summary>
    public const string BasisToConcludeIntentionalHostility = "basisToConcludeIntentionalHostility";

    private static readonly IReadOnlyList<string> AllKeys = [Characteristics, .. Required, BasisToConcludeIntentionalHostility, .. Optional];

    /// <summary>
    /// Parses <paramref name="json"/>; <paramref name="source"/> names the file in messages. With
    /// <paramref name="knownCharacteristics"/> a characteristic outside it is a usage error (code-2023); with null every
    /// characteristic is passed to the rules, which decide on one the force has not adopted.
    /// </summary>
    public static AssessmentAnswers Parse(byte[] json, string source, IReadOnlyCollection<string>? knownCharacteristics)
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        var offset = json.AsSpan().StartsWith(bom) ? bom.Length : 0;
        var text = json.AsMemory(offset);
        if (text.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            throw CliException.Usage($"{source} is empty. It should be a JSON object such as {{\"perceivedHostility\": true, \"isCrime\": false, \"characteristics\": [\"race\"]}}.");
        }

        try
        {
            return Read(text.Span, source, knownCharacteristics);
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is { } n ? $" line {n + 1}" : "";
            throw CliException.Usage($"{source}{line}: this is not valid JSON ({Plain(ex.Message)}).");
        }
    }

    private static AssessmentAnswers Read(ReadOnlySpan<byte> json, string source, IReadOnlyCollection<string>? knownCharacteristics)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Error(source, json, reader, $"expected a JSON object {{ … }} of answers, but the file holds {Describe(ref reader)}.");
        }

        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        var answers = new Dictionary<string, bool>(StringComparer.Ordinal);
        var characteristics = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            var line = LineOf(json, reader);
            if (seen.TryGetValue(key, out var earlier))
            {
                throw Error(source, line, $"'{key}' is given twice (first on line {earlier}).");
            }

            seen[key] = line;
            if (!AllKeys.Contains(key))
            {
                var near = AllKeys.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
                throw Error(source, line, near is not null
                    ? $"unknown key '{key}'. Did you mean '{near}'? Keys are case-sensitive."
                    : $"unknown key '{key}'. The keys are: {string.Join(", ", AllKeys)}.");
            }

            reader.Read();
            if (key == Characteristics)
            {
                ReadCharacteristics(ref reader, json, source, knownCharacteristics, characteristics);
                continue;
            }

            answers[key] = reader.TokenType switch
            {
                JsonTokenType.True => true,
                JsonTokenType.False => false,
                _ => throw Error(source, json, reader, $"'{key}' must be true or false, not {Describe(ref reader)}."),
            };
        }

        if (reader.Read())
        {
            throw Error(source, json, reader, "there is more after the closing } of the answers.");
        }

        var missing = Required.Where(k => !answers.ContainsKey(k)).ToList();
        if (missing.Count > 0)
        {
            throw CliException.Usage(
                $"{source}: {string.Join(" and ", missing.Select(k => $"'{k}'"))} {(missing.Count == 1 ? "is" : "are")} required (true or false). " +
                $"Only {string.Join(", ", Optional.Select(k => $"'{k}'"))} may be left out (they are then false).");
        }

        bool Answer(string key) => answers.GetValueOrDefault(key);
        return new AssessmentAnswers(
            characteristics,
            PerceivedHostility: Answer("perceivedHostility"),
            IsCrime: Answer("isCrime"),
            TrivialIrrationalOrMalicious: Answer("trivialIrrationalOrMalicious"),
            SchoolChildrenOnSchoolPremises: Answer("schoolChildrenOnSchoolPremises"),
            LawfulFreedomOfExpression: Answer("lawfulFreedomOfExpression"),
            RealRiskOfSignificantHarm: Answer("realRiskOfSignificantHarm"),
            RealRiskOfFutureOffence: Answer("realRiskOfFutureOffence"),
            ImmediateRisk: Answer("immediateRisk"))
        {
            BasisToConcludeIntentionalHostility = answers.TryGetValue(BasisToConcludeIntentionalHostility, out var basis) ? basis : null,
        };
    }

    private static void ReadCharacteristics(
        ref Utf8JsonReader reader, ReadOnlySpan<byte> json, string source, IReadOnlyCollection<string>? known, List<string> into)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Error(source, json, reader,
                $"'{Characteristics}' must be an array of strings such as [\"race\"], not {Describe(ref reader)}.");
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw Error(source, json, reader, $"each of '{Characteristics}' must be a string such as \"race\", not {Describe(ref reader)}.");
            }

            var value = reader.GetString()!;
            if (AssessmentKeys.CharacteristicKey(value).Length == 0)
            {
                throw Error(source, json, reader, $"a characteristic in '{Characteristics}' is blank. Name each one, for example \"race\".");
            }

            if (known is not null && !known.Contains(AssessmentKeys.CharacteristicKey(value)))
            {
                throw Error(source, json, reader,
                    $"'{value}' in '{Characteristics}' is not a characteristic the rules recognise. Use one of: {string.Join(", ", known)}; " +
                    "add a characteristic your force has adopted with --add-characteristic.");
            }

            into.Add(value.Trim());
        }
    }

    private static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => $"a string (\"{reader.GetString()}\")",
        JsonTokenType.Number => $"a number ({Encoding.UTF8.GetString(reader.ValueSpan)})",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.True or JsonTokenType.False => reader.TokenType == JsonTokenType.True ? "true" : "false",
        _ => reader.TokenType.ToString(),
    };

    private static CliException Error(string source, ReadOnlySpan<byte> json, Utf8JsonReader reader, string message) =>
        Error(source, LineOf(json, reader), message);

    private static CliException Error(string source, long line, string message) => CliException.Usage($"{source} line {line}: {message}");

    /// <summary>The 1-based line of the reader's current token.</summary>
    private static long LineOf(ReadOnlySpan<byte> json, Utf8JsonReader reader) =>
        json[..(int)reader.TokenStartIndex].Count((byte)'\n') + 1;

    /// <summary>System.Text.Json's message without its own "LineNumber: 0 | BytePositionInLine: 3." (the line is given already).</summary>
    private static string Plain(string message)
    {
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (at < 0 ? message : message[..at]).TrimEnd().TrimEnd('.');
    }
}
