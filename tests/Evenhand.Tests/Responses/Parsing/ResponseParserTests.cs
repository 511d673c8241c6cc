using Evenhand.Importing;
using Evenhand.Inspections.Parsing;
using Evenhand.Responses.Parsing;
using Evenhand.Tests.Infrastructure;

namespace Evenhand.Tests.Responses.Parsing;

public class ResponseParserTests
{
    private static IReadOnlyList<ParsedRecommendation> Recommendations => Seeds.Report.Recommendations;

    private static ParsedResponse ParseSeed(string file) =>
        ResponseParser.Parse(Seeds.Read(file), Recommendations, Seeds.Forces, file);

    private static ParsedResponse ParseText(string text) =>
        ResponseParser.Parse(text.ReplaceLineEndings("\n"), Recommendations, Seeds.Forces, "response.txt");

    private static string RecText(int number) => Recommendations.Single(r => r.Number == number).Text;

    [Theory]
    [InlineData(Seeds.Cheshire, "cheshire")]
    [InlineData(Seeds.Cleveland, "cleveland")]
    [InlineData(Seeds.HampshireAndIsleOfWight, "hampshire-and-isle-of-wight")]
    [InlineData(Seeds.WestMidlands, "west-midlands")]
    public void Parse_SeedResponse_RecognisesTheForce(string file, string slug)
    {
        Assert.Equal(slug, ParseSeed(file).ForceSlug);
    }

    [Theory]
    [InlineData(Seeds.Cheshire)]
    [InlineData(Seeds.Cleveland)]
    [InlineData(Seeds.HampshireAndIsleOfWight)]
    [InlineData(Seeds.WestMidlands)]
    public void Parse_SeedResponse_AnswersNeverContainTheQuotedRecommendation(string file)
    {
        var parsed = ParseSeed(file);

        Assert.All(parsed.Responses, item =>
        {
            Assert.NotEmpty(item.Text);
            Assert.DoesNotContain("<p>", item.Text, StringComparison.Ordinal);
            foreach (var number in item.Recommendations)
            {
                // the opening words of a quoted recommendation, e.g. "By 31 March 2025, forces should make sure their …"
                var opening = string.Join(' ', RecText(number).Split(' ').Take(8));
                Assert.DoesNotContain(opening, item.Text, StringComparison.OrdinalIgnoreCase);
            }
        });
    }

