using System.Globalization;
using Evenhand.SocialMedia.Statistics;

namespace Evenhand.SocialMedia;

/// <summary>
/// Accumulates the analysis one post at a time, so a file of any size is analysed in memory that grows with the number of
/// accounts, groups and distinct engagement values, never with the number of posts. Not thread-safe: one analyzer per thread,
/// except that <see cref="ClassifyInto"/> may run on other threads while <see cref="Add(PostBatch)"/> runs on one.
/// </summary>
public sealed class SocialAnalyzer
{
    public const int HighEngagement = 10_000;
    private static readonly (string Label, long From, long? To)[] Buckets =
        [("0", 0, 0), ("1–9", 1, 9), ("10–99", 10, 99), ("100–999", 100, 999), ("1,000–9,999", 1000, 9999), ("10,000 or more", 10_000, null)];

    private readonly SocialAccountDirectory _accounts;
    private readonly PostClassifier _classifier;
    private readonly ClassifierScratch _scratch = new();
    private readonly int _topCount;

    private readonly AccountTally[] _accountTallies;
    private readonly EngagementAccumulator[] _byClass = [new(), new()];
    private readonly EngagementAccumulator[] _byTopic;
    private readonly Dictionary<int, EngagementAccumulator> _byYear = [];
    private readonly Dictionary<int, long[]> _postsByYear = [];
    private readonly long[] _candidatesByTopic, _keptByTopic, _semanticOnlyByTopic, _nonOperationalByTopic, _operationalByCategory;
    private readonly long[] _keywordPosts, _keywordNonOperational;
    private readonly Dictionary<int, long>[] _topicMonths;
    private readonly long[] _buckets = new long[Buckets.Length];
    private readonly TopPosts _top, _topNonOperational;
    private long _candidates, _nonOperational;
    private long _highOperational, _highNonOperational, _highNonOperationalNonPoliceReposts, _highNonOperationalMain;
    private long _words, _wordsWithVectors;
    private DateTimeOffset? _first, _last;
    private int _lastYear = int.MinValue;
    private EngagementAccumulator? _lastYearAccumulator;
    private long[]? _lastYearCounts;

    public SocialAnalyzer(SocialAccountDirectory accounts, PostClassifier classifier, int topPosts = 10)
    {
        _accounts = accounts;
        _classifier = classifier;
        _topCount = topPosts;
        var topics = classifier.Lexicon.Topics.Count;
        _byTopic = Enumerable.Range(0, topics).Select(_ => new EngagementAccumulator()).ToArray();
        _candidatesByTopic = new long[topics];
        _keptByTopic = new long[topics];
        _semanticOnlyByTopic = new long[topics];
        _nonOperationalByTopic = new long[topics];
        _operationalByCategory = new long[classifier.Lexicon.Operational.Count];
        _keywordPosts = new long[classifier.Keywords.Count];
        _keywordNonOperational = new long[classifier.Keywords.Count];
        _topicMonths = Enumerable.Range(0, topics).Select(_ => new Dictionary<int, long>()).ToArray();
        // Overall, per account type and per force figures are built from each account's engagement counts at the end:
        // one dictionary update per post instead of three accumulators.
        _accountTallies = accounts.Accounts.Select(_ => new AccountTally()).ToArray();
        _top = new TopPosts(topPosts);
        _topNonOperational = new TopPosts(topPosts);
    }

    /// <summary>The key for accounts with no force.</summary>
    public const string NoForce = "(no force)";

    public PostClassifier Classifier => _classifier;

    /// <summary>Classifies and counts one post, returning how it was classified (valid until the next call).</summary>
    public PostClass Add(in PostView post)
    {
        var c = _classifier.Classify(post.Text, _scratch);
        Add(post, c);
        return c;
    }

    /// <summary>Counts a post classified as <paramref name="c"/>.</summary>
    public void Add(in PostView post, in PostClass c) => Count(new PostFacts
    {
        AccountIndex = post.AccountIndex,
        PostedAt = post.PostedAt,
        Engagement = post.Engagement,
        Impressions = post.Impressions,
        IsRepost = post.IsRepost,
        OriginalAuthor = post.OriginalAuthor,
        PostId = post.PostId,
        Text = post.Text,
        Class = c.Summary(),
        Keywords = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(c.Keywords),
    });

