using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using Evenhand.SocialMedia;
using Evenhand.SocialMedia.Synthetic;

namespace Evenhand.Tests.Cli;

/// <summary>
/// <c>evenhand social analyze --json</c> on a synthetic export, checked against the same counts worked out another way:
/// CsvHelper and LINQ over the raw files, with a regular expression for words instead of the product's tokenizer.
/// </summary>
public sealed partial class SocialAnalyzeCliTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("evenhand-social-cli-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string PostsPath => Path.Combine(_dir.FullName, "posts.csv");

    private string AccountsPath => Path.Combine(_dir.FullName, "accounts.csv");

    private sealed record RawAccount(string Id, long Followers, string Type);

    private sealed record RawPost(string AccountId, string Text, long Engagement);

    [Fact]
    public async Task Json_output_agrees_with_an_independent_count_of_the_raw_files()
    {
        SocialSynth.WriteToDirectory(new SynthOptions(30_000, 80, Seed: 11), _dir.FullName);

        var run = await CliHarness.RunAsync("social", "analyze", "--posts", PostsPath, "--accounts", AccountsPath, "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        var json = run.Json();

        var accounts = ReadAccounts();
        var posts = ReadPosts();
        var followers = accounts.ToDictionary(a => a.Id, a => a.Followers);
        Assert.Equal(posts.Count, json.GetProperty("posts").GetInt64());
        Assert.Equal(accounts.Count, json.GetProperty("accounts").GetInt32());

        var engagement = json.GetProperty("engagement");
        long zero = posts.Count(p => p.Engagement == 0), under10 = posts.Count(p => p.Engagement < 10), over = posts.Count(p => p.Engagement > 10_000);
        var withFollowers = posts.Where(p => followers[p.AccountId] > 0).ToList();
        Assert.Equal(zero, engagement.GetProperty("zero").GetInt64());
        Assert.Equal((double)zero / posts.Count, engagement.GetProperty("zeroShare").GetDouble(), 12);
        Assert.Equal(under10, engagement.GetProperty("under10").GetInt64());
        Assert.Equal((double)under10 / posts.Count, engagement.GetProperty("under10Share").GetDouble(), 12);
        Assert.Equal(over, engagement.GetProperty("over10000").GetInt64());
        Assert.Equal((double)withFollowers.Count(p => p.Engagement < followers[p.AccountId]) / withFollowers.Count,
            engagement.GetProperty("underOnePerFollowerShare").GetDouble(), 12);
        var ratios = withFollowers.Select(p => (double)p.Engagement / followers[p.AccountId]).ToArray();
        Assert.Equal(MathNet.Numerics.Statistics.Statistics.QuantileCustom(ratios, 0.5, MathNet.Numerics.Statistics.QuantileDefinition.R7),
            engagement.GetProperty("medianPerFollower").GetDouble(), 12);

        var classification = json.GetProperty("classification");
        Assert.Equal("keyword", classification.GetProperty("mode").GetString());
        var lexicon = SocialLexicon.Default;
        var operational = lexicon.Operational.SelectMany(g => g.Keywords).ToHashSet();
        var words = posts.Select(p => Words(p.Text)).ToList();
        var nonOperational = words.Select(w => !w.Overlaps(operational) && lexicon.Topics.Any(t => w.Overlaps(t.Keywords))).ToList();
        Assert.True(nonOperational.Any(x => x), "the synthetic set should have non-operational posts");
        Assert.Equal(nonOperational.Count(x => x), classification.GetProperty("nonOperational").GetInt64());
        Assert.Equal((double)nonOperational.Count(x => x) / posts.Count, classification.GetProperty("nonOperationalShare").GetDouble(), 12);
        foreach (var topic in lexicon.Topics)
        {
            var expected = words.Where((w, i) => nonOperational[i] && w.Overlaps(topic.Keywords)).Count();
            Assert.Equal(expected, classification.GetProperty("byTopic").GetProperty(topic.Name).GetInt64());
        }

        var types = json.GetProperty("accountTypes");
        foreach (var type in new[] { "main", "individual", "team", "network" })
        {
            var ids = accounts.Where(a => a.Type == type).Select(a => a.Id).ToHashSet();
            var t = types.GetProperty(type);
            Assert.Equal(ids.Count, t.GetProperty("accounts").GetInt64());
            Assert.Equal(posts.Count(p => ids.Contains(p.AccountId)), t.GetProperty("posts").GetInt64());
            Assert.Equal((double)posts.Count(p => ids.Contains(p.AccountId)) / posts.Count, t.GetProperty("postShare").GetDouble(), 12);
        }

        var comparison = json.GetProperty("comparison");
        Assert.InRange(comparison.GetProperty("poissonP").GetDouble(), 0, 1);
        Assert.Equal("Mann-Whitney U", comparison.GetProperty("overdispersedTest").GetString());
        Assert.InRange(comparison.GetProperty("overdispersedP").GetDouble(), 0, 1);
    }

    [Fact]
    public async Task Semantic_mode_is_named_in_the_output_and_the_table_says_keyword_only_without_vectors()
    {
        SocialSynth.WriteToDirectory(new SynthOptions(3_000, 30, Seed: 5), _dir.FullName);
        var vectors = SocialSynth.WriteVectorsToDirectory(_dir.FullName, 3_000, 25, 5);

        var semantic = await CliHarness.RunAsync("social", "analyze", "--posts", PostsPath, "--accounts", AccountsPath, "--vectors", vectors, "--threshold", "0.4", "--json");
        Assert.True(semantic.ExitCode == 0, semantic.ToString());
        var classification = semantic.Json().GetProperty("classification");
        Assert.Equal("semantic", classification.GetProperty("mode").GetString());
        Assert.Equal(0.4, classification.GetProperty("threshold").GetDouble());

        var table = await CliHarness.RunAsync("social", "analyze", "--posts", PostsPath, "--accounts", AccountsPath);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("keyword-only", table.Out, StringComparison.Ordinal);
        Assert.Contains("3,000 posts", table.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("post_id,account_id,posted_at,text,likes\np1,a1,2020-01-01T00:00:00Z,hi,1\n", "posts.csv is missing the columns reposts, quotes, replies, is_repost.")]
    [InlineData("", "posts.csv is empty: expected a header row naming the columns, then one row per record.")]
    [InlineData("post_id,account_id,posted_at,text,likes,reposts,quotes,replies,is_repost\np1,nobody,2020-01-01T00:00:00Z,hi,1,0,0,0,false\n",
        "None of the 1 posts in posts.csv could be used. First problem: posts.csv line 2: account_id 'nobody' is not in the accounts file")]
    public async Task Bad_input_exits_with_a_clear_message(string posts, string message)
    {
        File.WriteAllText(PostsPath, posts);
        File.WriteAllText(AccountsPath, Evenhand.Tests.SocialMedia.SocialTestData.Accounts);

        var run = await CliHarness.RunAsync("social", "analyze", "--posts", PostsPath, "--accounts", AccountsPath);

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith(message, run.Error.Trim(), StringComparison.Ordinal);
        Assert.DoesNotContain("Unexpected error", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Strict_refuses_a_file_with_a_non_numeric_count_and_lists_the_line()
    {
        File.WriteAllText(PostsPath, Evenhand.Tests.SocialMedia.SocialTestData.Posts + "p9,a1,2022-01-01T10:00:00Z,bad,1,x,0,0,false,\n");
        File.WriteAllText(AccountsPath, Evenhand.Tests.SocialMedia.SocialTestData.Accounts);

        var lenient = await CliHarness.RunAsync("social", "analyze", "--posts", PostsPath, "--accounts", AccountsPath, "--json");
        var strict = await CliHarness.RunAsync("social", "analyze", "--posts", PostsPath, "--accounts", AccountsPath, "--strict");

        Assert.Equal(0, lenient.ExitCode);
        Assert.Equal(8, lenient.Json().GetProperty("posts").GetInt64());
        Assert.Equal(1, lenient.Json().GetProperty("input").GetProperty("postsSkipped").GetInt64());
        Assert.Equal(1, strict.ExitCode);
        Assert.Contains("posts.csv has 1 bad row, so nothing was imported (strict mode). First: posts.csv line 11: reposts 'x' is not a whole number", strict.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_threshold_outside_minus_one_to_one_is_a_usage_error()
    {
        var run = await CliHarness.RunAsync("social", "analyze", "--posts", "p.csv", "--accounts", "a.csv", "--threshold", "3");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--threshold is a cosine similarity", run.Error, StringComparison.Ordinal);
    }

    private List<RawAccount> ReadAccounts()
    {
        using var reader = new CsvReader(new StreamReader(AccountsPath), CultureInfo.InvariantCulture);
        reader.Read();
        reader.ReadHeader();
        var list = new List<RawAccount>();
        while (reader.Read())
        {
            list.Add(new RawAccount(reader.GetField("account_id")!, long.Parse(reader.GetField("followers")!, CultureInfo.InvariantCulture), reader.GetField("account_type")!));
        }

        return list;
    }

    private List<RawPost> ReadPosts()
    {
        using var reader = new CsvReader(new StreamReader(PostsPath), CultureInfo.InvariantCulture);
        reader.Read();
        reader.ReadHeader();
        var list = new List<RawPost>();
        while (reader.Read())
        {
            long F(string name) => long.Parse(reader.GetField(name)!, CultureInfo.InvariantCulture);
            list.Add(new RawPost(reader.GetField("account_id")!, reader.GetField("text")!, F("likes") + F("reposts") + F("quotes") + F("replies")));
        }

        return list;
    }

    private static HashSet<string> Words(string text) =>
        WordPattern().Matches(Apostrophe().Replace(Link().Replace(text, " "), "")).Select(m => m.Value.ToLowerInvariant()).ToHashSet();

    [GeneratedRegex(@"https?://\S*")]
    private static partial Regex Link();

    [GeneratedRegex(@"(?<=[\p{L}\p{N}])['’](?=\p{L})")]
    private static partial Regex Apostrophe();

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();
}