    [Fact]
    public void Parse_WestMidlands_MatchesQuotedTextsWithoutNumbersAndAnswers17And18Together()
    {
        var parsed = ParseSeed(Seeds.WestMidlands);

        Assert.Equal([[10], [12], [13], [16], [17, 18], [20], [22]], parsed.Responses.Select(r => r.Recommendations.ToArray()));
        // s.55(5B): 4 and 21 also put duties on forces (SOURCES.md); none of the seed responses answers them.
        Assert.Equal([4, 9, 21], parsed.Missing);
        var joint = parsed.Responses.Single(r => r.Recommendations.Count == 2).Text;
        Assert.StartsWith("These two recommendations are interconnected, and updates should be considered together.", joint, StringComparison.Ordinal);
        Assert.Contains("monthly Crime Data Integrity (CDI) audits", joint, StringComparison.Ordinal);
        Assert.StartsWith("WMP has a Uniform and Equipment Policy", parsed.Responses[0].Text, StringComparison.Ordinal);
        Assert.EndsWith("must be discreet and in line with WMP's vision and values.", parsed.Responses[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WestMidlands_StopsAtTheConclusionAndIgnoresTheAppendedLetter()
    {
        var last = ParseSeed(Seeds.WestMidlands).Responses[^1];

        Assert.Equal([22], last.Recommendations);
        Assert.EndsWith("this service level agreement will be implemented.", last.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Hampshire_NumberedRecommendationsEachWithAnOpccResponse()
    {
        var parsed = ParseSeed(Seeds.HampshireAndIsleOfWight);

        Assert.Equal([9, 10, 12, 13, 16, 17, 18, 20, 22], parsed.Responses.Select(r => Assert.Single(r.Recommendations)));
        Assert.Equal([4, 21], parsed.Missing); // s.55(5B): 4 and 21 put duties on forces too; Hampshire answers neither
        Assert.All(parsed.Responses, r => Assert.StartsWith("I will ", r.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_Hampshire_AnswerThatEchoesTheRecommendationIsKeptWhole()
    {
        // The answers to 12, 17 and 18 repeat long phrases of the recommendation: they are answers, not quotes.
        var parsed = ParseSeed(Seeds.HampshireAndIsleOfWight);

        Assert.Equal(
            "I will ensure my Chief Constable has put the necessary processes in place to ensure the force has an effective and efficient process for assessing and reviewing hate incidents.",
            parsed.Responses.Single(r => r.Recommendations[0] == 18).Text);
        Assert.EndsWith(
            "improve the quality of these assessments and make sure they are completed when required.",
            parsed.Responses.Single(r => r.Recommendations[0] == 12).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Cheshire_TableRowsInTheirOwnOrderCoverAllNineForceRecommendations()
    {
        var parsed = ParseSeed(Seeds.Cheshire);

        // The table is not in number order; it answers every one of the nine recommendations for forces, including 9 ("Awaiting guidance").
        Assert.Equal([16, 18, 20, 13, 12, 17, 10, 22, 9], parsed.Responses.Select(r => Assert.Single(r.Recommendations)));
        Assert.Equal([4, 21], parsed.Missing); // s.55(5B): 4 and 21 put duties on forces too; Cheshire answers neither
        Assert.Equal("Policies will be reviewed and updated accordingly.", parsed.Responses[0].Text);
        Assert.Equal("Awaiting guidance. Once received will review policies accordingly as soon as received.", parsed.Responses[^1].Text);
    }

    [Fact]
    public void Parse_Cheshire_RecommendationTextSplitOverTwoRowsStaysOutOfTheAnswer()
    {
        // Recommendation 12's text runs on into the next row ("assessments and make sure they are completed when required.").
        var answer12 = ParseSeed(Seeds.Cheshire).Responses.Single(r => r.Recommendations[0] == 12).Text;

        Assert.Equal(
            "The personnel responsible for completing equality impact assessments are assisted by a trained subject matter expert " +
            "within our People Services Department. All policies include a EIA as part of their submission and sign off.",
            answer12);
    }

    [Fact]
    public void Parse_Cheshire_CommissionersClosingCommentsAreNotPartOfTheLastAnswer()
    {
        var answer9 = ParseSeed(Seeds.Cheshire).Responses[^1].Text;

        Assert.DoesNotContain("impartiality is essential", answer9, StringComparison.Ordinal);
    }

    /// <summary>
    /// Cleveland's document reproduces all 22 recommendations inside its "EXECUTIVE SUMMARY OF REPORT", each followed by
    /// the report's own findings (its sub-headings turned into bullets), not by anything Cleveland says. Its only answer to
    /// the recommendations is the "FORCE RESPONSE TO RECOMMENDATIONS" section, which names the nine recommendations for
    /// forces ("These are recommendations 9, 10, 12, 13, 16, 17, 18, 20 and 22") and describes, for all of them together,
    /// what the force is doing: an executive lead and delivery lead appointed, a plenary session planned, progress monitored
    /// through the GAIN Board. That is a response to each of the nine, though a general one with no steps specific to any
    /// recommendation, so: one item answering all nine with that section's text, nothing missing, and a note saying the
    /// answers are collective. The summary's recommendation texts produce no items.
    /// </summary>
    [Fact]
    public void Parse_Cleveland_OneCollectiveAnswerForTheNineRecommendationsItNames_4And21StillMissing()
    {
        var parsed = ParseSeed(Seeds.Cleveland);

        var item = Assert.Single(parsed.Responses);
        Assert.Equal([9, 10, 12, 13, 16, 17, 18, 20, 22], item.Recommendations);
        Assert.StartsWith("All new reports into the Force follow a specific process", item.Text, StringComparison.Ordinal);
        Assert.Contains("All actions will be progressed over the coming months", item.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Confidence in Policing", item.Text, StringComparison.Ordinal); // the PCC's comments that follow
        Assert.Equal([4, 21], parsed.Missing); // s.55(5B): answered by no seed response
        Assert.Contains(parsed.Notes, n => n.Contains("EXECUTIVE SUMMARY OF REPORT", StringComparison.Ordinal));
        Assert.Contains(parsed.Notes, n => n.Contains("answered together", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_OtherNumberStyles_RecDotDashAndJointNumbers()
    {
        var parsed = ParseText("""
            Response of the Police and Crime Commissioner for North Wales

            North Wales Police has considered the report, including what it says in recommendation 4 about national reporting.

            Rec. 10 — We have issued a new dress and appearance standard and will review it every year.

            REC 12: Equality impact assessment training is now mandatory for everyone who writes a policy.

            Recs 17 & 18 – A new triage team assesses every hate incident within 24 hours,
            and the data can now be analysed by type.

            Yours sincerely,

            Police and Crime Commissioner for North Wales
            """);

        Assert.Equal("north-wales", parsed.ForceSlug);
        Assert.Equal([[10], [12], [17, 18]], parsed.Responses.Select(r => r.Recommendations.ToArray()));
        Assert.Equal("We have issued a new dress and appearance standard and will review it every year.", parsed.Responses[0].Text);
        Assert.Equal("A new triage team assesses every hate incident within 24 hours, and the data can now be analysed by type.", parsed.Responses[2].Text);
        Assert.Equal([4, 9, 13, 16, 20, 21, 22], parsed.Missing); // mentioning recommendation 4 in passing is not an answer
    }

    [Fact]
    public void Parse_MarkdownTable_NumberColumnAbbreviatedRecommendationAndAnswer()
    {
        var parsed = ParseText("""
            # Leicestershire: response to the inspection of activism and impartiality

            | No. | Recommendation | Response |
            |---|---|---|
            | 10 | By 31 March 2025, chief constables should give clear direction to their workforce about wearing and displaying visible representations. | Leicestershire Police published its visible representations policy in January 2025. |
            | 16 | forces should update and implement their policies and guidance for non-crime hate incidents | Our non-crime hate incident policy was rewritten in February 2025. |
            """);

        Assert.Equal("leicestershire", parsed.ForceSlug);
        Assert.Equal([[10], [16]], parsed.Responses.Select(r => r.Recommendations.ToArray()));
        Assert.Equal("Leicestershire Police published its visible representations policy in January 2025.", parsed.Responses[0].Text);
        Assert.Equal("Our non-crime hate incident policy was rewritten in February 2025.", parsed.Responses[1].Text);
    }

    [Theory]
    [InlineData("In response to recommendation 10 and 22, the force has published its policies.", new[] { 10, 22 })]
    [InlineData("In response to recommendations 10, 12 and 22, the force has published its policies.", new[] { 10, 12, 22 })]
    [InlineData("In relation to recommendation 16, the force has published its policies.", new[] { 16 })]
    [InlineData("In relation to recommendations 16 to 18: the force has published its policies.", new[] { 16, 17, 18 })]
    [InlineData("With regard to Recs 16-18, the force has published its policies.", new[] { 16, 17, 18 })]
    [InlineData("Regarding recommendations 16\u201318, the force has published its policies.", new[] { 16, 17, 18 })]
    public void Parse_CitationInProse_OpensTheAnswer_AndTheRestOfTheSentenceIsIt(string paragraph, int[] expected)
    {
        var parsed = ParseText($"Dear Sir Andy,\n\nThank you for the report.\n\n{paragraph}\n\nThe work continues into 2025.\n");

        var item = Assert.Single(parsed.Responses);
        Assert.Equal(expected, item.Recommendations);
        Assert.StartsWith("the force has published its policies.", item.Text, StringComparison.Ordinal);
        Assert.Contains("The work continues into 2025.", item.Text, StringComparison.Ordinal);
        Assert.Equal(("prose", 0.9), (item.Source, item.Confidence));
    }

    [Theory]
    [InlineData("R9 \u2013 Policies will be updated once the College publishes its advice.", new[] { 9 })]
    [InlineData("R16-R18: A new hate incident policy went live in March.", new[] { 16, 17, 18 })]
    [InlineData("Recs 16-18 \u2013 A new hate incident policy went live in March.", new[] { 16, 17, 18 })]
    [InlineData("Rec 9: Policies will be updated once the College publishes its advice.", new[] { 9 })]
    public void Parse_AbbreviatedCitation_OpensTheAnswer(string paragraph, int[] expected)
    {
        var parsed = ParseText($"Response of the Police and Crime Commissioner\n\n{paragraph}\n\nR22 \u2013 The funding panel meets quarterly.\n");

        Assert.Equal(expected, parsed.Responses[0].Recommendations);
        Assert.Equal([22], parsed.Responses[^1].Recommendations);
        Assert.Equal("The funding panel meets quarterly.", parsed.Responses[^1].Text);
    }

    [Fact]
    public void Parse_CitationInProse_OfANumberTheInspectionDoesNotHave_IsNotAnAnswer()
    {
        var e = Assert.ThrowsAny<Exception>(() => ParseText("In response to recommendation 40, the force has acted.\n"));

        Assert.Contains("No responses", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MatchSource_TableNumberColumnIsTable_HeadingIsHeading_QuotedWordingIsQuote()
    {
        var table = ParseText("""
            | No. | Recommendation | Response |
            |---|---|---|
            | 16 | forces should update and implement their policies and guidance for non-crime hate incidents | Our policy was rewritten. |
            """);
        var heading = ParseText("Recommendation 16\n\nOur non-crime hate incident policy was rewritten in February 2025.\n");
        var quote = ParseText($"{RecText(13)}\n\nAll 212 policies were audited in January 2025.\n");

        Assert.Equal(("table", 0.95), (table.Responses[0].Source, table.Responses[0].Confidence));
        Assert.Equal(("heading", 0.95), (heading.Responses[0].Source, heading.Responses[0].Confidence));
        Assert.Equal([13], quote.Responses[0].Recommendations);
        Assert.Equal("quote", quote.Responses[0].Source);
        Assert.InRange(quote.Responses[0].Confidence, 0.5, 0.95);
    }

    [Fact]
    public void Parse_MatchSource_NumberQuotingAnotherRecommendationsWords_IsAQuoteWithLowerConfidence()
    {
        var parsed = ParseText($"Recommendation 1: {RecText(16)}\n\nResponse: Done in February.\n");

        Assert.Equal([16], parsed.Responses[0].Recommendations);
        Assert.Equal(("quote", 0.7), (parsed.Responses[0].Source, parsed.Responses[0].Confidence));
    }

    [Fact]
    public void Parse_DocumentNumbersItsOwnList_WordingDecidesWhichRecommendation()
    {
        var parsed = ParseText($"""
            Recommendations for forces

            Recommendation 1: {RecText(16)}

            Response: Done in February.

            Recommendation 2: {RecText(17)}

            Response: The new recording system went live in March.
            """);

        Assert.Null(parsed.ForceSlug);
        Assert.Equal([[16], [17]], parsed.Responses.Select(r => r.Recommendations.ToArray()));
        Assert.Equal("Done in February.", parsed.Responses[0].Text);
        Assert.Contains(parsed.Notes, n => n.Contains("matched by its wording", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_HeadingThenQuoteThenResponseHeading_KeepsSubHeadingsInsideTheAnswer()
    {
        var parsed = ParseText($"""
            Recommendation 16

            {RecText(16)}

            Response

            We rewrote the policy.

            Next steps

            Training follows in April.

            Recommendation 20

            {RecText(20)}

            Response

            Our policy already sets out how personal data is recorded.
            """);

        Assert.Equal([[16], [20]], parsed.Responses.Select(r => r.Recommendations.ToArray()));
        Assert.Equal("We rewrote the policy.\n\nNext steps\n\nTraining follows in April.", parsed.Responses[0].Text);
        Assert.Equal("Our policy already sets out how personal data is recorded.", parsed.Responses[1].Text);
    }

    [Fact]
    public void Parse_ForceNamedMostOften_Wins()
    {
        var parsed = ParseText("""
            Cheshire Constabulary response. We compared notes with West Midlands Police.

            Recommendation 10: Cheshire has issued guidance. The Police and Crime Commissioner for Cheshire will monitor it.
            """);

        Assert.Equal("cheshire", parsed.ForceSlug);
    }

    [Fact]
    public void Parse_DocumentAnsweringNothing_ThrowsNamingTheFileAndInspection()
    {
        const string text = """
            Thank you for the report

            We welcome the inspectorate's work on impartiality and will consider its recommendations carefully.
            """;

        var e = Assert.Throws<ImportException>(() =>
            ResponseParser.Parse(text, Recommendations, Seeds.Forces, "letter.txt", "An inspection into activism and impartiality in policing"));

        Assert.StartsWith(
            "No responses to any recommendation of 'An inspection into activism and impartiality in policing' were recognised in 'letter.txt'.",
            e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NumberedRecommendationWithNoAnswer_IsNotAnAnswer()
    {
        var parsed = ParseText("""
            Recommendation 9:

            Recommendation 10: A new policy was issued in March.
            """);

        Assert.Equal([10], Assert.Single(parsed.Responses).Recommendations);
        Assert.Contains(9, parsed.Missing);
        Assert.Contains(parsed.Notes, n => n.Contains("recommendation 9 is listed but no answer follows", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_NumberTheInspectionDoesNotHave_IsIgnoredWithANote()
    {
        var parsed = ParseText("""
            Recommendation 23: We did this too.

            Recommendation 22: Funding for networks is now decided by a panel.
            """);

        Assert.Equal([22], Assert.Single(parsed.Responses).Recommendations);
        Assert.Contains(parsed.Notes, n => n.Contains("recommendation 23 is not one of the inspection's recommendations", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_IntroductionNamingSeveralRecommendations_IsNotTakenForAnAnswer()
    {
        var parsed = ParseText("""
            Introduction

            Recommendations 9, 10 and 12 are for forces; the others are for national bodies.

            Our response

            Recommendation 10: A new policy on visible representations was issued in March.
            """);

        Assert.Equal([10], Assert.Single(parsed.Responses).Recommendations);
        Assert.Equal([4, 9, 12, 13, 16, 17, 18, 20, 21, 22], parsed.Missing);
    }

    [Fact]
    public void Parse_TabSeparatedTableWithHeaderRow_NumberColumnAndAnswer()
    {
        var parsed = ParseText(
            "No.\tRecommendation\tResponse\n" +
            "13\tAudit policies relating to the Equality Act 2010\tAll 212 policies were audited in January 2025.\n" +
            "22\tRobust assessment process for funding networks\tA funding panel meets every quarter.\n");

        Assert.Equal([[13], [22]], parsed.Responses.Select(r => r.Recommendations.ToArray()));
        Assert.Equal("All 212 policies were audited in January 2025.", parsed.Responses[0].Text);
        Assert.Equal("A funding panel meets every quarter.", parsed.Responses[1].Text);
    }
}