    /// <summary>
    /// Classifies a post into <paramref name="batch"/> (on any thread), keeping only what <see cref="Add(PostBatch)"/> needs:
    /// the text and ids are copied only when the post could still enter the top posts, the original author only when the
    /// post has high engagement.
    /// </summary>
    public void ClassifyInto(in PostView post, PostBatch batch)
    {
        var c = _classifier.Classify(post.Text, _threadScratch ??= new ClassifierScratch());
        var e = post.Engagement;
        var keep = e > Volatile.Read(ref _carryTopAbove) || (c.NonOperational && e > Volatile.Read(ref _carryTopNonOperationalAbove));
        var keywordStart = batch.AddKeywords(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(c.Keywords));
        batch.Add(new ClassifiedPost(post.AccountIndex, post.PostedAt, e, post.Impressions, post.IsRepost,
            (keep || e > HighEngagement) && !post.OriginalAuthor.IsEmpty ? post.OriginalAuthor.ToString() : null,
            keep ? post.PostId.ToString() : null, keep ? post.Text.ToString() : null,
            c.Summary(), keywordStart, c.Keywords.Count));
    }

    /// <summary>Counts a batch classified by <see cref="ClassifyInto"/>; batches must be added in file order.</summary>
    public void Add(PostBatch batch)
    {
        var posts = batch.Posts;
        for (var i = 0; i < posts.Length; i++)
        {
            ref readonly var p = ref posts[i];
            Count(new PostFacts
            {
                AccountIndex = p.AccountIndex,
                PostedAt = p.PostedAt,
                Engagement = p.Engagement,
                Impressions = p.Impressions,
                IsRepost = p.IsRepost,
                OriginalAuthor = p.OriginalAuthor,
                PostId = p.PostId,
                Text = p.Text,
                Class = p.Class,
                Keywords = batch.Keywords(p.KeywordStart, p.KeywordCount),
            });
        }
    }

    [ThreadStatic]
    private static ClassifierScratch? _threadScratch;

    private long _carryTopAbove = -1, _carryTopNonOperationalAbove = -1;

    private void Count(in PostFacts post)
    {
        var c = post.Class;
        var account = _accounts.Accounts[post.AccountIndex];
        var e = post.Engagement;
        var followers = account.Followers;
        var impressions = post.Impressions;
        var nonOp = c.NonOperational;

        _accountTallies[post.AccountIndex].Add(e, impressions);
        _byClass[nonOp ? 1 : 0].Add(e, followers, impressions);

        var year = post.PostedAt.Year;
        if (year != _lastYear)
        {
            if (!_byYear.TryGetValue(year, out _lastYearAccumulator))
            {
                _byYear[year] = _lastYearAccumulator = new EngagementAccumulator();
                _postsByYear[year] = new long[2];
            }

            _lastYearCounts = _postsByYear[year];
            _lastYear = year;
        }

        _lastYearAccumulator!.Add(e, followers, impressions);
        _lastYearCounts![nonOp ? 1 : 0]++;

        _buckets[e switch { 0 => 0, < 10 => 1, < 100 => 2, < 1000 => 3, < 10_000 => 4, _ => 5 }]++;
        _words += c.Words;
        _wordsWithVectors += c.WordsWithVectors;
        if (_first is null || post.PostedAt < _first)
        {
            _first = post.PostedAt;
        }

        if (_last is null || post.PostedAt > _last)
        {
            _last = post.PostedAt;
        }

        if (c.Candidates != 0)
        {
            _candidates++;
            ForEachBit(c.Candidates, _candidatesByTopic);
            ForEachBit(c.Kept, _keptByTopic);
        }

        if (c.SemanticOnly != 0)
        {
            ForEachBit(c.SemanticOnly, _semanticOnlyByTopic);
        }

        for (var o = 0; o < _operationalByCategory.Length; o++)
        {
            if ((c.OperationalMatches & (1ul << o)) != 0)
            {
                _operationalByCategory[o]++;
            }
        }

        foreach (var k in post.Keywords)
        {
            _keywordPosts[k]++;
            if (nonOp)
            {
                _keywordNonOperational[k]++;
            }
        }

        if (nonOp)
        {
            _nonOperational++;
            var month = (year * 12) + post.PostedAt.Month - 1;
            for (var t = 0; t < _byTopic.Length; t++)
            {
                if ((c.Kept & (1u << t)) != 0)
                {
                    _nonOperationalByTopic[t]++;
                    _byTopic[t].Add(e, followers, impressions);
                    _topicMonths[t][month] = _topicMonths[t].GetValueOrDefault(month) + 1;
                }
            }
        }

        if (e > HighEngagement)
        {
            if (nonOp)
            {
                _highNonOperational++;
                if (post.IsRepost && !post.OriginalAuthor.IsEmpty && !_accounts.IsPoliceHandle(post.OriginalAuthor))
                {
                    _highNonOperationalNonPoliceReposts++;
                }

                if (account.Type == AccountType.Main)
                {
                    _highNonOperationalMain++;
                }
            }
            else
            {
                _highOperational++;
            }
        }

        if (_topCount > 0)
        {
            _top.Offer(post, account.Handle, nonOp);
            Volatile.Write(ref _carryTopAbove, _top.Least);
            if (nonOp)
            {
                _topNonOperational.Offer(post, account.Handle, nonOp);
                Volatile.Write(ref _carryTopNonOperationalAbove, _topNonOperational.Least);
            }
        }
    }

