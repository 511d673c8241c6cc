namespace Evenhand.SocialMedia;

/// <summary>
/// Everything the analysis of one dataset found. Serialised with camelCase names, it is the <c>--json</c> output of
/// <c>evenhand social analyze</c> and what the web dashboard shows.
/// </summary>
public sealed record SocialAnalysisReport
{
    public required long Posts { get; init; }
    public required int Accounts { get; init; }
    public required InputSummary Input { get; init; }
    public required EngagementStats Engagement { get; init; }
    public required ClassificationStats Classification { get; init; }
    public required Dictionary<string, AccountTypeStats> AccountTypes { get; init; }
    public required ComparisonStats Comparison { get; init; }
    public required EngagementSplits Splits { get; init; }
    public required HighEngagementStats HighEngagement { get; init; }
    public required List<DistributionBucket> EngagementDistribution { get; init; }

    /// <summary>Non-operational posts per topic per month ("2021-06"), for the topics-over-time chart.</summary>
    public required Dictionary<string, SortedDictionary<string, long>> TopicsByMonth { get; init; }

    /// <summary>Posts per year, operational and non-operational.</summary>
    public required SortedDictionary<string, ClassCount> PostsByYear { get; init; }

    public required List<TopPost> TopPosts { get; init; }
    public required List<TopPost> TopNonOperationalPosts { get; init; }

    /// <summary>Accounts whose type was inferred from handle and description, with the reason, so a user can check them.</summary>
    public required List<InferredAccountType> InferredAccountTypes { get; init; }

    /// <summary>Plain-English notes on how to read the figures (for example that the run was keyword-only).</summary>
    public required List<string> Notes { get; init; }
}

public sealed record InputSummary(string PostsFile, string AccountsFile, long PostRows, long PostsSkipped, long AccountRows, long AccountsSkipped,
    long ProblemCount, List<RowProblem> Problems, DateTimeOffset? FirstPost, DateTimeOffset? LastPost);

/// <summary>Engagement figures for a set of posts. Shares are of the posts in the set; per-follower figures leave out accounts with no followers.</summary>
public sealed record EngagementStats
{
    public required long Posts { get; init; }
    public required long Zero { get; init; }
    public required double ZeroShare { get; init; }

    /// <summary>Posts with fewer than 10 engagements, including those with none (the report's "less than 10").</summary>
    public required long Under10 { get; init; }
    public required double Under10Share { get; init; }
    public required long Over10000 { get; init; }
    public required double Over10000Share { get; init; }
    public required long TotalEngagement { get; init; }
    public required double MeanEngagement { get; init; }
    public required double MedianEngagement { get; init; }
    public required long PostsWithFollowers { get; init; }
    public required double MedianPerFollower { get; init; }
    public required double P90PerFollower { get; init; }
    public required double MedianPer1000Followers { get; init; }
    public required double P90Per1000Followers { get; init; }

    /// <summary>Share of posts (of those whose account has followers) with less than one engagement per follower.</summary>
    public required double UnderOnePerFollowerShare { get; init; }

    /// <summary>Engagements ÷ impressions over the posts that give impressions; null when the export has none.</summary>
    public double? EngagementRate { get; init; }
    public double? MedianEngagementRate { get; init; }
    public long PostsWithImpressions { get; init; }
}

public sealed record ClassificationStats
{
    /// <summary>"keyword" (no word vectors given) or "semantic".</summary>
    public required string Mode { get; init; }
    public double? Threshold { get; init; }
    public string? VectorsFile { get; init; }
    public required long NonOperational { get; init; }
    public required double NonOperationalShare { get; init; }
    public required long Operational { get; init; }

    /// <summary>Posts with at least one topic keyword.</summary>
    public required long Candidates { get; init; }

    /// <summary>Non-operational posts per topic (a post can be in more than one topic).</summary>
    public required Dictionary<string, long> ByTopic { get; init; }

    /// <summary>Share of non-operational posts in each topic (the report: 72 percent gender and sexuality).</summary>
    public required Dictionary<string, double> ByTopicShare { get; init; }
    public required Dictionary<string, long> CandidatesByTopic { get; init; }

    /// <summary>Candidates whose semantic score reached the threshold, per topic (semantic mode only).</summary>
    public Dictionary<string, long>? KeptByTopic { get; init; }

    /// <summary>Posts scoring at or above the threshold for a topic without any of its keywords: possible misses worth a look.</summary>
    public Dictionary<string, long>? SemanticOnlyByTopic { get; init; }

    /// <summary>Posts matching each operational category.</summary>
    public required Dictionary<string, long> OperationalByCategory { get; init; }

    /// <summary>Per keyword: its group, the posts containing it, and how many of those were classified non-operational.</summary>
    public required Dictionary<string, KeywordStats> ByKeyword { get; init; }

    /// <summary>Share of words (common words aside) found in the vector file (semantic mode only).</summary>
    public double? VocabularyCoverage { get; init; }
}

public sealed record KeywordStats(string Group, bool IsTopic, long Posts, long NonOperational);

public sealed record AccountTypeStats(long Accounts, double AccountShare, long Posts, double PostShare);

public sealed record ComparisonStats
{
    public required long OperationalPosts { get; init; }
    public required long NonOperationalPosts { get; init; }
    public required double OperationalMean { get; init; }
    public required double NonOperationalMean { get; init; }
    public required double RateRatio { get; init; }
    public required double PoissonP { get; init; }
    public required string PoissonReading { get; init; }
    public required double DispersionIndex { get; init; }
    public required string OverdispersedTest { get; init; }
    public required double OverdispersedP { get; init; }
    public required string OverdispersedReading { get; init; }
    public required double ProbabilityNonOperationalHigher { get; init; }
    public required double NegativeBinomialRateRatio { get; init; }
    public required double NegativeBinomialLower95 { get; init; }
    public required double NegativeBinomialUpper95 { get; init; }
    public required double NegativeBinomialP { get; init; }
    public required string NegativeBinomialReading { get; init; }
    public string? DispersionWarning { get; init; }
}

public sealed record EngagementSplits
{
    public required Dictionary<string, EngagementStats> ByClass { get; init; }
    public required Dictionary<string, EngagementStats> ByTopic { get; init; }
    public required Dictionary<string, EngagementStats> ByAccountType { get; init; }
    public required SortedDictionary<string, EngagementStats> ByForce { get; init; }
    public required SortedDictionary<string, EngagementStats> ByYear { get; init; }
}

/// <summary>The report's look at posts with more than 10,000 engagements.</summary>
public sealed record HighEngagementStats(
    long Operational,
    long NonOperational,
    long NonOperationalRepostsOfNonPoliceAccounts,
    double NonOperationalRepostsOfNonPoliceShare,
    long NonOperationalFromMainAccounts);

public sealed record DistributionBucket(string Label, long From, long? To, long Posts, double Share);

public sealed record ClassCount(long Operational, long NonOperational);

public sealed record TopPost(string PostId, string Handle, DateTimeOffset PostedAt, long Engagement, bool NonOperational, bool IsRepost, string? OriginalAuthor, string Text);

public sealed record InferredAccountType(string AccountId, string Handle, string Type, string Reason);
