using System.Text.Json;
using System.Text.Json.Serialization;

namespace Evenhand.SocialMedia;

/// <summary>A named group of keywords: a politicised topic (for example "race") or an operational category (for example "appeals").</summary>
public sealed record LexiconGroup(string Name, IReadOnlyList<string> Keywords);

/// <summary>
/// The words that segment posts (report annex, "Post segmentation"): topics that may show involvement in politicised matters,
/// and operational categories. Keywords are single words, matched against a post's lower-cased tokens (hashtags count:
/// "#LGBTQ" is the token "lgbtq"). Forces can supply their own lexicon as JSON (see <see cref="Parse"/>).
/// </summary>
public sealed class SocialLexicon
{
    private static readonly JsonSerializerOptions ReadOptions = new() { PropertyNameCaseInsensitive = true };
    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public const int MaxTopics = 32;

    public SocialLexicon(IReadOnlyList<LexiconGroup> topics, IReadOnlyList<LexiconGroup> operational)
    {
        if (topics.Count == 0)
        {
            throw new ArgumentException("A lexicon needs at least one topic.", nameof(topics));
        }

        if (topics.Count > MaxTopics)
        {
            throw new ArgumentException($"A lexicon can have at most {MaxTopics} topics; this one has {topics.Count}.", nameof(topics));
        }

        Topics = topics.Select(Normalise).ToList();
        Operational = operational.Select(Normalise).ToList();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in Topics.Concat(Operational))
        {
            if (group.Keywords.Count == 0)
            {
                throw new ArgumentException($"The group '{group.Name}' has no keywords.", nameof(topics));
            }

            foreach (var keyword in group.Keywords)
            {
                if (!seen.TryAdd(keyword, group.Name))
                {
                    throw new ArgumentException($"The keyword '{keyword}' is in both '{seen[keyword]}' and '{group.Name}'; a keyword may belong to one group only.", nameof(topics));
                }
            }
        }
    }

    /// <summary>Topics of possible involvement in politicised matters: the annex's three areas by default.</summary>
    public IReadOnlyList<LexiconGroup> Topics { get; }

    /// <summary>Operational categories; a post that matches one of these is operational even when it also matches a topic.</summary>
    public IReadOnlyList<LexiconGroup> Operational { get; }

    /// <summary>
    /// The default lexicon. The annex names the three areas and gives "gender, LGBTQ, racism and climate" as examples; the other
    /// words are Evenhand's choice, and a force can replace them.
    /// </summary>
    public static SocialLexicon Default { get; } = new(
        [
            new("climate activism", ["climate", "climatechange", "climateaction", "extinctionrebellion", "xr", "juststopoil", "insulatebritain", "netzero", "fossil", "emissions", "greenpeace", "environmentalist", "ecocide"]),
            new("gender and sexuality", ["gender", "lgbt", "lgbtq", "lgbtqia", "lgbtqi", "pride", "transgender", "trans", "nonbinary", "homophobia", "homophobic", "transphobia", "transphobic", "biphobia", "idahobit", "gay", "lesbian", "bisexual", "sexuality", "misogyny"]),
            new("race", ["race", "racism", "racist", "racial", "antiracism", "antiracist", "blm", "blacklivesmatter", "ethnicity", "windrush", "blackhistorymonth", "bame", "diversity"]),
        ],
        [
            new("appeals", ["appeal", "appealing", "missing", "wanted", "information", "concern"]),
            new("witnesses", ["witness", "witnesses", "cctv", "dashcam", "footage", "saw"]),
            new("road closures", ["road", "closure", "closed", "diversion", "traffic", "collision", "motorway", "congestion"]),
            new("crime prevention", ["prevention", "scam", "scams", "fraud", "burglary", "advice", "secure", "safety", "lock", "protect"]),
            new("arrests", ["arrest", "arrested", "charged", "custody", "remanded", "sentenced", "jailed", "warrant", "court", "convicted"]),
            new("recruitment", ["recruitment", "recruiting", "join", "apply", "vacancies", "careers", "hiring", "specials", "volunteer"]),
        ]);

    /// <summary>
    /// Reads a lexicon from JSON: <c>{"topics": {"name": ["word", …]}, "operational": {"name": ["word", …]}}</c>.
    /// </summary>
    public static SocialLexicon Parse(string json, string sourceName = "the lexicon")
    {
        LexiconJson? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<LexiconJson>(json, ReadOptions);
        }
        catch (JsonException ex)
        {
            throw new SocialImportException($"{sourceName} is not valid JSON: {ex.Message}");
        }

        if (parsed?.Topics is not { Count: > 0 } topics)
        {
            throw new SocialImportException($"{sourceName} has no \"topics\": give at least one topic with its keywords.");
        }

        try
        {
            return new SocialLexicon(
                topics.Select(t => new LexiconGroup(t.Key, t.Value)).ToList(),
                (parsed.Operational ?? []).Select(t => new LexiconGroup(t.Key, t.Value)).ToList());
        }
        catch (ArgumentException ex)
        {
            throw new SocialImportException($"{sourceName}: {ex.Message.Split(" (Parameter", 2)[0]}");
        }
    }

    public string ToJson() => JsonSerializer.Serialize(
        new LexiconJson
        {
            Topics = Topics.ToDictionary(t => t.Name, t => t.Keywords.ToList()),
            Operational = Operational.ToDictionary(t => t.Name, t => t.Keywords.ToList()),
        },
        WriteOptions);

    private static LexiconGroup Normalise(LexiconGroup group)
    {
        var name = group.Name.Trim();
        if (name.Length == 0)
        {
            throw new ArgumentException("Every group needs a name.", nameof(group));
        }

        var keywords = new List<string>();
        foreach (var raw in group.Keywords)
        {
            var tokens = Tokenizer.Tokens(raw);
            if (tokens.Count != 1)
            {
                throw new ArgumentException($"'{raw}' in '{name}' is not a single word; keywords are matched word by word.", nameof(group));
            }

            if (!keywords.Contains(tokens[0]))
            {
                keywords.Add(tokens[0]);
            }
        }

        return new LexiconGroup(name, keywords);
    }

    private sealed class LexiconJson
    {
        [JsonPropertyName("topics")]
        public Dictionary<string, List<string>>? Topics { get; set; }

        [JsonPropertyName("operational")]
        public Dictionary<string, List<string>>? Operational { get; set; }
    }
}
