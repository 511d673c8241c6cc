using Evenhand.SocialMedia;

namespace Evenhand.Tests.SocialMedia;

/// <summary>Every expected figure here is worked out by hand from <see cref="SocialTestData"/> (see the comments).</summary>
public sealed class SocialAnalyzerTests
{
    [Fact]
    public void Engagement_counts_and_shares_are_those_worked_out_by_hand()
    {
        var r = SocialTestData.Analyse();

        Assert.Equal(8, r.Posts);
        Assert.Equal(3, r.Accounts);
        // Engagement 10, 0, 4, 12000, 7, 20000, 3, 1: one with none; 0, 4, 7, 3 and 1 under 10; 12000 and 20000 over 10,000.
        Assert.Equal(1, r.Engagement.Zero);
        Assert.Equal(1 / 8.0, r.Engagement.ZeroShare);
        Assert.Equal(5, r.Engagement.Under10);
        Assert.Equal(5 / 8.0, r.Engagement.Under10Share);
        Assert.Equal(2, r.Engagement.Over10000);
        Assert.Equal(32025, r.Engagement.TotalEngagement);
        // Sorted: 0, 1, 3, 4, 7, 10, 12000, 20000: the median is halfway between 4 and 7.
        Assert.Equal((4 + 7) / 2.0, r.Engagement.MedianEngagement);
    }

    [Fact]
    public void Per_follower_figures_leave_out_accounts_with_no_followers()
    {
        var r = SocialTestData.Analyse();

        // a3 has no followers, so p5 and p7 are left out. The rest, sorted: 0/1000, 1/1000, 10/1000, 4/10, 20000/1000, 12000/10.
        Assert.Equal(6, r.Engagement.PostsWithFollowers);
        Assert.Equal((0.01 + 0.4) / 2, r.Engagement.MedianPerFollower, 12);
        // h = 5 × 0.9 = 4.5, halfway between 20 and 1,200.
        Assert.Equal(20 + (0.5 * (1200 - 20)), r.Engagement.P90PerFollower, 9);
        Assert.Equal(r.Engagement.MedianPerFollower * 1000, r.Engagement.MedianPer1000Followers, 9);
        // 0, 0.001, 0.01 and 0.4 are under one per follower.
        Assert.Equal(4 / 6.0, r.Engagement.UnderOnePerFollowerShare, 12);
        Assert.Null(r.Engagement.EngagementRate);
    }

    [Fact]
    public void Keyword_mode_counts_a_topic_keyword_without_an_operational_keyword_as_non_operational()
    {
        var r = SocialTestData.Analyse();

        Assert.Equal("keyword", r.Classification.Mode);
        Assert.Contains(r.Notes, n => n.StartsWith("Keyword-only", StringComparison.Ordinal));
        // p2 (pride, lgbtq), p4 (climate), p6 (racism, homophobia), p7 (gender). p3 has racism but also "join" (recruitment).
        Assert.Equal(4, r.Classification.NonOperational);
        Assert.Equal(0.5, r.Classification.NonOperationalShare);
        Assert.Equal(5, r.Classification.Candidates);
        Assert.Equal(3, r.Classification.ByTopic["gender and sexuality"]);
        Assert.Equal(1, r.Classification.ByTopic["race"]);
        Assert.Equal(1, r.Classification.ByTopic["climate activism"]);
        Assert.Equal(2, r.Classification.CandidatesByTopic["race"]);
        Assert.Equal(new KeywordStats("race", true, 2, 1), r.Classification.ByKeyword["racism"]);
        Assert.Equal(new KeywordStats("recruitment", false, 1, 0), r.Classification.ByKeyword["join"]);
        // p1: appeal, witnesses, collision; p3: join; p5: road, closed.
        Assert.Equal(1, r.Classification.OperationalByCategory["appeals"]);
        Assert.Equal(1, r.Classification.OperationalByCategory["witnesses"]);
        Assert.Equal(2, r.Classification.OperationalByCategory["road closures"]);
        Assert.Equal(1, r.Classification.OperationalByCategory["recruitment"]);
        Assert.Null(r.Classification.KeptByTopic);
    }

