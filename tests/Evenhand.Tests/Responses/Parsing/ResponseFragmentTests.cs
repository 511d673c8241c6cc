using System.Text.RegularExpressions;
using Evenhand.Importing;
using Evenhand.Responses.Parsing;
using Evenhand.Tests.Importing;
using Evenhand.Tests.Infrastructure;

namespace Evenhand.Tests.Responses.Parsing;

/// <summary>
/// Pieces of a recommendation's wording, quoted or paraphrased, matched by <see cref="FragmentMatcher"/>: the calibration of
/// its threshold against the seed report's 22 recommendations, and what the parser does with fragments it finds.
/// </summary>
public partial class ResponseFragmentTests
{
    public static TheoryData<string> Formats => new() { ".txt", ".pdf", ".docx", ".html" };

    private static readonly FragmentMatcher Matcher = new(Seeds.Report.Recommendations);

    private static ParsedResponse Parse(string text, string format = ".txt")
    {
        var name = "response" + format;
        var read = format == ".txt" ? text.ReplaceLineEndings("\n") : DocumentText.Read(new MemoryStream(DocumentTextTests.Convert(text, format)), name);
        return ResponseParser.Parse(read, Seeds.Report.Recommendations, Seeds.Forces, name, Seeds.Report.Title);
    }

    // ------------------------------------------------------------------ calibration

    /// <summary>
    /// Every run of ten consecutive words of every recommendation: none is ever matched to a different recommendation; most
    /// (all but the runs made of words many recommendations share, such as "By 31 March 2025, forces should make sure
    /// their") are matched to their own; and every recommendation has runs that match it.
    /// </summary>
    [Fact]
    public void Calibration_TenWordRunsOfEachRecommendation_MatchItAndNoOther()
    {
        var (own, total) = (0, 0);
        foreach (var rec in Seeds.Report.Recommendations)
        {
            var words = rec.Text.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
            var mine = 0;
            var runs = words.Length - FragmentMatcher.CalibrationWindow + 1;
            for (var i = 0; i < runs; i++)
            {
                var run = string.Join(' ', words[i..(i + FragmentMatcher.CalibrationWindow)]);
                var match = Matcher.Match(run);
                Assert.True(match.Best is null || match.Best == rec.Number, $"'{run}' (recommendation {rec.Number}) was matched to recommendation {match.Best}");
                mine += match.Best == rec.Number ? 1 : 0;
            }

            Assert.True(mine * 2 >= runs, $"only {mine} of {runs} runs of recommendation {rec.Number} match it");
            (own, total) = (own + mine, total + runs);
        }

        Assert.True(own >= total * 0.85, $"{own} of {total} runs matched their recommendation");
    }

    /// <summary>One paraphrase of each of the 22 recommendations, in words a PCC's office might use (not the report's order).</summary>
    public static TheoryData<int, string> Paraphrases => new()
    {
        { 1, "update Police Regulations and the staff standards of professional behaviour so the impartiality duty is spelt out on and off duty" },
        { 2, "review of the education for new constables on the entry routes after implementation" },
        { 3, "Public Sector Equality Duty guidance revised by the Government Equalities Office, with legislative amendments to the Equality Act" },
        { 4, "post-event learning reviews should show how effective the commanders' policing style was and any impartiality allegations" },
        { 5, "national guidance on officers and staff attending community events, including dress code and conduct" },
        { 6, "contentious issues added to horizon scanning, with consistent national communication" },
        { 7, "guidance on what operational independence means in the Policing Protocol Order" },
        { 8, "engagement and communication APP updated for social media platforms" },
        { 9, "once the College updates its engagement and communication advice, update force policies on communicating about politicised and contentious issues" },
        { 10, "clear direction to the workforce on wearing visible representations, enforced and reviewed regularly" },
        { 11, "research into bots and non-local social media users fuelling community tension" },
        { 12, "training for staff who complete equality impact assessments, and governance to improve their quality" },
        { 13, "audit of policies relating to the Equality Act 2010 and a regular review process with governance" },
        { 14, "improve diversity, equality and inclusion training, including online training, and refresh guidance on belief" },
        { 15, "new guidance on external advisory groups: terms of reference, vetting, the chair, payment and training" },
        { 16, "update NCHI policies and guidance so officers and staff know how to assess, record and respond to them" },
        { 17, "recording processes that let the force analyse hate crime and NCHI data" },
        { 18, "an effective and efficient process for assessing and reviewing hate incidents" },
        { 19, "evaluate and improve NCHI training and the methods used to deliver it" },
        { 20, "define in policy the requirements for recording personal data for NCHIs, and record the rationale where the force departs from the Code of Practice" },
        { 21, "national terms of reference and governance for staff networks, withdrawing funding from networks that do not comply" },
        { 22, "robust process for allocating funding and support to networks according to local need" },
    };

