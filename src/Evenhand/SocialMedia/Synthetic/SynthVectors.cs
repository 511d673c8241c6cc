namespace Evenhand.SocialMedia.Synthetic;

/// <summary>A vocabulary word: its group (-1 for none, topics first, then operational categories) and how close it lies to the group's direction.</summary>
internal readonly record struct VocabularyWord(string Word, int Group, float Closeness);

/// <summary>
/// Word vectors for the synthetic data. Each topic and each operational category has a direction; its keywords lie close to
/// it, words used only in its templates a little less close, and every other word points somewhere at random. Filler words
/// (invented, pronounceable) pad the file to the size asked for.
/// </summary>
internal static class SynthVectors
{
    public const float KeywordCloseness = 0.8f;
    public const float RelatedCloseness = 0.6f;

    private static readonly Lazy<VocabularyWord[]> LazyVocabulary = new(BuildVocabulary);

    /// <summary>Every word the generator can write (numbers aside), keywords first, then related words, then the rest.</summary>
    public static IReadOnlyList<VocabularyWord> Vocabulary => LazyVocabulary.Value;

    public static void Write(TextWriter output, int words, int dimensions, int seed)
    {
        var rng = new SynthRandom(seed, stream: 77);
        var vocabulary = LazyVocabulary.Value;
        var groups = SynthTemplates.TopicCount + SynthTemplates.CategoryCount;
        var directions = Directions(groups, dimensions, rng);
        var line = new CharBuffer(1 << 20);
        line.Append(words);
        line.Append(' ');
        line.Append(dimensions);
        line.Append('\n');

        var used = new HashSet<string>(vocabulary.Select(v => v.Word), StringComparer.Ordinal);
        var noise = new float[dimensions];
        var vector = new float[dimensions];
        // Components of real vectors are around ±0.3; four decimals then keep about four significant digits.
        var scale = (float)(0.3 * Math.Sqrt(dimensions));
        for (var w = 0; w < words; w++)
        {
            VocabularyWord word;
            if (w < vocabulary.Length)
            {
                word = vocabulary[w];
            }
            else
            {
                string filler;
                do
                {
                    filler = PseudoWord(rng);
                }
                while (!used.Add(filler));

                word = new VocabularyWord(filler, -1, 0);
            }

            RandomUnit(noise, rng);
            var a = word.Group >= 0 ? word.Closeness : 0f;
            var b = MathF.Sqrt(1 - (a * a));
            for (var d = 0; d < dimensions; d++)
            {
                vector[d] = (a * (word.Group >= 0 ? directions[word.Group][d] : 0f)) + (b * noise[d]);
            }

            line.Append(word.Word);
            for (var d = 0; d < dimensions; d++)
            {
                line.Append(' ');
                line.AppendFixed4(vector[d] * scale);
            }

            line.Append('\n');
            if (line.Length > (1 << 20) - 16_384)
            {
                line.WriteTo(output);
                line.Clear();
            }
        }

        line.WriteTo(output);
        output.Flush();
    }

    private static float[][] Directions(int groups, int dimensions, SynthRandom rng)
    {
        var directions = new float[groups][];
        for (var g = 0; g < groups; g++)
        {
            var v = new float[dimensions];
            RandomUnit(v, rng);
            if (groups <= dimensions)
            {
                // Make the groups' directions orthogonal (Gram-Schmidt) when there is room.
                for (var h = 0; h < g; h++)
                {
                    var dot = 0f;
                    for (var d = 0; d < dimensions; d++)
                    {
                        dot += v[d] * directions[h][d];
                    }

                    for (var d = 0; d < dimensions; d++)
                    {
                        v[d] -= dot * directions[h][d];
                    }
                }

                Normalise(v);
            }

            directions[g] = v;
        }

        return directions;
    }

    // A random direction. Uniform components are enough for noise and need no transcendental functions.
    private static void RandomUnit(float[] v, SynthRandom rng)
    {
        do
        {
            for (var d = 0; d < v.Length; d++)
            {
                v[d] = (float)((2 * rng.NextDouble()) - 1);
            }
        }
        while (!Normalise(v));
    }

    private static bool Normalise(float[] v)
    {
        var sum = 0.0;
        foreach (var x in v)
        {
            sum += x * x;
        }

        if (sum < 1e-12)
        {
            return false;
        }

        var inverse = (float)(1 / Math.Sqrt(sum));
        for (var d = 0; d < v.Length; d++)
        {
            v[d] *= inverse;
        }

        return true;
    }