    public SocialAnalysisReport Build(string postsFile, string accountsFile, SocialReadSummary? posts = null, SocialReadSummary? accounts = null)
    {
        var lexicon = _classifier.Lexicon;
        var semantic = _classifier.Vectors is not null;
        // Overall, per type and per force figures are built from the account tallies one group at a time, so only one
        // group's histograms exist at once.
        var active = Enumerable.Range(0, _accountTallies.Length).Where(i => _accountTallies[i].Posts > 0).ToList();
        EngagementStats StatsOf(IEnumerable<int> accountIndexes)
        {
            var accumulator = new EngagementAccumulator();
            foreach (var i in accountIndexes)
            {
                accumulator.Add(_accountTallies[i], _accounts.Accounts[i].Followers);
            }

            return accumulator.Build();
        }

        var overall = StatsOf(active);
        var byType = Enum.GetValues<AccountType>().ToDictionary(t => t.Name(), t => StatsOf(active.Where(i => _accounts.Accounts[i].Type == t)));
        var byForce = new SortedDictionary<string, EngagementStats>(
            active.GroupBy(i => _accounts.Accounts[i].Force ?? NoForce).ToDictionary(g => g.Key, StatsOf), StringComparer.Ordinal);

        var postCount = overall.Posts;
        var topicNames = lexicon.Topics.Select(t => t.Name).ToList();
        Dictionary<string, long> PerTopic(long[] counts) => topicNames.Select((n, i) => (n, counts[i])).ToDictionary(x => x.n, x => x.Item2);

        var notes = new List<string>();
        if (!semantic)
        {
            notes.Add("Keyword-only: no word vectors were given (--vectors), so every post with a topic keyword and no operational keyword counts as non-operational, without the semantic check.");
        }
        else
        {
            notes.Add($"Semantic: candidates were kept when their cosine similarity to the topic reached {_classifier.Threshold.ToString("0.##", CultureInfo.InvariantCulture)}, using {_classifier.Vectors!.Count:N0} word vectors of {_classifier.Vectors.Dimensions} dimensions from {_classifier.Vectors.Source}.");
            foreach (var topic in _classifier.TopicsWithoutVectors)
            {
                notes.Add($"None of the keywords of '{topic}' is in the vector file, so no post can be kept for it.");
            }
        }

        var comparison = Compare(_byClass[0].Engagement, _byClass[1].Engagement);
        if (comparison.DispersionWarning is { } warning)
        {
            notes.Add(warning);
        }

        var inferred = _accounts.Accounts.Where(a => a.TypeInferred).Select(a => new InferredAccountType(a.AccountId, a.Handle, a.Type.Name(), a.TypeInference!)).ToList();
        if (inferred.Count > 0)
        {
            notes.Add($"{inferred.Count:N0} account type{(inferred.Count == 1 ? " was" : "s were")} inferred from handle and description; add an account_type column to correct any that are wrong.");
        }

        var keywordStats = new Dictionary<string, KeywordStats>(StringComparer.Ordinal);
        for (var k = 0; k < _classifier.Keywords.Count; k++)
        {
            var keyword = _classifier.Keywords[k];
            var group = keyword.IsTopic ? lexicon.Topics[keyword.Group].Name : lexicon.Operational[keyword.Group].Name;
            keywordStats[keyword.Word] = new KeywordStats(group, keyword.IsTopic, _keywordPosts[k], _keywordNonOperational[k]);
        }

        var accountsByType = new long[4];
        var postsByType = new long[4];
        for (var i = 0; i < _accounts.Count; i++)
        {
            accountsByType[(int)_accounts.Accounts[i].Type]++;
            postsByType[(int)_accounts.Accounts[i].Type] += _accountTallies[i].Posts;
        }

        return new SocialAnalysisReport
        {
            Posts = postCount,
            Accounts = _accounts.Count,
            Input = new InputSummary(postsFile, accountsFile, posts?.Rows ?? postCount, posts?.Skipped ?? 0, accounts?.Rows ?? _accounts.Count,
                accounts?.Skipped ?? 0, (posts?.ProblemCount ?? 0) + (accounts?.ProblemCount ?? 0),
                [.. (accounts?.Problems ?? []).Concat(posts?.Problems ?? []).Take(100)], _first, _last),
            Engagement = overall,
            Classification = new ClassificationStats
            {
                Mode = _classifier.Mode,
                Threshold = semantic ? _classifier.Threshold : null,
                VectorsFile = _classifier.Vectors?.Source,
                NonOperational = _nonOperational,
                NonOperationalShare = Share(_nonOperational, postCount),
                Operational = postCount - _nonOperational,
                Candidates = _candidates,
                ByTopic = PerTopic(_nonOperationalByTopic),
                ByTopicShare = topicNames.Select((n, i) => (n, Share(_nonOperationalByTopic[i], _nonOperational))).ToDictionary(x => x.n, x => x.Item2),
                CandidatesByTopic = PerTopic(_candidatesByTopic),
                KeptByTopic = semantic ? PerTopic(_keptByTopic) : null,
                SemanticOnlyByTopic = semantic ? PerTopic(_semanticOnlyByTopic) : null,
                OperationalByCategory = lexicon.Operational.Select((g, i) => (g.Name, _operationalByCategory[i])).ToDictionary(x => x.Name, x => x.Item2),
                ByKeyword = keywordStats,
                VocabularyCoverage = semantic ? Share(_wordsWithVectors, _words) : null,
            },
            AccountTypes = Enum.GetValues<AccountType>().ToDictionary(t => t.Name(), t => new AccountTypeStats(
                accountsByType[(int)t], Share(accountsByType[(int)t], _accounts.Count), postsByType[(int)t], Share(postsByType[(int)t], postCount))),
            Comparison = comparison,
            Splits = new EngagementSplits
            {
                ByClass = new Dictionary<string, EngagementStats> { ["operational"] = _byClass[0].Build(), ["nonOperational"] = _byClass[1].Build() },
                ByTopic = topicNames.Select((n, i) => (n, _byTopic[i].Build())).ToDictionary(x => x.n, x => x.Item2),
                ByAccountType = byType,
                ByForce = byForce,
                ByYear = new SortedDictionary<string, EngagementStats>(_byYear.ToDictionary(y => y.Key.ToString(CultureInfo.InvariantCulture), y => y.Value.Build()), StringComparer.Ordinal),
            },
            HighEngagement = new HighEngagementStats(_highOperational, _highNonOperational, _highNonOperationalNonPoliceReposts,
                Share(_highNonOperationalNonPoliceReposts, _highNonOperational), _highNonOperationalMain),
            EngagementDistribution = Buckets.Select((b, i) => new DistributionBucket(b.Label, b.From, b.To, _buckets[i], Share(_buckets[i], postCount))).ToList(),
            TopicsByMonth = TopicsByMonth(topicNames),
            PostsByYear = new SortedDictionary<string, ClassCount>(_postsByYear.ToDictionary(y => y.Key.ToString(CultureInfo.InvariantCulture), y => new ClassCount(y.Value[0], y.Value[1])), StringComparer.Ordinal),
            TopPosts = _top.Ranked(),
            TopNonOperationalPosts = _topNonOperational.Ranked(),
            InferredAccountTypes = inferred,
            Notes = notes,
        };
    }

    // Every month from the first to the last month with a post on any topic, zeros included, so a chart's gaps are real.
    private Dictionary<string, SortedDictionary<string, long>> TopicsByMonth(IReadOnlyList<string> topicNames)
    {
        var used = _topicMonths.SelectMany(m => m.Keys).ToList();
        var months = used.Count == 0 ? [] : Enumerable.Range(used.Min(), used.Max() - used.Min() + 1).ToList();
        return topicNames.Select((n, i) => (n, new SortedDictionary<string, long>(
                months.ToDictionary(m => $"{m / 12:D4}-{(m % 12) + 1:D2}", m => _topicMonths[i].GetValueOrDefault(m)), StringComparer.Ordinal)))
            .ToDictionary(x => x.n, x => x.Item2);
    }

    private static ComparisonStats Compare(CountHistogram operational, CountHistogram nonOperational)
    {
        var poisson = EngagementComparison.PoissonRateTest(operational, nonOperational);
        var mw = EngagementComparison.MannWhitneyU(operational, nonOperational);
        var nb = EngagementComparison.NegativeBinomialRateRatio(operational, nonOperational);
        // The Poisson test's own measure (the larger of the two groups' variance-to-mean ratios), so the reading and the
        // warning quote the same figure.
        var dispersion = poisson.DispersionIndex;
        return new ComparisonStats
        {
            OperationalPosts = operational.Count,
            NonOperationalPosts = nonOperational.Count,
            OperationalMean = operational.Count == 0 ? double.NaN : operational.Mean,
            NonOperationalMean = nonOperational.Count == 0 ? double.NaN : nonOperational.Mean,
            RateRatio = poisson.RateRatio,
            PoissonP = poisson.PValue,
            PoissonReading = poisson.Reading,
            DispersionIndex = dispersion,
            OverdispersedTest = "Mann-Whitney U",
            OverdispersedP = mw.PValue,
            OverdispersedReading = mw.Reading,
            ProbabilityNonOperationalHigher = mw.ProbabilityBGreater,
            NegativeBinomialRateRatio = nb.RateRatio,
            NegativeBinomialLower95 = nb.Lower95,
            NegativeBinomialUpper95 = nb.Upper95,
            NegativeBinomialP = nb.PValue,
            NegativeBinomialReading = nb.Reading,
            DispersionWarning = EngagementComparison.DispersionWarning(dispersion),
        };
    }

    private static void ForEachBit(uint mask, long[] counts)
    {
        while (mask != 0)
        {
            var t = System.Numerics.BitOperations.TrailingZeroCount(mask);
            counts[t]++;
            mask &= mask - 1;
        }
    }

    internal static double Share(long part, long whole) => whole == 0 ? 0 : (double)part / whole;

    /// <summary>Keeps the posts with the most engagement seen so far (ties: the earlier post stays).</summary>
    private sealed class TopPosts(int size)
    {
        private readonly PriorityQueue<TopPost, long> _heap = new();

        /// <summary>The engagement a post must beat to enter: -1 until the list is full.</summary>
        public long Least => _heap.Count >= size && _heap.TryPeek(out _, out var least) ? least : -1;

        public void Offer(in PostFacts post, string handle, bool nonOperational)
        {
            var e = post.Engagement;
            if (_heap.Count >= size && (size == 0 || !_heap.TryPeek(out _, out var least) || e <= least))
            {
                return;
            }

            var text = post.Text.Length > 280 ? string.Concat(post.Text[..279], "…") : post.Text.ToString();
            var entry = new TopPost(post.PostId.ToString(), handle, post.PostedAt, e, nonOperational, post.IsRepost,
                post.OriginalAuthor.IsEmpty ? null : post.OriginalAuthor.ToString(), text);
            if (_heap.Count >= size)
            {
                _heap.DequeueEnqueue(entry, e);
            }
            else
            {
                _heap.Enqueue(entry, e);
            }
        }

        public List<TopPost> Ranked() => _heap.UnorderedItems.Select(x => x.Element).OrderByDescending(p => p.Engagement).ThenBy(p => p.PostedAt).ToList();
    }
}

/// <summary>How a post was classified, without the per-post scratch lists.</summary>
public readonly record struct ClassSummary(uint Candidates, uint Kept, uint SemanticOnly, ulong OperationalMatches, bool NonOperational, int Words, int WordsWithVectors);

/// <summary>A post classified on one thread, waiting to be counted on another.</summary>
public readonly record struct ClassifiedPost(int AccountIndex, DateTimeOffset PostedAt, long Engagement, long? Impressions, bool IsRepost,
    string? OriginalAuthor, string? PostId, string? Text, ClassSummary Class, int KeywordStart, int KeywordCount);

/// <summary>Classified posts handed from the reading thread to the counting thread, with their keywords in one array.</summary>
public sealed class PostBatch(int capacity)
{
    private readonly ClassifiedPost[] _posts = new ClassifiedPost[capacity];
    private int[] _keywords = new int[capacity * 2];
    private int _count, _keywordCount;