    [Theory, MemberData(nameof(Paraphrases))]
    public void Calibration_AParaphraseOfEachRecommendation_MatchesIt(int number, string paraphrase)
    {
        var match = Matcher.Match(paraphrase);

        Assert.Equal(number, match.Best);
        Assert.InRange(match.Confidence, 0.5, 0.9);
    }

    /// <summary>Sentences a response says in its own words: who did what and when, thanks, procedure, numbers.</summary>
    public static TheoryData<string> OrdinaryProse => new()
    {
        "The force has rewritten its policy and trained every call handler in February 2025.",
        "I will continue to hold the Chief Constable to account through my scrutiny meetings.",
        "Progress will be reported to the joint audit committee each quarter.",
        "We welcome the report and thank the inspectorate for its work.",
        "An executive lead has been appointed and a delivery plan agreed.",
        "The work is complete and the action has been closed by the governance board.",
        "Officers attended 43 community events last year, all within the existing guidance.",
        "See page 12, paragraph 4.3 and chapter 6 for the background.",
        "Section 55 of the Police Act 1996 requires me to publish comments on the report.",
        "Our people services department has issued new guidance to line managers.",
        "Policies will be reviewed and updated accordingly.",
        "Next steps",
        "Progress so far",
        "Staff networks",
        "Hate Crime Operational Guidance", // another document's title: only "operational" is rare, and it is rec 7's word
    };

    [Theory, MemberData(nameof(OrdinaryProse))]
    public void Calibration_OrdinaryResponseProse_MatchesNothing(string sentence)
    {
        var match = Matcher.Match(sentence);

        Assert.Null(match.Best);
        Assert.Empty(match.Tied);
    }

    /// <summary>The commissioners' own comments in the four seed responses, sentence by sentence: none reads as a recommendation.</summary>
    [Theory]
    [InlineData(Seeds.Cheshire)]
    [InlineData(Seeds.Cleveland)]
    [InlineData(Seeds.HampshireAndIsleOfWight)]
    [InlineData(Seeds.WestMidlands)]
    public void Calibration_TheSeedCommissionersComments_MatchNoRecommendation(string seed)
    {
        var comments = ResponseParser.Parse(Seeds.Read(seed), Seeds.Report.Recommendations, Seeds.Forces, seed, Seeds.Report.Title).BodyComments;

        Assert.NotNull(comments);
        var sentences = SentenceBreak().Split(comments).Where(s => s.Trim().Length > 0).ToList();
        Assert.True(sentences.Count >= 5);
        Assert.All(sentences, s => Assert.True(Matcher.Match(s).Best is null, $"'{s}' matched recommendation {Matcher.Match(s).Best}"));
    }

    [Fact]
    public void Match_FragmentAsCloseToTwoRecommendations_MatchesNeitherAndNamesBoth()
    {
        var match = Matcher.Match("non-crime hate incidents");

        Assert.Null(match.Best);
        Assert.Contains(match.Tied, t => t.Recommendation == 16);
        Assert.Contains(match.Tied, t => t.Recommendation == 17);
        Assert.All(match.Tied, t => Assert.True(match.Score - t.Score < FragmentMatcher.Margin));
    }

    // ------------------------------------------------------------------ in the parser

    [Theory, MemberData(nameof(Formats))]
    public void Parse_HeadingsParaphrasingRecommendations_EachStartTheirAnswer(string format)
    {
        var parsed = Parse(
            """
            Response of the Police and Crime Commissioner for Leicestershire to the inspection of activism and impartiality

            Visible representations

            Leicestershire Police published a policy on badges, lanyards and flags in January 2025.

            Progress so far

            Every officer has been briefed on it.

            Equality impact assessment training

            Forty assessors completed a two-day course in March.

            Funding and support for networks

            A panel now decides each network's budget against local need.
            """,
            format);

        Assert.Equal([[10], [12], [22]], parsed.Responses.Select(r => r.Recommendations.ToArray()));
        Assert.Equal("Leicestershire Police published a policy on badges, lanyards and flags in January 2025.\n\nProgress so far\n\nEvery officer has been briefed on it.", parsed.Responses[0].Text);
        Assert.Equal("Forty assessors completed a two-day course in March.", parsed.Responses[1].Text);
        Assert.All(parsed.Responses, r => Assert.Equal("quote", r.Source));
        Assert.All(parsed.Responses, r => Assert.InRange(r.Confidence, 0.5, 0.9));
    }

