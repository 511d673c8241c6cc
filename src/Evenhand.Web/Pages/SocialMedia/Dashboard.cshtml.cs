using Evenhand.SocialMedia;
using Evenhand.SocialMedia.Datasets;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using static Evenhand.Web.Pages.SocialMedia.SocialMediaFormat;

namespace Evenhand.Web.Pages.SocialMedia;

/// <summary>
/// A dataset's page: while it is being imported, how far the import has got (the page refreshes itself every few seconds);
/// once it is ready, the whole analysis — engagement, classification with each keyword's dip-sample precision, the
/// comparison of engagement, the report's look at high engagement, splits, top posts and inferred account types — with a
/// CSV of every table.
/// </summary>
public sealed class DashboardModel(SocialMediaReader reader, ForceScopeFilter forces, IAuthorizationService authz, TimeProvider time, DipSampleService samples, ImportProgressStore progress)
    : SocialMediaPageModel(reader, forces, authz, time)
{
    /// <summary>The CSV tables of the page: key and what it holds.</summary>
    public static IReadOnlyList<(string Key, string Label)> Tables { get; } =
    [
        ("engagement", "engagement"),
        ("engagement-distribution", "engagement distribution"),
        ("account-types", "account types"),
        ("classification-by-topic", "classification by topic"),
        ("classification-by-keyword", "classification by keyword"),
        ("operational-categories", "operational categories"),
        ("topics-by-month", "topics by month"),
        ("posts-by-year", "posts by year"),
        ("comparison", "comparison of engagement"),
        ("high-engagement", "high engagement"),
        ("splits", "engagement splits"),
        ("top-posts", "top posts"),
        ("accounts", "accounts"),
    ];

    [FromQuery(Name = "refresh")] public string? Refresh { get; set; }

    public override string Title => Dataset.Name;

    public SocialAnalysisReport? Report { get; private set; }

    public DipPrecisionTable Precision { get; private set; } = new([], []);

    /// <summary>While importing: the share of the posts file read so far, whichever server is running the import.</summary>
    public double? ImportFraction { get; private set; }

    public bool InProgress => Dataset.Status is DatasetStatus.Queued or DatasetStatus.Importing;

    /// <summary>The page reloads itself every 3 seconds while importing, unless the user turned that off (WCAG 2.2.1).</summary>
    public bool AutoRefresh => InProgress && Refresh != "off";

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (InProgress)
        {
            ImportFraction = progress.Fraction(Dataset);
            return;
        }

        if (Dataset.Status == DatasetStatus.Ready)
        {
            Report = Dataset.Analysis();
            Precision = await samples.PrecisionAsync(Dataset.Id, ct);
        }
    }

    public DipPrecisionRow? KeywordPrecision(string keyword) => Precision.ByKeyword.FirstOrDefault(r => r.Name == keyword);

    public DipPrecisionRow? GroupPrecision(string group, bool isTopic) => Precision.ByGroup.FirstOrDefault(r => r.Name == group && r.IsTopic == isTopic);

    public string CsvUrl(string table) => DatasetUrl() + "?handler=Csv&table=" + table;

    /// <summary>One table of the analysis as CSV: <c>?handler=Csv&amp;table=splits</c>.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? table, CancellationToken ct)
    {
        if (Dataset.Status != DatasetStatus.Ready || Dataset.Analysis() is not { } r || Tables.All(t => t.Key != table))
        {
            return NotFound();
        }

        Precision = await samples.PrecisionAsync(Dataset.Id, ct);
        var lexicon = Dataset.Lexicon();
        byte[] csv = table switch
        {
            "engagement" => Csv.Write(EngagementRows(r.Engagement)),
            "engagement-distribution" => Csv.Write(r.EngagementDistribution.Select(b => new
            {
                engagement = b.Label, from = b.From, to = b.To?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", posts = b.Posts, share = SocialMediaFormat.CsvNumber(b.Share),
            })),
            "account-types" => Csv.Write(r.AccountTypes.Select(t => new
            {
                account_type = t.Key, accounts = t.Value.Accounts, share_of_accounts = SocialMediaFormat.CsvNumber(t.Value.AccountShare), posts = t.Value.Posts, share_of_posts = SocialMediaFormat.CsvNumber(t.Value.PostShare),
            })),
            "classification-by-topic" => Csv.Write(lexicon.Topics.Select(t => (t, p: GroupPrecision(t.Name, true))).Select(x => new
            {
                topic = x.t.Name,
                non_operational_posts = r.Classification.ByTopic.GetValueOrDefault(x.t.Name),
                share_of_non_operational = SocialMediaFormat.CsvNumber(r.Classification.ByTopicShare.GetValueOrDefault(x.t.Name)),
                posts_with_keywords = r.Classification.CandidatesByTopic.GetValueOrDefault(x.t.Name),
                kept_by_semantic_check = r.Classification.KeptByTopic?.GetValueOrDefault(x.t.Name).ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                sampled = x.p?.Sampled ?? 0, reviewed = x.p?.Reviewed ?? 0, marked_non_operational = x.p?.MarkedNonOperational ?? 0,
                keyword_precision = SocialMediaFormat.CsvNumber(x.p?.KeywordPrecision), keyword_precision_lower_95 = SocialMediaFormat.CsvNumber(x.p?.KeywordLower),
                keyword_precision_upper_95 = SocialMediaFormat.CsvNumber(x.p?.KeywordUpper), classifier_precision = SocialMediaFormat.CsvNumber(x.p?.ClassifierPrecision),
                classifier_precision_lower_95 = SocialMediaFormat.CsvNumber(x.p?.ClassifierLower), classifier_precision_upper_95 = SocialMediaFormat.CsvNumber(x.p?.ClassifierUpper),
            })),
            "classification-by-keyword" => Csv.Write(r.Classification.ByKeyword.OrderByDescending(k => k.Value.IsTopic).ThenBy(k => k.Value.Group, StringComparer.Ordinal)
                .ThenBy(k => k.Key, StringComparer.Ordinal).Select(k => (k, p: KeywordPrecision(k.Key))).Select(x => new
                {
                    keyword = x.k.Key, group = x.k.Value.Group, kind = x.k.Value.IsTopic ? "topic" : "operational", posts = x.k.Value.Posts, non_operational_posts = x.k.Value.NonOperational,
                    sampled = x.p?.Sampled ?? 0, reviewed = x.p?.Reviewed ?? 0, marked_non_operational = x.p?.MarkedNonOperational ?? 0,
                    keyword_precision = SocialMediaFormat.CsvNumber(x.p?.KeywordPrecision), keyword_precision_lower_95 = SocialMediaFormat.CsvNumber(x.p?.KeywordLower),
                    keyword_precision_upper_95 = SocialMediaFormat.CsvNumber(x.p?.KeywordUpper), classifier_precision = SocialMediaFormat.CsvNumber(x.p?.ClassifierPrecision),
                    classifier_precision_lower_95 = SocialMediaFormat.CsvNumber(x.p?.ClassifierLower), classifier_precision_upper_95 = SocialMediaFormat.CsvNumber(x.p?.ClassifierUpper),
                })),
            "operational-categories" => Csv.Write(r.Classification.OperationalByCategory.Select(c => new { category = c.Key, posts = c.Value })),
            "topics-by-month" => Csv.Write(TopicMonthRows(r)),
            "posts-by-year" => Csv.Write(r.PostsByYear.Select(y => new { year = y.Key, operational = y.Value.Operational, non_operational = y.Value.NonOperational, posts = y.Value.Operational + y.Value.NonOperational })),
            "comparison" => Csv.Write(ComparisonRows(r.Comparison)),
            "high-engagement" => Csv.Write(new[]
            {
                new { measure = "operational_posts_over_10000", value = r.HighEngagement.Operational.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                new { measure = "non_operational_posts_over_10000", value = r.HighEngagement.NonOperational.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                new { measure = "of_which_reposts_of_non_police_accounts", value = r.HighEngagement.NonOperationalRepostsOfNonPoliceAccounts.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                new { measure = "share_reposts_of_non_police_accounts", value = SocialMediaFormat.CsvNumber(r.HighEngagement.NonOperationalRepostsOfNonPoliceShare) },
                new { measure = "of_which_from_main_accounts", value = r.HighEngagement.NonOperationalFromMainAccounts.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            }),
            "splits" => Csv.Write(SplitRows(r.Splits)),
            "top-posts" => Csv.Write(r.TopPosts.Select(p => (list: "all", p)).Concat(r.TopNonOperationalPosts.Select(p => (list: "non-operational", p))).Select(x => new
            {
                x.list, post_id = x.p.PostId, handle = x.p.Handle, posted_at = Iso(x.p.PostedAt), engagement = x.p.Engagement,
                classification = x.p.NonOperational ? "non-operational" : "operational", is_repost = x.p.IsRepost, original_author = x.p.OriginalAuthor ?? "", text = x.p.Text,
            })),
            _ => Csv.Write((await Reader.AccountsAsync(Dataset.Id, ct)).Select(a => new
            {
                account_id = a.AccountId, handle = a.Handle, full_name = a.FullName, force = a.Force ?? "", account_type = a.Type.Name(),
                type_inferred = a.TypeInference is not null, inference_reason = a.TypeInference ?? "", followers = a.Followers, posts_in_dataset = a.Posts,
                total_posts = a.TotalPosts, verified = a.Verified, created_at = Iso(a.CreatedAt), location = a.Location, url = a.Url, description = a.Description,
            })),
        };
        return File(csv, "text/csv; charset=utf-8", $"social-media-{Dataset.Id}-{table}.csv");
    }

    private static IEnumerable<object> EngagementRows(EngagementStats e) =>
    [
        new { measure = "posts", value = e.Posts.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        new { measure = "no_engagement", value = e.Zero.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        new { measure = "share_no_engagement", value = SocialMediaFormat.CsvNumber(e.ZeroShare) },
        new { measure = "fewer_than_10", value = e.Under10.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        new { measure = "share_fewer_than_10", value = SocialMediaFormat.CsvNumber(e.Under10Share) },
        new { measure = "more_than_10000", value = e.Over10000.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        new { measure = "share_more_than_10000", value = SocialMediaFormat.CsvNumber(e.Over10000Share) },
        new { measure = "share_under_one_per_follower", value = SocialMediaFormat.CsvNumber(e.UnderOnePerFollowerShare) },
        new { measure = "median_per_1000_followers", value = SocialMediaFormat.CsvNumber(e.MedianPer1000Followers) },
        new { measure = "percentile_90_per_1000_followers", value = SocialMediaFormat.CsvNumber(e.P90Per1000Followers) },
        new { measure = "median_engagement", value = SocialMediaFormat.CsvNumber(e.MedianEngagement) },
        new { measure = "mean_engagement", value = SocialMediaFormat.CsvNumber(e.MeanEngagement) },
        new { measure = "total_engagement", value = e.TotalEngagement.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        new { measure = "posts_with_impressions", value = e.PostsWithImpressions.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        new { measure = "engagement_rate", value = SocialMediaFormat.CsvNumber(e.EngagementRate) },
        new { measure = "median_engagement_rate", value = SocialMediaFormat.CsvNumber(e.MedianEngagementRate) },
    ];

    private static IEnumerable<object> ComparisonRows(ComparisonStats c) =>
    [
        new { measure = "operational_posts", value = c.OperationalPosts.ToString(System.Globalization.CultureInfo.InvariantCulture), reading = "" },
        new { measure = "non_operational_posts", value = c.NonOperationalPosts.ToString(System.Globalization.CultureInfo.InvariantCulture), reading = "" },
        new { measure = "operational_mean_engagement", value = SocialMediaFormat.CsvNumber(c.OperationalMean), reading = "" },
        new { measure = "non_operational_mean_engagement", value = SocialMediaFormat.CsvNumber(c.NonOperationalMean), reading = "" },
        new { measure = "rate_ratio", value = SocialMediaFormat.CsvNumber(c.RateRatio), reading = "" },
        new { measure = "poisson_p", value = SocialMediaFormat.CsvNumber(c.PoissonP), reading = c.PoissonReading },
        new { measure = "dispersion_index", value = SocialMediaFormat.CsvNumber(c.DispersionIndex), reading = c.DispersionWarning ?? "" },
        new { measure = "mann_whitney_p", value = SocialMediaFormat.CsvNumber(c.OverdispersedP), reading = c.OverdispersedReading },
        new { measure = "probability_non_operational_higher", value = SocialMediaFormat.CsvNumber(c.ProbabilityNonOperationalHigher), reading = "" },
        new { measure = "negative_binomial_rate_ratio", value = SocialMediaFormat.CsvNumber(c.NegativeBinomialRateRatio), reading = c.NegativeBinomialReading },
        new { measure = "negative_binomial_lower_95", value = SocialMediaFormat.CsvNumber(c.NegativeBinomialLower95), reading = "" },
        new { measure = "negative_binomial_upper_95", value = SocialMediaFormat.CsvNumber(c.NegativeBinomialUpper95), reading = "" },
        new { measure = "negative_binomial_p", value = SocialMediaFormat.CsvNumber(c.NegativeBinomialP), reading = "" },
    ];

    /// <summary>Every split in one table, with a "split" column: class, topic, account type, force, year.</summary>
    public static IEnumerable<object> SplitRows(EngagementSplits s) =>
        Split("class", s.ByClass).Concat(Split("topic", s.ByTopic)).Concat(Split("account-type", s.ByAccountType))
            .Concat(Split("force", s.ByForce)).Concat(Split("year", s.ByYear));

    private static IEnumerable<object> Split(string split, IEnumerable<KeyValuePair<string, EngagementStats>> groups) =>
        groups.Select(g => new
        {
            split, group = g.Key, posts = g.Value.Posts, no_engagement = g.Value.Zero, share_no_engagement = SocialMediaFormat.CsvNumber(g.Value.ZeroShare),
            fewer_than_10 = g.Value.Under10, share_fewer_than_10 = SocialMediaFormat.CsvNumber(g.Value.Under10Share), more_than_10000 = g.Value.Over10000,
            median_engagement = SocialMediaFormat.CsvNumber(g.Value.MedianEngagement), mean_engagement = SocialMediaFormat.CsvNumber(g.Value.MeanEngagement),
            median_per_1000_followers = SocialMediaFormat.CsvNumber(g.Value.MedianPer1000Followers), percentile_90_per_1000_followers = SocialMediaFormat.CsvNumber(g.Value.P90Per1000Followers),
            share_under_one_per_follower = SocialMediaFormat.CsvNumber(g.Value.UnderOnePerFollowerShare), engagement_rate = SocialMediaFormat.CsvNumber(g.Value.EngagementRate),
        });

    private static IEnumerable<object> TopicMonthRows(SocialAnalysisReport r)
    {
        var months = r.TopicsByMonth.Values.SelectMany(m => m.Keys).Distinct().Order(StringComparer.Ordinal);
        return months.SelectMany(m => r.TopicsByMonth.Select(t => new { month = m, topic = t.Key, non_operational_posts = t.Value.GetValueOrDefault(m) }));
    }
}