    public bool IsFull => _count == _posts.Length;

    public ReadOnlySpan<ClassifiedPost> Posts => _posts.AsSpan(0, _count);

    public void Add(in ClassifiedPost post) => _posts[_count++] = post;

    public int AddKeywords(ReadOnlySpan<int> keywords)
    {
        var start = _keywordCount;
        if (start + keywords.Length > _keywords.Length)
        {
            Array.Resize(ref _keywords, Math.Max(_keywords.Length * 2, start + keywords.Length));
        }

        keywords.CopyTo(_keywords.AsSpan(start));
        _keywordCount += keywords.Length;
        return start;
    }

    public ReadOnlySpan<int> Keywords(int start, int count) => _keywords.AsSpan(start, count);

    public void Clear()
    {
        Array.Clear(_posts, 0, _count);
        _count = 0;
        _keywordCount = 0;
    }
}

/// <summary>What the analyzer counts of one post.</summary>
internal readonly ref struct PostFacts
{
    public required int AccountIndex { get; init; }
    public required DateTimeOffset PostedAt { get; init; }
    public required long Engagement { get; init; }
    public required long? Impressions { get; init; }
    public required bool IsRepost { get; init; }
    public required ReadOnlySpan<char> OriginalAuthor { get; init; }
    public required ReadOnlySpan<char> PostId { get; init; }
    public required ReadOnlySpan<char> Text { get; init; }
    public required ClassSummary Class { get; init; }
    public required ReadOnlySpan<int> Keywords { get; init; }
}

/// <summary>One account's posts: how many had each engagement count, and their impressions.</summary>
internal sealed class AccountTally
{
    public Dictionary<long, long> Counts { get; } = [];
    public long Posts { get; private set; }
    public long WithImpressions { get; private set; }
    public double RateEngagement { get; private set; }
    public double RateImpressions { get; private set; }
    public RatioHistogram? Rates { get; private set; }