    [Fact]
    public void Semantic_mode_keeps_candidates_that_reach_the_threshold()
    {
        var r = SocialTestData.Analyse(SocialTestData.Vectors());

        Assert.Equal("semantic", r.Classification.Mode);
        Assert.Equal(0.4, r.Classification.Threshold);
        // Word vectors are unit length, so a post's embedding counts its words per direction (gender, race, climate, other).
        // p2: pride, lgbtq + proud, support, month = (2, 0, 0, 3): cos 2/√13 = 0.55, kept.
        // p6: homophobia, racism + stand, against = (1, 1, 0, 2): cos 1/√6 = 0.41 for both topics, kept.
        // p4: climate, climateaction + change, real = (0, 0, 2, 2): cos 0.71, kept.
        // p7: gender + reveal, party, ruined, weather, lots, cake × 3 = (1, 0, 0, 8): cos 1/√65 = 0.12, dropped.
        Assert.Equal(3, r.Classification.NonOperational);
        Assert.Equal(2, r.Classification.ByTopic["gender and sexuality"]);
        Assert.Equal(1, r.Classification.ByTopic["race"]);
        Assert.Equal(1, r.Classification.ByTopic["climate activism"]);
        // p8 "rainbow lanyards everywhere" is close to gender and sexuality without any of its keywords.
        Assert.Equal(1, r.Classification.SemanticOnlyByTopic!["gender and sexuality"]);
        Assert.Equal(0, r.Classification.SemanticOnlyByTopic["race"]);
    }

    [Fact]
    public void Account_types_count_accounts_and_their_posts()
    {
        var r = SocialTestData.Analyse();

        Assert.Equal(new AccountTypeStats(1, 1 / 3.0, 4, 0.5), r.AccountTypes["main"]);
        Assert.Equal(new AccountTypeStats(1, 1 / 3.0, 2, 0.25), r.AccountTypes["network"]);
        Assert.Equal(new AccountTypeStats(1, 1 / 3.0, 2, 0.25), r.AccountTypes["team"]);
        Assert.Equal(new AccountTypeStats(0, 0, 0, 0), r.AccountTypes["individual"]);
    }

    [Fact]
    public void High_engagement_non_operational_posts_are_split_by_repost_and_main_account()
    {
        var r = SocialTestData.Analyse();

        // p4 (12,000, a repost of @Greenpeace, a network account) and p6 (20,000, the main account, not a repost).
        Assert.Equal(new HighEngagementStats(0, 2, 1, 0.5, 1), r.HighEngagement);
    }

    [Fact]
    public void Splits_by_class_year_force_and_type_add_up()
    {
        var r = SocialTestData.Analyse();

        Assert.Equal(4, r.Splits.ByClass["operational"].Posts);
        Assert.Equal(4, r.Splits.ByClass["nonOperational"].Posts);
        // Operational: p1 10, p3 4, p5 7, p8 1. Non-operational: p2 0, p4 12000, p6 20000, p7 3.
        Assert.Equal(3, r.Splits.ByClass["operational"].Under10);
        Assert.Equal(1, r.Splits.ByClass["nonOperational"].Zero);
        Assert.Equal(["2019", "2020", "2021", "2022"], r.Splits.ByYear.Keys);
        Assert.Equal(3, r.Splits.ByYear["2021"].Posts);
        Assert.Equal(4, r.Splits.ByForce["cheshire"].Posts);
        Assert.Equal(2, r.Splits.ByForce["cleveland"].Posts);
        Assert.Equal(2, r.Splits.ByForce[SocialAnalyzer.NoForce].Posts);
        Assert.Equal(2, r.Splits.ByTopic["gender and sexuality"].Over10000 + r.Splits.ByTopic["climate activism"].Over10000);
        Assert.Equal(new ClassCount(1, 2), r.PostsByYear["2021"]);
        Assert.Equal(1, r.TopicsByMonth["race"]["2021-02"]);
    }

