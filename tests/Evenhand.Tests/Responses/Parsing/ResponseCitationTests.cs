using Evenhand.Importing;
using Evenhand.Responses.Parsing;
using Evenhand.Tests.Importing;
using Evenhand.Tests.Infrastructure;

namespace Evenhand.Tests.Responses.Parsing;

/// <summary>
/// Recommendations cited anywhere in a paragraph, not only at its start: the sentence that answers them starts their answer;
/// a mere mention, a page, date, paragraph, chapter, section or count is not a citation.
/// </summary>
public class ResponseCitationTests
{
    public static TheoryData<string> Formats => new() { ".txt", ".pdf", ".docx", ".html" };

    private static ParsedResponse Parse(string text, string format = ".txt")
    {
        var name = "letter" + format;
        var read = format == ".txt" ? text.ReplaceLineEndings("\n") : DocumentText.Read(new MemoryStream(DocumentTextTests.Convert(text, format)), name);
        return ResponseParser.Parse(read, Seeds.Report.Recommendations, Seeds.Forces, name, Seeds.Report.Title);
    }

    private const string Opening = "Response of the Police and Crime Commissioner for North Wales\n\nThank you for the inspection report on activism and impartiality.\n\n";

    [Theory]
    [InlineData("We have, as recommendation 12 asks, trained everyone who writes an equality impact assessment.", new[] { 12 })]
    [InlineData("We have, as recommendations 10, 12 and 22 ask, published all three policies on our website.", new[] { 10, 12, 22 })]
    [InlineData("Recommendation 13 has been implemented: every policy was checked in January.", new[] { 13 })]
    [InlineData("Every one of our 212 policies was checked in January (recommendation 13).", new[] { 13 })]
    [InlineData("To meet recommendations 16 to 18, a new hate incident unit was set up in March.", new[] { 16, 17, 18 })]
    [InlineData("In line with Recs 16\u201318 the unit looks again at every record within a week.", new[] { 16, 17, 18 })]
    [InlineData("The force has implemented R9 and R10 in full.", new[] { 9, 10 })]
    [InlineData("North Wales Police welcomed the report. In response to recommendation 22, a funding panel now meets every quarter.", new[] { 22 })]
    [InlineData("Our approach has changed. We have now completed recommendation 20 and the policy is published.", new[] { 20 })]
    public void CitationInsideAParagraph_StartsTheAnswerAtItsSentence(string paragraph, int[] expected)
    {
        var parsed = Parse(Opening + paragraph + "\n\nTraining continues into 2025.\n");

        var item = Assert.Single(parsed.Responses);
        Assert.Equal(expected, item.Recommendations);
        Assert.Equal("prose", item.Source);
        Assert.Contains(item.Confidence, new[] { 0.8, 0.9 }); // 0.9 where the sentence opens "In response to recommendation …"
        Assert.EndsWith("Training continues into 2025.", item.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Thank you for the inspection report", item.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("welcomed the report", item.Text, StringComparison.Ordinal); // the sentence before the citing one
    }

    [Fact]
    public void CitationMidSentence_KeepsTheWholeSentenceAsTheAnswer()
    {
        var parsed = Parse(Opening + "We have, as recommendation 12 asks, trained everyone who writes an equality impact assessment.\n");

        Assert.Equal("We have, as recommendation 12 asks, trained everyone who writes an equality impact assessment.", Assert.Single(parsed.Responses).Text);
    }

    [Fact]
    public void SentenceOpeningWithTheCitation_LeavesTheCitationOut()
    {
        var parsed = Parse(Opening + "North Wales Police welcomed the report. In response to recommendation 22, a funding panel now meets every quarter.\n");

        var item = Assert.Single(parsed.Responses);
        Assert.Equal("a funding panel now meets every quarter.", item.Text);
        Assert.Equal(("prose", 0.9), (item.Source, item.Confidence));
    }

    [Theory, MemberData(nameof(Formats))]
    public void ThisAlsoAnswers_GivesTheAnswerToTheOtherRecommendationsToo(string format)
    {
        var parsed = Parse(
            Opening +
            "Recommendation 12\n\n" +
            "Everyone who writes an equality impact assessment has been trained. The same course covers assessing hate incidents. " +
            "This also answers recommendations 16 to 18.\n\n" +
            "Recommendation 22: A funding panel meets every quarter.\n",
            format);

        Assert.Equal([[12], [16, 17, 18], [22]], parsed.Responses.Select(r => r.Recommendations.ToArray()));
        var (twelve, also) = (parsed.Responses[0], parsed.Responses[1]);
        Assert.Equal(twelve.Text, also.Text);
        Assert.EndsWith("This also answers recommendations 16 to 18.", also.Text, StringComparison.Ordinal);
        Assert.Equal(("heading", 0.95), (twelve.Source, twelve.Confidence));
        Assert.Equal(("prose", 0.75), (also.Source, also.Confidence));
        Assert.Contains(parsed.Notes, n => n.Contains("also answers recommendation 16, 17 and 18", StringComparison.Ordinal));
    }

    [Fact]
    public void ThisAlsoAnswers_WithNoAnswerOpen_StartsOne()
    {
        var parsed = Parse(Opening + "A new hate incident unit checks every record. This answers recommendation 18.\n\nIt started in March.\n");

        var item = Assert.Single(parsed.Responses);
        Assert.Equal([18], item.Recommendations);
        Assert.Equal("This answers recommendation 18.\n\nIt started in March.", item.Text);
    }

    [Theory, MemberData(nameof(Formats))]
    public void CitationsInRunningProse_EachStartTheirOwnAnswer(string format)
    {
        var parsed = Parse(
            Opening +
            "The chief constable issued new guidance on badges and lanyards in January, as recommendation 10 asks. Staff were told through weekly orders.\n\n" +
            "Work is also under way on hate incidents. We have, as recommendations 16 and 17 require, rewritten the policy and changed the recording system.\n\n" +
            "Yours sincerely,\n\nPolice and Crime Commissioner for North Wales\n",
            format);

        Assert.Equal("north-wales", parsed.ForceSlug);
        Assert.Equal([[10], [16, 17]], parsed.Responses.Select(r => r.Recommendations.ToArray()));
        Assert.StartsWith("The chief constable issued new guidance on badges", parsed.Responses[0].Text, StringComparison.Ordinal);
        Assert.EndsWith("Work is also under way on hate incidents.", parsed.Responses[0].Text, StringComparison.Ordinal);
        Assert.Equal("We have, as recommendations 16 and 17 require, rewritten the policy and changed the recording system.", parsed.Responses[1].Text);
    }

    /// <summary>Numbers that are not recommendations, and recommendations named without being answered.</summary>
    [Theory]
    [InlineData("The policy is on page 12 of the intranet and was approved on 12 March 2025.")]
    [InlineData("Paragraph 12 of chapter 6 of the report explains the background.")]
    [InlineData("Section 55 of the Police Act 1996 requires the commissioner to publish this response.")]
    [InlineData("All 43 forces were asked for their policies, and 22 recommendations were made.")]
    [InlineData("We considered what the report says in recommendation 4 about national reporting.")]
    [InlineData("Recommendations 9, 10 and 12 are for forces; the others are for national bodies.")]
    [InlineData("As recommendation 21 is for the National Police Chiefs' Council, we await its guidance.")]
    [InlineData("The inspectorate published its report on 10 September 2024 with 22 recommendations.")]
    [InlineData("See recommendation 13 (audit of policies) for the wider picture.")]
    public void NumbersThatAreNotAnswers_StayInTheAnswerTheyAreIn(string sentence)
    {
        var parsed = Parse(Opening + "Recommendation 10: Guidance on visible representations was issued in January.\n\n" + sentence + "\n");

        var item = Assert.Single(parsed.Responses);
        Assert.Equal([10], item.Recommendations);
        Assert.EndsWith(sentence, item.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(parsed.Notes, n => n.Contains("not one of the inspection's recommendations", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("We have, as recommendation 12 requires by 31 July 2025, trained every assessor.", new[] { 12 })]
    [InlineData("In line with recommendation 16 and 43 forces' practice, the policy was rewritten.", new[] { 16 })]
    [InlineData("To meet recommendations 16, 17 and 18 by 31 March, the unit was set up.", new[] { 16, 17, 18 })]
    [InlineData("We have implemented recommendation 13 in 100% of departments.", new[] { 13 })]
    public void DatesAndCountsAfterACitation_AreNotRecommendationNumbers(string sentence, int[] expected)
    {
        var parsed = Parse(Opening + sentence + "\n");

        Assert.Equal(expected, Assert.Single(parsed.Responses).Recommendations);
        Assert.DoesNotContain(parsed.Notes, n => n.Contains("not one of the inspection's recommendations", StringComparison.Ordinal));
    }

    [Fact]
    public void CitationOfANumberTheInspectionDoesNotHave_IsNotedAndIgnored()
    {
        var parsed = Parse(Opening + "Recommendation 10: Guidance was issued.\n\nWe have, as recommendation 40 asks, done more.\n");

        Assert.Equal([10], Assert.Single(parsed.Responses).Recommendations);
        Assert.Contains(parsed.Notes, n => n.Contains("recommendation 40 is not one of the inspection's recommendations", StringComparison.Ordinal));
    }

    [Fact]
    public void MarkdownHeadingNumberingARecommendation_StartsItsAnswer()
    {
        var parsed = Parse("# Our response\n\n## Recommendation 16\n\nThe policy was rewritten in February.\n\n## Recommendation 17\n\nThe recording system changed in March.\n");

        Assert.Equal([[16], [17]], parsed.Responses.Select(r => r.Recommendations.ToArray()));
        Assert.Equal("The policy was rewritten in February.", parsed.Responses[0].Text);
    }
}