    public void Add(long engagement, long? impressions)
    {
        Posts++;
        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(Counts, engagement, out _)++;
        if (impressions is > 0 and var shown)
        {
            WithImpressions++;
            RateEngagement += engagement;
            RateImpressions += shown;
            (Rates ??= new RatioHistogram()).Add(engagement, shown);
        }
    }
}

/// <summary>Engagement counts and distributions for one group of posts.</summary>
internal sealed class EngagementAccumulator
{
    private long _zero, _under10, _over10000;
    private double _rateEngagement, _rateImpressions;
    private long _withImpressions;
    private RatioHistogram? _rates;

    public long Posts { get; private set; }

    public CountHistogram Engagement { get; } = new();

    public RatioHistogram PerFollower { get; } = new();

    public void Add(long engagement, long followers, long? impressions)
    {
        Posts++;
        if (engagement == 0)
        {
            _zero++;
        }

        if (engagement < 10)
        {
            _under10++;
        }
        else if (engagement > SocialAnalyzer.HighEngagement)
        {
            _over10000++;
        }

        Engagement.Add(engagement);
        if (followers > 0)
        {
            PerFollower.Add(engagement, followers);
        }

        if (impressions is > 0 and var shown)
        {
            _withImpressions++;
            _rateEngagement += engagement;
            _rateImpressions += shown;
            (_rates ??= new RatioHistogram()).Add(engagement, shown);
        }
    }