    [Fact]
    public void Topics_over_time_have_every_month_of_the_range_zeros_included()
    {
        var r = SocialTestData.Analyse();

        var months = r.TopicsByMonth.Values.First().Keys.ToList();
        Assert.All(r.TopicsByMonth.Values, t => Assert.Equal(months, t.Keys));
        // Contiguous from the first month with a post on any topic to the last.
        var parsed = months.Select(m => DateOnly.ParseExact(m + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.All(parsed.Zip(parsed.Skip(1)), p => Assert.Equal(p.First.AddMonths(1), p.Second));
        Assert.Contains(r.TopicsByMonth["race"], m => m.Value == 0);
    }

    [Fact]
    public void Distribution_and_top_posts()
    {
        var r = SocialTestData.Analyse();

        Assert.Equal([1L, 4, 1, 0, 0, 2], r.EngagementDistribution.Select(b => b.Posts));
        Assert.Equal(["p6", "p4", "p1"], r.TopPosts.Take(3).Select(p => p.PostId));
        Assert.Equal(["p6", "p4", "p7", "p2"], r.TopNonOperationalPosts.Select(p => p.PostId));
        Assert.Equal("@Greenpeace", r.TopPosts[1].OriginalAuthor);
    }

    [Fact]
    public void Comparison_gives_both_tests_with_readings()
    {
        var r = SocialTestData.Analyse();

        Assert.Equal(4, r.Comparison.OperationalPosts);
        Assert.Equal(4, r.Comparison.NonOperationalPosts);
        Assert.Equal(22 / 4.0, r.Comparison.OperationalMean);
        Assert.Equal(32003 / 4.0, r.Comparison.NonOperationalMean);
        Assert.Equal("Mann-Whitney U", r.Comparison.OverdispersedTest);
        Assert.InRange(r.Comparison.PoissonP, 0, 1);
        Assert.InRange(r.Comparison.OverdispersedP, 0, 1);
        Assert.False(string.IsNullOrWhiteSpace(r.Comparison.PoissonReading));
        Assert.False(string.IsNullOrWhiteSpace(r.Comparison.OverdispersedReading));
    }

    [Fact]
    public void Impressions_give_an_engagement_rate()
    {
        var posts = "post_id,account_id,posted_at,text,likes,reposts,quotes,replies,is_repost,impressions\n" +
                    "x1,a1,2020-01-01T00:00:00Z,hello,1,1,0,0,false,100\n" +
                    "x2,a1,2020-01-02T00:00:00Z,hello,3,0,0,0,false,300\n" +
                    "x3,a1,2020-01-03T00:00:00Z,hello,5,0,0,0,false,\n";
        var r = SocialTestData.Analyse(posts: posts);

        // (2 + 3) / (100 + 300); x3 has no impressions. Per-post rates 0.02 and 0.01: median 0.015.
        Assert.Equal(2, r.Engagement.PostsWithImpressions);
        Assert.Equal(5 / 400.0, r.Engagement.EngagementRate!.Value, 12);
        Assert.Equal(0.015, r.Engagement.MedianEngagementRate!.Value, 12);
    }

    [Fact]
    public void Report_round_trips_through_json_with_nan_as_null()
    {
        var r = SocialTestData.Analyse();
        var json = SocialAnalysisJson.Serialize(r);

        // Individual accounts have no posts: their median is not a number and is written as null.
        Assert.Contains("\"medianPerFollower\": null", json, StringComparison.Ordinal);
        var back = SocialAnalysisJson.Deserialize(json);
        Assert.Equal(r.Classification.NonOperational, back.Classification.NonOperational);
        Assert.Equal(r.Engagement.MedianPerFollower, back.Engagement.MedianPerFollower);
        Assert.True(double.IsNaN(back.Splits.ByAccountType["individual"].MedianPerFollower));
    }
}

public sealed class SocialAnalysisRunTests
{
    [Fact]
    public void Run_over_files_on_two_threads_gives_the_same_report_as_counting_in_one()
    {
        var dir = Directory.CreateTempSubdirectory("evenhand-social-");
        try
        {
            // Enough posts for many batches, so the hand-over between the reading and counting threads is exercised.
            var posts = new System.Text.StringBuilder(SocialTestData.PostsHeader).Append('\n');
            var body = SocialTestData.Posts.Split('\n', 2)[1];
            for (var i = 0; i < 3000; i++)
            {
                posts.Append(body.Replace(",a", $"x{i},a", StringComparison.Ordinal).Replace("\np", $"\nq{i}p", StringComparison.Ordinal));
            }

            File.WriteAllText(Path.Combine(dir.FullName, "posts.csv"), posts.ToString());
            File.WriteAllText(Path.Combine(dir.FullName, "accounts.csv"), SocialTestData.Accounts);

            var run = SocialAnalysis.Run(new SocialAnalysisOptions { PostsPath = Path.Combine(dir.FullName, "posts.csv"), AccountsPath = Path.Combine(dir.FullName, "accounts.csv") });
            var direct = SocialTestData.Analyse(posts: posts.ToString());

            Assert.Equal(24000, run.Posts);
            Assert.Equal(SocialAnalysisJson.Serialize(direct), SocialAnalysisJson.Serialize(run));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
