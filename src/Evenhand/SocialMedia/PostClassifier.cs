using System.Numerics.Tensors;

namespace Evenhand.SocialMedia;

/// <summary>
/// Segments posts as the report's annex describes. A keyword search finds candidates: a post is a candidate for a topic when
/// one of its words is one of the topic's keywords. With word vectors, a semantic stage then scores every post against every
/// topic by cosine similarity (the post's embedding is the sum of its words' unit vectors, leaving out common words; a topic's
/// is the sum of its keywords' vectors) and keeps a candidate only when its score reaches the threshold (0.4 in the annex).
/// A post is non-operational when at least one topic is kept and none of its words is an operational keyword.
/// </summary>
public sealed class PostClassifier
{
    public const double DefaultThreshold = 0.4;

    private readonly Dictionary<string, int> _keywords = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly float[]? _topicVectors;

    public PostClassifier(SocialLexicon lexicon, WordVectors? vectors = null, double threshold = DefaultThreshold)
    {
        if (threshold is < -1 or > 1 || double.IsNaN(threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), "The threshold is a cosine similarity, between -1 and 1.");
        }

        Lexicon = lexicon;
        Vectors = vectors;
        Threshold = threshold;
        _lookup = _keywords.GetAlternateLookup<ReadOnlySpan<char>>();
        var keywords = new List<ClassifierKeyword>();
        for (var t = 0; t < lexicon.Topics.Count; t++)
        {
            foreach (var k in lexicon.Topics[t].Keywords)
            {
                _keywords.Add(k, keywords.Count);
                keywords.Add(new ClassifierKeyword(k, t, IsTopic: true));
            }
        }

        for (var o = 0; o < lexicon.Operational.Count; o++)
        {
            foreach (var k in lexicon.Operational[o].Keywords)
            {
                _keywords.Add(k, keywords.Count);
                keywords.Add(new ClassifierKeyword(k, o, IsTopic: false));
            }
        }

        Keywords = keywords;
        if (vectors is not null)
        {
            var d = vectors.Dimensions;
            _topicVectors = new float[lexicon.Topics.Count * d];
            var missing = new List<string>();
            for (var t = 0; t < lexicon.Topics.Count; t++)
            {
                var topic = _topicVectors.AsSpan(t * d, d);
                foreach (var k in lexicon.Topics[t].Keywords)
                {
                    var v = vectors.Get(k);
                    if (!v.IsEmpty)
                    {
                        TensorPrimitives.Add(topic, v, topic);
                    }
                }

                var norm = TensorPrimitives.Norm(topic);
                if (norm == 0)
                {
                    missing.Add(lexicon.Topics[t].Name);
                }
                else
                {
                    TensorPrimitives.Divide(topic, norm, topic);
                }
            }

            TopicsWithoutVectors = missing;
        }
    }

    public SocialLexicon Lexicon { get; }

    public WordVectors? Vectors { get; }

    public double Threshold { get; }

    /// <summary>"semantic" with word vectors, "keyword" without.</summary>
    public string Mode => Vectors is null ? "keyword" : "semantic";

    /// <summary>Every keyword, topic keywords first; <see cref="PostClass.Keywords"/> holds indexes into this list.</summary>
    public IReadOnlyList<ClassifierKeyword> Keywords { get; }

    /// <summary>Topics none of whose keywords are in the vector file: their candidates can never be kept in semantic mode.</summary>
    public IReadOnlyList<string> TopicsWithoutVectors { get; } = [];

    /// <summary>Classifies one post. <paramref name="scratch"/> is reused between posts by one thread (one per thread).</summary>
    public PostClass Classify(ReadOnlySpan<char> text, ClassifierScratch scratch)
    {
        scratch.Reset(Vectors?.Dimensions ?? 0, Lexicon.Topics.Count);
        var state = new TokenState(this, scratch);
        Tokenizer.ForEachToken(text, scratch.TokenBuffer, ref state, static (token, ref s) => s.Classifier.OnToken(token, s.Scratch));

        uint kept = scratch.TopicCandidates;
        uint semanticOnly = 0;
        if (_topicVectors is not null && Vectors is not null)
        {
            var d = Vectors.Dimensions;
            var embedding = scratch.Embedding;
            var norm = TensorPrimitives.Norm(embedding);
            kept = 0;
            for (var t = 0; t < Lexicon.Topics.Count; t++)
            {
                var score = norm == 0 ? 0f : TensorPrimitives.Dot(embedding, _topicVectors.AsSpan(t * d, d)) / norm;
                scratch.Scores[t] = score;
                if (score >= Threshold)
                {
                    if ((scratch.TopicCandidates & (1u << t)) != 0)
                    {
                        kept |= 1u << t;
                    }
                    else
                    {
                        semanticOnly |= 1u << t;
                    }
                }
            }
        }

        var nonOperational = kept != 0 && scratch.OperationalMatches == 0;
        return new PostClass(scratch.TopicCandidates, kept, semanticOnly, scratch.OperationalMatches, nonOperational, scratch.MatchedKeywords, scratch.Scores,
            scratch.WordsWithVectors, scratch.Words);
    }

    private void OnToken(ReadOnlySpan<char> token, ClassifierScratch scratch)
    {
        if (_lookup.TryGetValue(token, out var k))
        {
            var keyword = Keywords[k];
            if (keyword.IsTopic)
            {
                scratch.TopicCandidates |= 1u << keyword.Group;
            }
            else
            {
                scratch.OperationalMatches |= 1ul << Math.Min(keyword.Group, 63);
            }

            if (!scratch.MatchedKeywords.Contains(k))
            {
                scratch.MatchedKeywords.Add(k);
            }
        }

        if (StopWords.Contains(token))
        {
            return;
        }

        scratch.Words++;
        if (Vectors is not null)
        {
            var v = Vectors.Get(token);
            if (!v.IsEmpty)
            {
                TensorPrimitives.Add(scratch.Embedding, v, scratch.Embedding);
                scratch.WordsWithVectors++;
            }
        }
    }

    private readonly ref struct TokenState(PostClassifier classifier, ClassifierScratch scratch)
    {
        public PostClassifier Classifier { get; } = classifier;
        public ClassifierScratch Scratch { get; } = scratch;
    }
}