    /// <summary>Adds every post of one account at once.</summary>
    public void Add(AccountTally tally, long followers)
    {
        foreach (var (engagement, count) in tally.Counts)
        {
            Posts += count;
            if (engagement == 0)
            {
                _zero += count;
            }

            if (engagement < 10)
            {
                _under10 += count;
            }
            else if (engagement > SocialAnalyzer.HighEngagement)
            {
                _over10000 += count;
            }

            Engagement.Add(engagement, count);
            if (followers > 0)
            {
                PerFollower.Add(engagement, followers, count);
            }
        }

        if (tally.Rates is { } rates)
        {
            _withImpressions += tally.WithImpressions;
            _rateEngagement += tally.RateEngagement;
            _rateImpressions += tally.RateImpressions;
            (_rates ??= new RatioHistogram()).Merge(rates);
        }
    }

    public EngagementStats Build()
    {
        var perFollower = PerFollower;
        return new EngagementStats
        {
            Posts = Posts,
            Zero = _zero,
            ZeroShare = SocialAnalyzer.Share(_zero, Posts),
            Under10 = _under10,
            Under10Share = SocialAnalyzer.Share(_under10, Posts),
            Over10000 = _over10000,
            Over10000Share = SocialAnalyzer.Share(_over10000, Posts),
            TotalEngagement = (long)Engagement.Sum,
            MeanEngagement = Posts == 0 ? 0 : Engagement.Mean,
            MedianEngagement = Median(Engagement),
            PostsWithFollowers = perFollower.Count,
            MedianPerFollower = perFollower.Quantile(0.5),
            P90PerFollower = perFollower.Quantile(0.9),
            MedianPer1000Followers = perFollower.Quantile(0.5) * 1000,
            P90Per1000Followers = perFollower.Quantile(0.9) * 1000,
            UnderOnePerFollowerShare = SocialAnalyzer.Share(perFollower.CountBelow(1), perFollower.Count),
            PostsWithImpressions = _withImpressions,
            EngagementRate = _withImpressions == 0 ? null : _rateEngagement / _rateImpressions,
            MedianEngagementRate = _rates?.Quantile(0.5),
        };
    }

    // The R-7 median (the middle value, or the mean of the two middle values).
    private static double Median(CountHistogram histogram)
    {
        if (histogram.Count == 0)
        {
            return double.NaN;
        }

        var lowRank = (histogram.Count - 1) / 2;
        var highRank = histogram.Count / 2;
        long seen = 0;
        double? low = null;
        foreach (var (value, count) in histogram.Ascending())
        {
            seen += count;
            if (low is null && seen > lowRank)
            {
                low = value;
            }

            if (seen > highRank)
            {
                return (low!.Value + value) / 2;
            }
        }

        return double.NaN;
    }
}
