using Evenhand.SocialMedia;

namespace Evenhand.Tests.SocialMedia;

public sealed class SocialFileReaderTests
{
    private static SocialAccountDirectory Accounts() => SocialTestData.ReadAccounts(SocialTestData.Accounts).Directory;

    [Fact]
    public void Reads_quoted_fields_with_commas_quotes_and_new_lines()
    {
        var (posts, summary) = SocialTestData.ReadPosts(SocialTestData.Posts, Accounts());

        Assert.Equal(8, summary.Rows);
        Assert.Equal(8, summary.Accepted);
        Assert.Equal("Appeal for witnesses after a collision on the A56, call 101", posts[0].Text);
        Assert.Equal("Road closed due to \"flooding\"", posts[4].Text);
        Assert.Equal("Gender reveal party ruined by weather,\nlots of cake cake cake", posts[6].Text);
        Assert.Equal(new DateTimeOffset(2020, 11, 1, 10, 0, 0, TimeSpan.Zero), posts[3].PostedAt);
        Assert.True(posts[3].IsRepost);
        Assert.Equal("@Greenpeace", posts[3].OriginalAuthor);
        Assert.Null(posts[0].OriginalAuthor);
        Assert.Equal(12000, posts[3].Engagement);
    }

    [Fact]
    public void Headers_are_matched_in_any_case_and_order()
    {
        var text = "LIKES,Text,Post_ID,account_id,posted_at,replies,quotes,reposts,IS_REPOST\n3,Hello,x1,a1,2020-05-05T10:11:12+01:00,1,0,2,no\n";
        var (posts, _) = SocialTestData.ReadPosts(text, Accounts());

        var p = Assert.Single(posts);
        Assert.Equal(("x1", "Hello", 6L), (p.PostId, p.Text, p.Engagement));
        Assert.Equal(new DateTimeOffset(2020, 5, 5, 9, 11, 12, TimeSpan.Zero), p.PostedAt);
        Assert.False(p.IsRepost);
    }