    [Theory, MemberData(nameof(Formats))]
    public void Parse_QuotedFragmentOpeningAParagraph_StartsItsAnswer(string format)
    {
        var parsed = Parse(
            """
            Dear Chief Inspector,

            Thank you for the report on activism and impartiality.

            The report asks that forces "update and implement their policies and guidance for non-crime hate incidents". Our policy was rewritten in February and every call handler has been trained.

            On "a robust assessment process for allocating funding", the force set up a funding panel in January.

            Yours sincerely,
            """,
            format);

        Assert.Equal([[16], [22]], parsed.Responses.Select(r => r.Recommendations.ToArray()));
        Assert.Equal("Our policy was rewritten in February and every call handler has been trained.", parsed.Responses[0].Text);
        Assert.Equal("On \"a robust assessment process for allocating funding\", the force set up a funding panel in January.", parsed.Responses[1].Text.Replace('\u201C', '"').Replace('\u201D', '"'));
        Assert.All(parsed.Responses, r => Assert.Equal("quote", r.Source));
    }

    [Fact]
    public void Parse_LabelledFragment_RecommendationColonThenAnswer()
    {
        var parsed = Parse(
            """
            Recommendation: research into bots and non-local social media users and how they fuel community tension.

            We have asked our communications team to share what it sees with the National Police Chiefs' Council.

            HMICFRS recommendation - forces should make sure they clearly define in policies the requirements for recording personal data. Our policy now sets these out.
            """);

        Assert.Equal([[11], [20]], parsed.Responses.Select(r => r.Recommendations.ToArray()));
        Assert.Equal("We have asked our communications team to share what it sees with the National Police Chiefs' Council.", parsed.Responses[0].Text);
        Assert.Equal("Our policy now sets these out.", parsed.Responses[1].Text);
    }

    [Fact]
    public void Parse_FragmentEqallyCloseToTwoRecommendations_MatchesNeither_AndAWarningNamesThem()
    {
        var parsed = Parse(
            """
            Recommendation 10: Guidance was issued in January.

            Non-crime hate incidents

            A new team looks at every report within a day.
            """);

        var item = Assert.Single(parsed.Responses);
        Assert.Equal([10], item.Recommendations); // the ambiguous heading neither starts an answer nor ends this one
        Assert.Contains("A new team looks at every report within a day.", item.Text, StringComparison.Ordinal);
        var warning = Assert.Single(parsed.Notes, n => n.Contains("'Non-crime hate incidents'", StringComparison.Ordinal));
        Assert.Contains("16", warning, StringComparison.Ordinal);
        Assert.Contains("17", warning, StringComparison.Ordinal);
        Assert.Contains("not matched to any of them", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TableWithoutNumbers_RecommendationColumnParaphrased()
    {
        var parsed = Parse(
            "Recommendation\tOur response\n" +
            "Audit of policies relating to the Equality Act 2010\tAll 212 policies were checked in January 2025.\n" +
            "Hate incident assessment and review process\tA triage team now reviews every incident.\n");

        Assert.Equal([[13], [18]], parsed.Responses.Select(r => r.Recommendations.ToArray()));
        Assert.Equal("All 212 policies were checked in January 2025.", parsed.Responses[0].Text);
        Assert.Equal("A triage team now reviews every incident.", parsed.Responses[1].Text);
        Assert.All(parsed.Responses, r => Assert.Equal("quote", r.Source));
    }

    [Fact]
    public void Parse_NumberedRowWhoseSummaryReadsLikeAnotherRecommendation_KeepsTheNumber_AndWarns()
    {
        var parsed = Parse(
            "No.\tRecommendation\tResponse\n" +
            "13\tHate incident assessment and review process\tA triage team now reviews every incident.\n");

        Assert.Equal([13], Assert.Single(parsed.Responses).Recommendations);
        Assert.Contains(parsed.Notes, n => n.Contains("reads more like recommendation 18", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_AnswerEchoingItsOwnRecommendationInQuotes_StaysOneAnswer()
    {
        var parsed = Parse(
            """
            Recommendation 18

            The force now has "an effective and efficient process for assessing and reviewing hate incidents", overseen by a chief inspector.
            """);

        var item = Assert.Single(parsed.Responses);
        Assert.Equal([18], item.Recommendations);
        Assert.Equal("heading", item.Source);
    }

    [Fact]
    public void Parse_DocumentsNamedInQuotesInsideAnAnswer_StartNoOtherAnswer()
    {
        var parsed = Parse(
            """
            Recommendation 16

            Our policy was rewritten in February.

            In 2014, the College of Policing published its ‘Hate Crime Operational Guidance’, and our policy follows it.

            The College's 'Guidance for ethical and professional behaviour in policing' is now part of every course we run.
            """);

        var item = Assert.Single(parsed.Responses);
        Assert.Equal([16], item.Recommendations);
        Assert.EndsWith("is now part of every course we run.", item.Text, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(?<=[.!?;:])\s+|\n+")]
    private static partial Regex SentenceBreak();
}
