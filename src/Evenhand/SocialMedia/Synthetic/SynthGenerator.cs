namespace Evenhand.SocialMedia.Synthetic;

/// <summary>
/// Generates one synthetic export. Posts are made in fixed blocks of <see cref="ChunkSize"/>, each with its own random stream,
/// so blocks can be made in parallel and the output is the same whatever the number of cores.
/// </summary>
internal sealed class SynthGenerator
{
    public const int ChunkSize = 8192;

    public static readonly DateTime Start = new(2017, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime End = new(2023, 11, 28, 0, 0, 0, DateTimeKind.Utc);

    // Shares of posts by account type (report: main 7 percent, staff networks 3 percent).
    private static readonly double[] TypePostShare = TypeValues(main: 0.07, individual: 0.38, team: 0.52, network: 0.03);

    // Non-operational and topic-mentioning posts come disproportionately from networks and individuals.
    private static readonly double[] NonOperationalWeight = TypeValues(main: 0.5, individual: 3.5, team: 0.8, network: 30);
    private static readonly double[] MentionWeight = TypeValues(main: 1, individual: 1.3, team: 1, network: 4);
    private static readonly double[] RepostRate = TypeValues(main: 0.10, individual: 0.17, team: 0.10, network: 0.22);

    /// <summary>Non-operational posts: 7,525 of 857,000 in the report.</summary>
    public const double NonOperationalShare = 0.0089;

    /// <summary>Operational posts that also mention a topic keyword.</summary>
    public const double MentionShare = 0.015;

    // Topic split of non-operational posts before account affinities (the report: 72 percent gender and sexuality).
    private static readonly double[] TopicSplit = TopicValues(gender: 0.78, race: 0.12, climate: 0.10);

    private static readonly double[] CategoryBase = CategoryValues(appeals: 0.22, witnesses: 0.13, road: 0.15, prevention: 0.22, arrests: 0.17, recruitment: 0.11);

    // Engagement: log-scale factors per category, and the split of engagement into likes, reposts, replies and quotes.
    private static readonly double[] CategoryEngagement = CategoryValues(appeals: 0.4, witnesses: -0.1, road: 0.1, prevention: -0.5, arrests: 0.3, recruitment: -0.4);
    private static readonly double[][] CategorySplit = CategoryValues<double[]>(
        appeals: [0.45, 0.43, 0.08, 0.04], witnesses: [0.55, 0.33, 0.08, 0.04], road: [0.70, 0.16, 0.10, 0.04],
        prevention: [0.72, 0.17, 0.07, 0.04], arrests: [0.72, 0.11, 0.13, 0.04], recruitment: [0.74, 0.15, 0.07, 0.04]);
    private static readonly double[] NonOperationalSplit = [0.80, 0.11, 0.06, 0.03];
    private const double NonOperationalEngagement = -1.6;

    // Hour-of-day profile of posting (UTC), for realistic timestamps.
    private static readonly double[] HourCumulative = Cumulative([0.5, 0.3, 0.2, 0.15, 0.15, 0.3, 1, 2.5, 4, 5.5, 6, 6, 5.5, 5.5, 6, 6, 5.5, 5, 4.5, 4, 3.5, 3, 2, 1]);

    private readonly SynthOptions _options;
    private readonly int[] _assign;
    private readonly double[] _nonOpRate;
    private readonly double[] _mentionRate;
    private readonly double[] _repostRate;
    private readonly double[][] _categoryCumulative;
    private readonly int[][] _forceSources;
    private readonly int[] _forceMain;
    private readonly int _postIdWidth;
    private readonly long _days;

    public SynthGenerator(SynthOptions options)
    {
        _options = options;
        var rng = new SynthRandom(options.Seed, stream: 0);
        Accounts = SynthAccounts.Generate(options.Accounts, rng, out var forces);
        Forces = forces;
        _days = (long)(End - Start).TotalDays;
        _postIdWidth = Math.Max(9, options.Posts.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);

        // Activity: each type gets its share of posts, split among its accounts by their activity.
        var typeActivity = new double[4];
        foreach (var a in Accounts)
        {
            typeActivity[(int)a.Type] += a.Activity;
        }

        var presentShare = 0.0;
        for (var t = 0; t < 4; t++)
        {
            presentShare += typeActivity[t] > 0 ? TypePostShare[t] : 0;
        }

        var cumulative = new double[Accounts.Count];
        var running = 0.0;
        var nonOpNorm = 0.0;
        var mentionNorm = 0.0;
        for (var t = 0; t < 4; t++)
        {
            if (typeActivity[t] > 0)
            {
                nonOpNorm += TypePostShare[t] / presentShare * NonOperationalWeight[t];
                mentionNorm += TypePostShare[t] / presentShare * MentionWeight[t];
            }
        }

        _nonOpRate = new double[Accounts.Count];
        _mentionRate = new double[Accounts.Count];
        _repostRate = new double[Accounts.Count];
        _categoryCumulative = new double[Accounts.Count][];
        for (var i = 0; i < Accounts.Count; i++)
        {
            var a = Accounts[i];
            var t = (int)a.Type;
            running += TypePostShare[t] / presentShare * a.Activity / typeActivity[t];
            cumulative[i] = running;
            _nonOpRate[i] = NonOperationalShare * NonOperationalWeight[t] / nonOpNorm;
            _mentionRate[i] = MentionShare * MentionWeight[t] / mentionNorm;
            var weights = (double[])CategoryBase.Clone();
            if (a.Focus >= 0)
            {
                weights[a.Focus] += 1.0;
            }

            _categoryCumulative[i] = Cumulative(weights);
        }

        // The police accounts of each force whose posts get reposted: its main account, teams and networks.
        _forceMain = [.. Forces.Select(_ => -1)];
        var sources = Forces.Select(_ => new List<int>()).ToArray();
        for (var i = 0; i < Accounts.Count; i++)
        {
            if (Accounts[i].Type != AccountType.Individual)
            {
                sources[Accounts[i].Force].Add(i);
            }

            if (Accounts[i].Type == AccountType.Main)
            {
                _forceMain[Accounts[i].Force] = i;
            }
        }

        _forceSources = [.. sources.Select(l => l.ToArray())];

        // Smaller accounts repost more (officers sharing the force's posts); each type keeps its overall repost rate.
        var propensity = Accounts.Select(a => Math.Clamp(Math.Pow(1500.0 / a.Followers, 0.7), 0.25, 4)).ToArray();
        var meanPropensity = new double[4];
        for (var i = 0; i < Accounts.Count; i++)
        {
            meanPropensity[(int)Accounts[i].Type] += propensity[i] * Accounts[i].Activity / typeActivity[(int)Accounts[i].Type];
        }

        for (var i = 0; i < Accounts.Count; i++)
        {
            var t = (int)Accounts[i].Type;
            _repostRate[i] = Math.Min(0.6, RepostRate[t] * propensity[i] / meanPropensity[t]);
        }

        // Which account made each post, drawn up front so that accounts.csv can state total_posts before the posts are written.
        _assign = new int[options.Posts];
        var counts = new int[Accounts.Count];
        var assignRng = new SynthRandom(options.Seed, stream: 1);
        for (var p = 0; p < options.Posts; p++)
        {
            var u = assignRng.NextDouble() * running;
            var k = Array.BinarySearch(cumulative, u);
            k = k < 0 ? Math.Min(~k, Accounts.Count - 1) : Math.Min(k + 1, Accounts.Count - 1);
            _assign[p] = k;
            counts[k]++;
        }

        // Every account made at least one post in the period (there are never more accounts than posts).
        for (var k = 0; k < Accounts.Count; k++)
        {
            while (counts[k] == 0)
            {
                var p = assignRng.Next(options.Posts);
                if (counts[_assign[p]] > 1)
                {
                    counts[_assign[p]]--;
                    _assign[p] = k;
                    counts[k]++;
                }
            }
        }

        for (var k = 0; k < Accounts.Count; k++)
        {
            var a = Accounts[k];
            a.Posts = counts[k];
            // Posts before 2017, and those the scrape did not return, make the lifetime total larger.
            a.TotalPosts = counts[k] + (long)Math.Round(counts[k] * assignRng.NextDouble() * 1.2) + assignRng.Next(400);
        }
    }

    public List<SynthAccount> Accounts { get; }

    public List<SynthForce> Forces { get; }

    public int ChunkCount => (_options.Posts + ChunkSize - 1) / ChunkSize;

    public const string AccountsHeader = "account_id,handle,full_name,description,followers,total_posts,created_at,location,verified,url,force,account_type";
    public const string PostsHeader = "post_id,account_id,posted_at,text,likes,reposts,quotes,replies,is_repost,original_author";

    public string PostsHeaderLine => _options.Impressions ? PostsHeader + ",impressions" : PostsHeader;

    public void WriteAccounts(TextWriter writer)
    {
        var row = new CharBuffer(512);
        row.Append(AccountsHeader);
        row.Append('\n');
        foreach (var a in Accounts)
        {
            row.Append(a.Id);
            row.Append(',');
            row.Append(a.Handle);
            row.Append(',');
            row.AppendCsv(a.FullName);
            row.Append(',');
            row.AppendCsv(a.Description);
            row.Append(',');
            row.Append(a.Followers);
            row.Append(',');
            row.Append(a.TotalPosts);
            row.Append(',');
            row.AppendInstant(a.CreatedAt);
            row.Append(',');
            row.AppendCsv(a.Location);
            row.Append(',');
            row.Append(a.Verified ? "true" : "false");
            row.Append(',');
            row.Append(a.Url);
            row.Append(',');
            row.Append(Forces[a.Force].Slug);
            row.Append(',');
            row.Append(TypeName(a.Type));
            row.Append('\n');
        }

        row.WriteTo(writer);
    }

    /// <summary>Appends the rows of block <paramref name="chunk"/> to <paramref name="output"/>.</summary>
    public void GenerateChunk(int chunk, CharBuffer output, CharBuffer text)
    {
        var rng = new SynthRandom(_options.Seed, stream: 1000 + chunk);
        var first = chunk * ChunkSize;
        var last = Math.Min(_options.Posts, first + ChunkSize);
        for (var i = first; i < last; i++)
        {
            GeneratePost(i, rng, output, text);
        }
    }

    private void GeneratePost(int index, SynthRandom rng, CharBuffer row, CharBuffer text)
    {
        var accountIndex = _assign[index];
        var account = Accounts[accountIndex];
        var force = Forces[account.Force];
        var when = TimeOf(index, rng);

        // What the post is about.
        Template template;
        var nonOp = false;
        var u = rng.NextDouble();
        int category;
        if (u < _nonOpRate[accountIndex])
        {
            nonOp = true;
            var topic = account.Topic >= 0 && rng.Chance(0.8) ? account.Topic : Pick(TopicSplit, rng);
            template = rng.Pick(SynthTemplates.NonOperational[topic]);
            category = -1;
        }
        else if (u < _nonOpRate[accountIndex] + _mentionRate[accountIndex])
        {
            template = rng.Pick(SynthTemplates.Mentions);
            category = template.Category;
        }
        else
        {
            category = PickCumulative(_categoryCumulative[accountIndex], rng);
            template = rng.Pick(SynthTemplates.Operational[category]);
        }

        // Reposts carry the original post's engagement (that is how the platform shows them).
        var repost = rng.Chance(nonOp ? 0.05 : _repostRate[accountIndex]);
        string? author = null;
        ExternalAuthor? external = null;
        SynthAccount? source = null;
        if (repost)
        {
            var pool = _forceSources[account.Force];
            var policeSource = pool.Length > 1 || (pool.Length == 1 && pool[0] != accountIndex);
            var externalChance = nonOp ? 0.9 : account.Type == AccountType.Main ? 0.8 : 0.7;
            if (!policeSource || rng.Chance(externalChance))
            {
                if (nonOp)
                {
                    external = rng.Pick(SynthExternal.ByTopic[template.Topic]);
                    template = rng.Pick(SynthTemplates.ExternalNonOperational[template.Topic]);
                }
                else
                {
                    external = rng.Pick(SynthExternal.ByCategory[category]);
                }

                author = external.Handle;
            }
            else
            {
                // Mostly the force's main account; otherwise one of its teams or networks (never the account itself).
                var main = _forceMain[account.Force];
                int pick;
                if (main >= 0 && main != accountIndex && rng.Chance(0.6))
                {
                    pick = main;
                }
                else
                {
                    do
                    {
                        pick = pool[rng.Next(pool.Length)];
                    }
                    while (pick == accountIndex);
                }

                source = Accounts[pick];
                author = source.Handle;
            }
        }

        text.Clear();
        if (author is not null)
        {
            text.Append("RT ");
            text.Append(author);
            text.Append(": ");
        }

        Render(template, force, when.Year, category, rng, text);
        if (rng.Chance(0.01))
        {
            BreakLine(text);
        }

        // Engagement.
        var engagementFactor = nonOp ? NonOperationalEngagement : CategoryEngagement[category];
        double lambda;
        long reach;
        if (external is not null)
        {
            // Outside organisations' posts reach their own, larger audiences.
            lambda = nonOp
                ? external.Followers * 0.0095 * Math.Exp(1.2 * rng.Normal())
                : external.Followers * 0.006 * Math.Exp(engagementFactor + (0.75 * rng.Normal()));
            reach = external.Followers;
        }
        else
        {
            var by = source ?? account;
            lambda = OriginalLambda(by, engagementFactor, rng);
            reach = by.Followers;
        }

        if (rng.Chance(category == SynthTemplates.Arrests ? 0.008 : 0.003))
        {
            // A high-interest story (a national case, a large event).
            lambda *= rng.LogNormal(Math.Log(20), 0.8);
        }

        var engagement = rng.Poisson(lambda);
        if (nonOp && engagement > 9_999 && (external is null || account.Type == AccountType.Main))
        {
            // The report: the non-operational posts over 10,000 were all reposts of non-police accounts, none by a main account.
            engagement = 500 + rng.Next(9_000);
        }

        Split(engagement, nonOp ? NonOperationalSplit : CategorySplit[category], rng, out var likes, out var reposts, out var replies, out var quotes);

        row.Append('p');
        row.AppendPadded(index + 1, _postIdWidth);
        row.Append(',');
        row.Append(account.Id);
        row.Append(',');
        row.AppendInstant(when);
        row.Append(',');
        row.AppendCsv(text.Span);
        row.Append(',');
        row.Append(likes);
        row.Append(',');
        row.Append(reposts);
        row.Append(',');
        row.Append(quotes);
        row.Append(',');
        row.Append(replies);
        row.Append(',');
        row.Append(repost ? "true" : "false");
        row.Append(',');
        row.Append(author);
        if (_options.Impressions)
        {
            row.Append(',');
            var impressions = engagement > 0
                ? (long)Math.Round(engagement * rng.LogNormal(Math.Log(45), 0.6))
                : (long)Math.Round(reach * 0.02 * rng.LogNormal(0, 0.7)) + 1;
            row.Append(Math.Max(impressions, engagement));
        }

        row.Append('\n');
    }

    // The engagement of an account's own post: grows with its followers (less than in proportion), times a log-normal spread.
    // With 57 percent of posts under 10 engagements and accounts of hundreds of followers or more, an original post hardly
    // ever reaches one engagement per follower; only reposts (which carry the original's engagement) do, so the share of
    // posts under one per follower comes out near 94 percent rather than the report's 84.
    private static double OriginalLambda(SynthAccount account, double factor, SynthRandom rng)
    {
        var main = account.Type == AccountType.Main;
        var median = main ? 20.0 : 4.4;
        var sigma = main ? 1.5 : 0.95;
        return median * Math.Pow(account.Followers / 1000.0, main ? 0.6 : 0.45) * Math.Exp(factor + (sigma * rng.Normal()));
    }

    // Splits engagement into likes, reposts, replies and quotes around the given shares, varying a little from post to post.
    private static void Split(long total, double[] shares, SynthRandom rng, out long likes, out long reposts, out long replies, out long quotes)
    {
        likes = reposts = replies = quotes = 0;
        if (total <= 0)
        {
            return;
        }

        var r = shares[1] * Math.Exp(0.3 * rng.Normal());
        var p = shares[2] * Math.Exp(0.3 * rng.Normal());
        var q = shares[3] * Math.Exp(0.3 * rng.Normal());
        var sum = shares[0] + r + p + q;
        r /= sum;
        p /= sum;
        q /= sum;
        if (total <= 24)
        {
            for (var i = 0; i < total; i++)
            {
                var v = rng.NextDouble();
                if (v < r)
                {
                    reposts++;
                }
                else if (v < r + p)
                {
                    replies++;
                }
                else if (v < r + p + q)
                {
                    quotes++;
                }
                else
                {
                    likes++;
                }
            }

            return;
        }

        reposts = (long)Math.Round(total * r);
        replies = (long)Math.Round(total * p);
        quotes = (long)Math.Round(total * q);
        likes = total - reposts - replies - quotes;
    }

    private DateTime TimeOf(int index, SynthRandom rng)
    {
        // Posts are spread evenly over the period, in time order, with more in the day than at night.
        var x = (index + rng.NextDouble()) / _options.Posts * _days;
        var day = Math.Floor(x);
        var frac = x - day;
        var hour = 0;
        while (hour < 23 && HourCumulative[hour] <= frac)
        {
            hour++;
        }

        var low = hour == 0 ? 0 : HourCumulative[hour - 1];
        var within = (frac - low) / (HourCumulative[hour] - low);
        var seconds = ((long)day * 86_400) + (long)((hour + Math.Clamp(within, 0, 0.9999)) * 3600);
        return Start.AddSeconds(seconds);
    }

    private static void Render(Template template, SynthForce force, int year, int category, SynthRandom rng, CharBuffer text)
    {
        // A second town, road or junction in the same post differs from the first ("between J4 and J7").
        int town = -1, road = -1, junction = -1;
        foreach (var s in template.Segments)
        {
            switch (s.Slot)
            {
                case Slot.Literal:
                    // An empty emoji or tag before this text would leave two spaces.
                    text.Append(s.Text!.StartsWith(' ') && text.Length > 0 && text.Chars[text.Length - 1] == ' ' ? s.Text.AsSpan(1) : s.Text.AsSpan());
                    break;
                case Slot.Town: text.Append(force.Towns[Distinct(force.Towns.Length, ref town, rng)]); break;
                case Slot.Street: text.Append(rng.Pick(SynthWords.Streets)); break;
                case Slot.Road: text.Append(SynthWords.Roads[Distinct(SynthWords.Roads.Length, ref road, rng)]); break;
                case Slot.Junction: text.Append(SynthWords.Junctions[Distinct(SynthWords.Junctions.Length, ref junction, rng)]); break;
                case Slot.Time: text.Append(rng.Pick(SynthWords.Times)); break;
                case Slot.Weekday: text.Append(rng.Pick(SynthWords.Weekdays)); break;
                case Slot.Date:
                    text.Append(rng.Between(1, 28));
                    text.Append(' ');
                    text.Append(rng.Pick(SynthWords.Months));
                    break;
                case Slot.Ref: Reference(year, rng, text); break;
                case Slot.Age: text.Append(rng.Between(14, 78)); break;
                case Slot.First: text.Append(rng.Pick(SynthWords.FirstNames)); break;
                case Slot.Man: text.Append(rng.Pick(SynthWords.MaleFirstNames)); break;
                case Slot.Surname: text.Append(rng.Pick(SynthWords.Surnames)); break;
                case Slot.Clothing: text.Append(rng.Pick(SynthWords.Clothing)); break;
                case Slot.Vehicle: text.Append(rng.Pick(SynthWords.Vehicles)); break;
                case Slot.Offence: text.Append(rng.Pick(SynthWords.Offences)); break;
                case Slot.Charge: text.Append(rng.Pick(SynthWords.Charges)); break;
                case Slot.Sentence: text.Append(rng.Pick(SynthWords.Sentences)); break;
                case Slot.Item: text.Append(rng.Pick(SynthWords.Items)); break;
                case Slot.Drug: text.Append(rng.Pick(SynthWords.Drugs)); break;
                case Slot.Weapon: text.Append(rng.Pick(SynthWords.Weapons)); break;
                case Slot.Amount: text.Append(rng.Pick(SynthWords.Amounts)); break;
                case Slot.Op: text.Append(rng.Pick(SynthWords.Operations)); break;
                case Slot.Event: text.Append(rng.Pick(SynthWords.Events)); break;
                case Slot.Num: text.Append(rng.Pick(SynthWords.Numbers)); break;
                case Slot.Emoji: text.Append(rng.Pick(SynthWords.Emojis)); break;
                case Slot.Dog: text.Append(rng.Pick(SynthWords.DogNames)); break;
                case Slot.Link: Link(force, rng, text); break;
                case Slot.Force: text.Append(force.Name); break;
                case Slot.Short: text.Append(force.Place); break;
                case Slot.Handle: text.Append(force.MainHandle); break;
                case Slot.Tag: text.Append(category >= 0 ? rng.Pick(SynthTemplates.CategoryTags[category]) : ""); break;
                case Slot.GenderTag: text.Append(rng.Pick(SynthTemplates.GenderTags)); break;
                case Slot.RaceTag: text.Append(rng.Pick(SynthTemplates.RaceTags)); break;
                case Slot.ClimateTag: text.Append(rng.Pick(SynthTemplates.ClimateTags)); break;
                default: throw new InvalidOperationException($"Slot {s.Slot} has no filler.");
            }
        }

        // A slot that came out empty (an emoji or a tag) can leave a space at the end.
        while (text.Length > 0 && text.Chars[text.Length - 1] == ' ')
        {
            text.Truncate(text.Length - 1);
        }
    }

    private static int Distinct(int count, ref int previous, SynthRandom rng)
    {
        var i = rng.Next(count);
        if (i == previous && count > 1)
        {
            i = (i + 1 + rng.Next(count - 1)) % count;
        }

        previous = i;
        return i;
    }

    // Crime reference numbers in the forms forces use: 23*123456, "log 1234 of 14 March", or a long incident number.
    private static void Reference(int year, SynthRandom rng, CharBuffer text)
    {
        var u = rng.NextDouble();
        if (u < 0.6)
        {
            text.AppendPadded(year % 100, 2);
            text.Append('*');
            text.AppendPadded(rng.Next(1_000_000), 6);
        }
        else if (u < 0.85)
        {
            text.Append("log ");
            text.Append(rng.Between(1, 1999));
            text.Append(" of ");
            text.Append(rng.Between(1, 28));
            text.Append(' ');
            text.Append(rng.Pick(SynthWords.Months));
        }
        else
        {
            text.Append(rng.Between(10, 99));
            text.AppendPadded(year % 100, 2);
            text.AppendPadded(rng.Next(10_000_000), 7);
        }
    }

    private static void Link(SynthForce force, SynthRandom rng, CharBuffer text)
    {
        if (rng.Chance(0.25))
        {
            text.Append("https://www.");
            text.Append(force.Domain);
            text.Append("/news/");
            text.Append(rng.Between(1000, 99999));
            return;
        }

        text.Append(rng.Pick(SynthWords.LinkHosts));
        var n = rng.Between(5, 10);
        for (var i = 0; i < n; i++)
        {
            text.Append(SynthWords.LinkAlphabet[rng.Next(SynthWords.LinkAlphabet.Length)]);
        }
    }

    // Puts a blank line after the first sentence, as people often do (and as CSV readers must handle inside quotes).
    private static void BreakLine(CharBuffer text)
    {
        var span = text.Span;
        var stop = span.IndexOf(". ");
        if (stop < 0)
        {
            return;
        }

        var tail = span[(stop + 2)..].ToString();
        text.Truncate(stop + 1);
        text.Append("\n\n");
        text.Append(tail);
    }

    public static string TypeName(AccountType type) => type switch
    {
        AccountType.Main => "main",
        AccountType.Individual => "individual",
        AccountType.Team => "team",
        _ => "network",
    };

    private static int Pick(double[] weights, SynthRandom rng) => SynthAccounts.PickWeighted(weights, rng);

    private static int PickCumulative(double[] cumulative, SynthRandom rng)
    {
        var u = rng.NextDouble() * cumulative[^1];
        for (var i = 0; i < cumulative.Length; i++)
        {
            if (u < cumulative[i])
            {
                return i;
            }
        }

        return cumulative.Length - 1;
    }

    private static double[] Cumulative(double[] weights)
    {
        var result = new double[weights.Length];
        var total = weights.Sum();
        var running = 0.0;
        for (var i = 0; i < weights.Length; i++)
        {
            running += weights[i];
            result[i] = running / total;
        }

        result[^1] = 1;
        return result;
    }

    private static double[] TypeValues(double main, double individual, double team, double network)
    {
        var v = new double[4];
        v[(int)AccountType.Main] = main;
        v[(int)AccountType.Individual] = individual;
        v[(int)AccountType.Team] = team;
        v[(int)AccountType.Network] = network;
        return v;
    }

    private static double[] TopicValues(double gender, double race, double climate)
    {
        var v = new double[SynthTemplates.TopicCount];
        v[SynthTemplates.Gender] = gender;
        v[SynthTemplates.Race] = race;
        v[SynthTemplates.Climate] = climate;
        return v;
    }

    private static T[] CategoryValues<T>(T appeals, T witnesses, T road, T prevention, T arrests, T recruitment)
    {
        var v = new T[SynthTemplates.CategoryCount];
        v[SynthTemplates.Appeals] = appeals;
        v[SynthTemplates.Witnesses] = witnesses;
        v[SynthTemplates.RoadClosures] = road;
        v[SynthTemplates.CrimePrevention] = prevention;
        v[SynthTemplates.Arrests] = arrests;
        v[SynthTemplates.Recruitment] = recruitment;
        return v;
    }
}