    private static readonly string[] Onsets = ["b", "c", "d", "f", "g", "h", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "br", "ch", "cl", "dr", "fl", "gr", "pl", "sh", "st", "th", "tr"];
    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "ai", "ea", "oo", "ou", "y"];
    private static readonly string[] Codas = ["", "", "", "n", "r", "s", "t", "l", "m", "ck", "nd", "st"];

    private static string PseudoWord(SynthRandom rng)
    {
        var syllables = rng.Between(2, 4);
        Span<char> buffer = stackalloc char[32];
        var n = 0;
        for (var s = 0; s < syllables; s++)
        {
            foreach (var part in (ReadOnlySpan<string>)[rng.Pick(Onsets), rng.Pick(Vowels), s == syllables - 1 ? rng.Pick(Codas) : ""])
            {
                part.AsSpan().CopyTo(buffer[n..]);
                n += part.Length;
            }
        }

        return new string(buffer[..n]);
    }

    private static VocabularyWord[] BuildVocabulary()
    {
        var lexicon = SocialLexicon.Default;
        var topicCount = lexicon.Topics.Count;
        var keywords = new List<VocabularyWord>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var t = 0; t < topicCount; t++)
        {
            foreach (var k in lexicon.Topics[t].Keywords)
            {
                seen.Add(k);
                keywords.Add(new VocabularyWord(k, t, KeywordCloseness));
            }
        }

        for (var c = 0; c < lexicon.Operational.Count; c++)
        {
            foreach (var k in lexicon.Operational[c].Keywords)
            {
                seen.Add(k);
                keywords.Add(new VocabularyWord(k, topicCount + c, KeywordCloseness));
            }
        }

        // Template words: related to a group when only that group's templates use them.
        var order = new List<string>();
        var groupsOf = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        void Note(string text, int group)
        {
            foreach (var token in Tokenizer.Tokens(text))
            {
                if (!groupsOf.TryGetValue(token, out var set))
                {
                    groupsOf[token] = set = [];
                    order.Add(token);
                }

                set.Add(group);
            }
        }

        foreach (var template in SynthTemplates.AllTemplates())
        {
            var group = template.Category >= 0 ? topicCount + template.Category : template.Topic;
            foreach (var s in template.Segments)
            {
                if (s.Slot == Slot.Literal)
                {
                    Note(s.Text!, group);
                }
            }
        }

        for (var c = 0; c < SynthTemplates.CategoryCount; c++)
        {
            foreach (var tag in SynthTemplates.CategoryTags[c])
            {
                Note(tag, topicCount + c);
            }
        }

        foreach (var tag in SynthTemplates.GenderTags)
        {
            Note(tag, SynthTemplates.Gender);
        }

        foreach (var tag in SynthTemplates.RaceTags)
        {
            Note(tag, SynthTemplates.Race);
        }

        foreach (var tag in SynthTemplates.ClimateTags)
        {
            Note(tag, SynthTemplates.Climate);
        }

        // Words from the fillers of slots, handles and names: no group.
        const int none = -1;
        string[][] lists =
        [
            SynthWords.Streets, SynthWords.Roads, SynthWords.Junctions, SynthWords.Times, SynthWords.Weekdays, SynthWords.Months,
            SynthWords.Clothing, SynthWords.Vehicles, SynthWords.Offences, SynthWords.Charges, SynthWords.Sentences, SynthWords.Items,
            SynthWords.Drugs, SynthWords.Weapons, SynthWords.Amounts, SynthWords.Operations, SynthWords.Events, SynthWords.Numbers,
            SynthWords.DogNames, SynthWords.FirstNames, SynthWords.Surnames, ["RT", "log", "of", "news"],
            [.. Enumerable.Range(0, 100).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            [.. SynthForce.All.SelectMany(f => f.Towns.Append(f.Name).Append(f.Short).Append(f.Place))],
            [.. SynthExternal.Operational.Concat(SynthExternal.Topics).Select(a => a.Handle)],
            [.. SynthAccounts.RepostableHandles()],
        ];
        foreach (var list in lists)
        {
            foreach (var item in list)
            {
                Note(item, none);
            }
        }

        var related = new List<VocabularyWord>();
        var general = new List<VocabularyWord>();
        foreach (var token in order)
        {
            if (seen.Contains(token))
            {
                continue;
            }

            var set = groupsOf[token];
            if (set.Count == 1 && !set.Contains(none) && !StopWords.Contains(token))
            {
                related.Add(new VocabularyWord(token, set.First(), RelatedCloseness));
            }
            else
            {
                general.Add(new VocabularyWord(token, none, 0));
            }
        }

        return [.. keywords, .. related, .. general];
    }
}