/// <summary>A keyword of the lexicon: its word, the index of its topic or operational category, and which of the two it is.</summary>
public sealed record ClassifierKeyword(string Word, int Group, bool IsTopic);

/// <summary>
/// The result of classifying one post. Bit t of a topic mask is topic t of the lexicon. <see cref="Keywords"/> and
/// <see cref="Scores"/> belong to the scratch and are overwritten by the next post.
/// </summary>
public readonly record struct PostClass(
    uint Candidates,
    uint Kept,
    uint SemanticOnly,
    ulong OperationalMatches,
    bool NonOperational,
    List<int> Keywords,
    float[] Scores,
    int WordsWithVectors,
    int Words)
{
    public ClassSummary Summary() => new(Candidates, Kept, SemanticOnly, OperationalMatches, NonOperational, Words, WordsWithVectors);
}

/// <summary>Buffers reused from post to post by one thread.</summary>
public sealed class ClassifierScratch
{
    private float[] _embedding = [];

    public char[] TokenBuffer { get; } = new char[Tokenizer.MaxTokenLength];
    public List<int> MatchedKeywords { get; } = new(8);
    public float[] Scores { get; private set; } = [];
    public uint TopicCandidates { get; set; }
    public ulong OperationalMatches { get; set; }
    /// <summary>Words in the post other than common words.</summary>
    public int Words { get; set; }
    public int WordsWithVectors { get; set; }
    public Span<float> Embedding => _embedding;

    internal void Reset(int dimensions, int topics)
    {
        if (_embedding.Length != dimensions)
        {
            _embedding = new float[dimensions];
        }
        else
        {
            Array.Clear(_embedding);
        }

        if (Scores.Length != topics)
        {
            Scores = new float[topics];
        }
        else
        {
            Array.Clear(Scores);
        }

        MatchedKeywords.Clear();
        TopicCandidates = 0;
        OperationalMatches = 0;
        Words = 0;
        WordsWithVectors = 0;
    }
}
