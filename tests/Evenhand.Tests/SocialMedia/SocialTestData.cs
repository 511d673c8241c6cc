using System.Text;
using Evenhand.SocialMedia;

namespace Evenhand.Tests.SocialMedia;

/// <summary>A small hand-made dataset whose every figure is worked out by hand in <see cref="SocialAnalyzerTests"/>.</summary>
internal static class SocialTestData
{
    public const string AccountsHeader = "account_id,handle,full_name,description,followers,total_posts,created_at,location,verified,url,force,account_type";
    public const string PostsHeader = "post_id,account_id,posted_at,text,likes,reposts,quotes,replies,is_repost,original_author";

    // a1: main, 1,000 followers, Cheshire. a2: network, 10 followers, Cleveland. a3: team, no followers, no force.
    public static readonly string Accounts = string.Join('\n',
        AccountsHeader,
        "a1,@CheshirePolice,Cheshire Police,Official account,1000,5000,2010-01-01T00:00:00Z,Cheshire,true,https://example.test/a1,cheshire,main",
        "a2,@ClevelandLGBTNetwork,Cleveland LGBT+ Network,Staff network,10,300,2015-05-05T00:00:00Z,Cleveland,false,,cleveland,network",
        "a3,@RoadsTeam,Roads team,\"Roads policing, A-roads and motorways\",0,20,2018-02-02T12:30:00Z,,false,,,team") + "\n";

    // Engagement: p1 10, p2 0, p3 4, p4 12,000, p5 7, p6 20,000, p7 3, p8 1.
    public static readonly string Posts = string.Join('\n',
        PostsHeader,
        "p1,a1,2019-03-01T10:00:00Z,\"Appeal for witnesses after a collision on the A56, call 101\",5,3,1,1,false,",
        "p2,a1,2019-06-01T10:00:00Z,Proud to support Pride month #LGBTQ,0,0,0,0,false,",
        "p3,a2,2020-10-01T10:00:00Z,Join our network celebrating Black History Month #BlackHistoryMonth racism,2,1,0,1,false,",
        "p4,a2,2020-11-01T10:00:00Z,\"Climate change is real #ClimateAction\",10000,1500,300,200,true,@Greenpeace",
        "p5,a3,2021-01-05T08:00:00Z,\"Road closed due to \"\"flooding\"\"\",4,2,1,0,false,",
        "p6,a1,2021-02-01T10:00:00Z,Stand against racism and homophobia,15000,4000,500,500,false,",
        "p7,a3,2021-07-01T10:00:00Z,\"Gender reveal party ruined by weather,\nlots of cake cake cake\",3,0,0,0,false,",
        "p8,a1,2022-01-01T10:00:00Z,Rainbow lanyards everywhere,1,0,0,0,false,") + "\n";

    /// <summary>Four dimensions: gender and sexuality, race, climate, and everything else.</summary>
    public static WordVectors Vectors()
    {
        var v = new Dictionary<string, float[]>();
        foreach (var w in new[] { "pride", "lgbtq", "homophobia", "gender", "rainbow" })
        {
            v[w] = [1, 0, 0, 0];
        }

        foreach (var w in new[] { "racism", "blackhistorymonth" })
        {
            v[w] = [0, 1, 0, 0];
        }

        foreach (var w in new[] { "climate", "climateaction" })
        {
            v[w] = [0, 0, 1, 0];
        }

        foreach (var w in new[] { "proud", "support", "month", "stand", "against", "change", "real", "reveal", "party", "ruined", "weather", "lots", "cake", "lanyards" })
        {
            v[w] = [0, 0, 0, 2];
        }

        return WordVectors.FromWords(v, "test vectors");
    }

    /// <summary>The same vectors as a .vec file (word2vec text format with its header line).</summary>
    public static string VectorsFile()
    {
        var text = new StringBuilder();
        var vectors = new (string Word, string Values)[]
        {
            ("pride", "1 0 0 0"), ("lgbtq", "1 0 0 0"), ("homophobia", "1 0 0 0"), ("gender", "1 0 0 0"), ("rainbow", "1 0 0 0"),
            ("racism", "0 1 0 0"), ("blackhistorymonth", "0 1 0 0"), ("climate", "0 0 1 0"), ("climateaction", "0 0 1 0"),
        };
        var general = new[] { "proud", "support", "month", "stand", "against", "change", "real", "reveal", "party", "ruined", "weather", "lots", "cake", "lanyards" };
        text.Append(vectors.Length + general.Length).Append(" 4\n");
        foreach (var (word, values) in vectors)
        {
            text.Append(word).Append(' ').Append(values).Append('\n');
        }

        foreach (var word in general)
        {
            text.Append(word).Append(" 0 0 0 2.5\n");
        }

        return text.ToString();
    }

    public static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));

    public static (SocialAccountDirectory Directory, SocialReadSummary Summary) ReadAccounts(string text, bool strict = false)
    {
        var (accounts, summary) = SocialFileReader.ReadAccounts(Stream(text), "accounts.csv", new SocialReadOptions { Strict = strict });
        return (new SocialAccountDirectory(accounts), summary);
    }

    public static (List<SocialPostRow> Posts, SocialReadSummary Summary) ReadPosts(string text, SocialAccountDirectory accounts, bool strict = false, string name = "posts.csv")
    {
        var posts = new List<SocialPostRow>();
        var summary = SocialFileReader.ReadPosts(Stream(text), name, accounts, (in PostView p) => posts.Add(p.ToRow()), new SocialReadOptions { Strict = strict });
        return (posts, summary);
    }

    public static SocialAnalysisReport Analyse(WordVectors? vectors = null, string? posts = null, string? accounts = null)
    {
        var (directory, accountSummary) = ReadAccounts(accounts ?? Accounts);
        var analyzer = new SocialAnalyzer(directory, new PostClassifier(SocialLexicon.Default, vectors));
        var summary = SocialFileReader.ReadPosts(Stream(posts ?? Posts), "posts.csv", directory, (in PostView p) => analyzer.Add(p));
        return analyzer.Build("posts.csv", "accounts.csv", summary, accountSummary);
    }
}