    [Fact]
    public void A_binary_file_is_named_as_such_and_its_bytes_never_reach_the_message()
    {
        // What a user sends who picks a zip or an image by mistake: bytes with no line break for a long way.
        var random = new Random(5);
        var bytes = new byte[20_000];
        random.NextBytes(bytes);
        var ex = Assert.Throws<SocialImportException>(() => SocialFileReader.ReadPosts(new MemoryStream(bytes), "photo.csv", Accounts(), (in PostView _) => { }, new SocialReadOptions()));

        Assert.StartsWith("photo.csv is missing the columns", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("the first line is not a header of column names (the file looks like a binary file, not CSV text).", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Message.Length < 400, ex.Message);
    }

    [Fact]
    public void A_long_header_of_other_columns_is_shortened_in_the_message()
    {
        var header = string.Join(",", Enumerable.Range(1, 60).Select(i => "column_with_a_rather_long_name_number_" + i + "_" + new string('x', 30)));
        var ex = Assert.Throws<SocialImportException>(() => SocialTestData.ReadPosts(header + "\n1\n", Accounts()));

        Assert.Contains("found column_with_a_rather_long_name_number_1…, column_with_a_rather_long_name_number_2…", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("and 40 more.", ex.Message, StringComparison.Ordinal);
        Assert.True(ex.Message.Length < 1_500, ex.Message.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Missing_columns_are_named()
    {
        var text = "post_id,account_id,posted_at,text,likes,replies,is_repost\nx1,a1,2020-01-01T00:00:00Z,hi,1,1,false\n";

        var ex = Assert.Throws<SocialImportException>(() => SocialTestData.ReadPosts(text, Accounts()));
        Assert.StartsWith("posts.csv is missing the columns reposts, quotes.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_rows_are_skipped_with_their_line_numbers()
    {
        var text = SocialTestData.PostsHeader + "\n" +
                   "x1,a1,2020-01-01T00:00:00Z,fine,1,0,0,0,false,\n" +
                   "x2,a1,2020-01-01T00:00:00Z,bad likes,lots,0,0,0,false,\n" +
                   "x3,zz,2020-01-01T00:00:00Z,unknown account,1,0,0,0,false,\n" +
                   "x4,a1,yesterday,bad date,1,-2,0,0,maybe,\n" +
                   "x5,a1,2020-01-01T00:00:00Z,too few columns\n" +
                   "x6,a1,2020-01-01T00:00:00Z,fine,0,0,0,0,true,@Someone\n";
        var (posts, summary) = SocialTestData.ReadPosts(text, Accounts());

        Assert.Equal(["x1", "x6"], posts.Select(p => p.PostId));
        Assert.Equal(6, summary.Rows);
        Assert.Equal(4, summary.ProblemCount);
        Assert.Equal(
        [
            "posts.csv line 3: likes 'lots' is not a whole number of 0 or more",
            "posts.csv line 4: account_id 'zz' is not in the accounts file",
            "posts.csv line 5: posted_at 'yesterday' is not an ISO 8601 date and time; reposts '-2' is not a whole number of 0 or more; is_repost 'maybe' is not true or false",
            "posts.csv line 6: has 4 columns but the header has 10",
        ], summary.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Strict_mode_refuses_the_file_and_lists_every_bad_row()
    {
        var text = SocialTestData.PostsHeader + "\n" +
                   "x1,a1,2020-01-01T00:00:00Z,fine,1,0,0,0,false,\n" +
                   "x2,a1,2020-01-01T00:00:00Z,bad,1.5,0,0,0,false,\n" +
                   "x3,a1,2020-01-01T00:00:00Z,bad,,0,0,0,false,\n";

        var ex = Assert.Throws<SocialImportException>(() => SocialTestData.ReadPosts(text, Accounts(), strict: true));
        Assert.StartsWith("posts.csv has 2 bad rows, so nothing was imported (strict mode).", ex.Message, StringComparison.Ordinal);
        Assert.Equal([3L, 4], ex.Problems.Select(p => p.Line));
        Assert.Equal("likes is empty; expected a whole number of 0 or more", ex.Problems[1].Message);
    }

    [Fact]
    public void A_posts_file_whose_accounts_are_all_unknown_is_refused()
    {
        var text = SocialTestData.PostsHeader + "\nx1,b1,2020-01-01T00:00:00Z,hi,1,0,0,0,false,\nx2,b2,2020-01-01T00:00:00Z,hi,1,0,0,0,false,\n";

        var ex = Assert.Throws<SocialImportException>(() => SocialTestData.ReadPosts(text, Accounts()));
        Assert.Equal("None of the 2 posts in posts.csv could be used. First problem: posts.csv line 2: account_id 'b1' is not in the accounts file", ex.Message);
    }

    [Theory]
    [InlineData("", "posts.csv is empty: expected a header row naming the columns, then one row per record.")]
    [InlineData(SocialTestData.PostsHeader + "\n", "posts.csv has a header but no posts.")]
    public void Empty_files_are_refused(string text, string message)
    {
        var ex = Assert.Throws<SocialImportException>(() => SocialTestData.ReadPosts(text, Accounts()));
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Json_lines_are_read_like_csv()
    {
        var text = """
            {"post_id": "j1", "account_id": "a1", "posted_at": "2021-01-01T00:00:00Z", "text": "Hello, \"world\"", "likes": 2, "reposts": 1, "quotes": 0, "replies": 0, "is_repost": false}

            {"Post_Id": "j2", "ACCOUNT_ID": "a2", "posted_at": "2021-01-02T00:00:00Z", "text": "Again", "likes": "3", "reposts": 0, "quotes": 0, "replies": 0, "is_repost": true, "original_author": "@X", "impressions": 50}
            {"post_id": "j3", "account_id": "a2", "posted_at": "2021-01-02T00:00:00Z", "text": "Bad", "likes": -1, "reposts": 0, "quotes": 0, "replies": 0, "is_repost": true}
            {not json
            """;
        var (posts, summary) = SocialTestData.ReadPosts(text, Accounts(), name: "posts.jsonl");

        Assert.Equal(["j1", "j2"], posts.Select(p => p.PostId));
        Assert.Equal("Hello, \"world\"", posts[0].Text);
        Assert.Equal((3L, true, "@X", 50L), (posts[1].Likes, posts[1].IsRepost, posts[1].OriginalAuthor, posts[1].Impressions));
        Assert.Equal([4L, 5], summary.Problems.Select(p => p.Line));
        Assert.Equal("likes '-1' is not a whole number of 0 or more", summary.Problems[0].Message);
        Assert.StartsWith("is not valid JSON", summary.Problems[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_lines_missing_a_field_in_the_first_record_are_refused()
    {
        var text = """{"post_id": "j1", "account_id": "a1", "text": "Hello", "likes": 2, "reposts": 1, "quotes": 0, "replies": 0, "is_repost": false}""";

        var ex = Assert.Throws<SocialImportException>(() => SocialTestData.ReadPosts(text, Accounts(), name: "posts.jsonl"));
        Assert.Equal("posts.jsonl: the first record (line 1) has no posted_at. Expected every record to have post_id, account_id, posted_at, text, likes, reposts, quotes, replies, is_repost.", ex.Message);
    }

    [Fact]
    public void Accounts_are_validated_and_types_inferred_when_absent()
    {
        var text = "account_id,handle,full_name,description,followers,total_posts,created_at,location,verified,url,force\n" +
                   "m,@SurreyPolice,Surrey Police,The official account of Surrey Police,100,1,2010-01-01T00:00:00Z,Guildford,true,,surrey\n" +
                   "n,@SurreyLGBTNetwork,LGBT+ Network,Our staff network,5,1,,Surrey,false,,surrey\n" +
                   "c,@CCSurrey,Chief Constable,Chief Constable of Surrey Police,7,1,,Surrey,false,,surrey\n" +
                   "t,@SurreyDogs,Police Dogs,Our dogs unit,9,1,,Surrey,false,,surrey\n" +
                   "m,@Again,Again,,1,1,,,false,,\n" +
                   "x,@Nowhere,Nowhere,,1,1,,,false,,atlantis\n" +
                   "y,@Bad,Bad,,many,1,last week,,perhaps,,\n";
        var (directory, summary) = SocialTestData.ReadAccounts(text);
        var a = directory.Accounts;

        Assert.Equal([AccountType.Main, AccountType.Network, AccountType.Individual, AccountType.Team], a.Select(x => x.Type));
        Assert.All(a, x => Assert.True(x.TypeInferred));
        Assert.Contains("'network'", a[1].TypeInference, StringComparison.Ordinal);
        Assert.Equal(
        [
            "accounts.csv line 6: account_id 'm' was already used on an earlier line",
            "accounts.csv line 7: force 'atlantis' is not one of the 43 forces' slugs (for example 'cheshire')",
            "accounts.csv line 8: followers 'many' is not a whole number of 0 or more; created_at 'last week' is not an ISO 8601 date and time; verified 'perhaps' is not true or false",
        ], summary.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void A_given_account_type_is_used_and_a_wrong_one_is_a_bad_row()
    {
        var text = SocialTestData.AccountsHeader + "\n" +
                   "a,@SurreyPolice,Surrey Police,,1,1,,,false,,surrey,team\n" +
                   "b,@B,B,,1,1,,,false,,,department\n";
        var (directory, summary) = SocialTestData.ReadAccounts(text);

        Assert.Equal(AccountType.Team, Assert.Single(directory.Accounts).Type);
        Assert.False(directory.Accounts[0].TypeInferred);
        Assert.Equal("account_type 'department' is not one of main, individual, team, network", Assert.Single(summary.Problems).Message);
    }

    [Fact]
    public void Police_handles_are_recognised_with_or_without_the_at_sign()
    {
        var directory = Accounts();

        Assert.True(directory.IsPoliceHandle("@cheshirepolice"));
        Assert.True(directory.IsPoliceHandle("CheshirePolice"));
        Assert.False(directory.IsPoliceHandle("@Greenpeace"));
    }
}
