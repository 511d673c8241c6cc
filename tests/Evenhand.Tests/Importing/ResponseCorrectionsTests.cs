using Evenhand.Importing;
using Evenhand.Inspections.Parsing;
using Evenhand.Responses.Parsing;

namespace Evenhand.Tests.Importing;

/// <summary>The corrections a person makes in the response import's preview, applied to a parse without a database.</summary>
public class ResponseCorrectionsTests
{
    // Recommendations 10, 12, 13, 16, 17 and 22 put duties on forces; 11 does not.
    private static readonly IReadOnlyList<ParsedRecommendation> Recommendations =
        new[] { 10, 11, 12, 13, 16, 17, 22 }
            .Select(n => new ParsedRecommendation(n, $"Recommendation {n}'s text.", null, null, null, [], n != 11))
            .ToList();

    private const string Joint =
        "Equality impact assessments are now checked by a panel.\n\nPolicies are reviewed every two years by the same panel.";

    /// <summary>Passage 1 answers 10 (heading), passage 2 answers 12 and 13 together, passage 3 answers 22 (a quotation).</summary>
    private static ParsedResponse Parse() => new("sussex",
        [
            new([10], "Guidance on visible representations was issued in March.") { Source = MatchSource.Heading, Confidence = 0.95 },
            new([12, 13], Joint) { Source = MatchSource.Prose, Confidence = 0.5 },
            new([22], "Funding for staff networks is allocated by assessed need. The panel reviews it yearly.") { Source = MatchSource.Quote, Confidence = 0.8 },
        ],
        [16, 17])
    { Notes = ["A note from the parser."] };

    private static ResponseCorrectionInput Input(Dictionary<int, string?>? answers = null, string[]? splits = null, string[]? joins = null) =>
        new(splits ?? [], joins ?? [], answers ?? []);

    [Fact]
    public void Apply_NoCorrections_KeepsTheParsersMapping_AndRecordsNothing()
    {
        var parsed = Parse();

        var result = ResponseCorrections.Apply(parsed, Recommendations, ResponseCorrectionInput.None, forSaving: true);

        Assert.Empty(result.Errors);
        Assert.Empty(result.Corrections);
        Assert.Equal(parsed.Responses, result.Response.Responses);
        Assert.Equal([16, 17], result.Response.Missing);
        Assert.Equal(["A note from the parser."], result.Response.Notes);
        Assert.Equal("1-0", result.Answers[10]);
        Assert.Equal("2-0", result.Answers[13]);
        Assert.Null(result.Answers[16]);
    }

    [Fact]
    public void Apply_PassageGivenToAnotherRecommendation_MovesItsText_AndRecordsTheReassignment()
    {
        var result = ResponseCorrections.Apply(Parse(), Recommendations, Input(new() { [22] = "none", [17] = "3-0" }), forSaving: true);

        Assert.Empty(result.Errors);
        var item = Assert.Single(result.Response.Responses, r => r.Recommendations.Contains(17));
        Assert.Equal([17], item.Recommendations);
        Assert.StartsWith("Funding for staff networks", item.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Response.Responses, r => r.Recommendations.Contains(22));
        Assert.Equal([16, 22], result.Response.Missing);
        Assert.Contains(result.Corrections, c => c is { Kind: ImportCorrection.Reassigned, Description: "Passage 3 reassigned from recommendation 22 to recommendation 17" });
        Assert.Contains(result.Corrections, c => c is { Kind: ImportCorrection.NotAnswered, Description: "Recommendation 22 marked not answered (the parser had attached Passage 3 to it)" });
        Assert.True(result.IsChanged(17));
        Assert.False(result.IsChanged(10));
    }

    [Fact]
    public void Apply_SplitAtAParagraph_GivesTheSecondPartItsOwnRecommendation()
    {
        var first = ResponseCorrections.Apply(Parse(), Recommendations, ResponseCorrectionInput.None, forSaving: false);
        var point = Assert.Single(first.Passage("2-0")!.SplitPoints);
        Assert.Equal("Policies are reviewed every two years by\u2026", point.FirstWords);

        var split = ResponseCorrections.Apply(Parse(), Recommendations, Input(splits: [point.Key]), forSaving: false);
        var second = split.Passages.Single(p => p.Key == point.Key);
        Assert.Equal("Passage 2, part 2", second.Label);
        Assert.Equal("Policies are reviewed every two years by the same panel.", second.Text);
        // Until the person moves it, a recommendation stays with the part that opens its section.
        Assert.Equal("2-0", split.Answers[13]);

        var saved = ResponseCorrections.Apply(Parse(), Recommendations, Input(new() { [12] = "2-0", [13] = point.Key }, splits: [point.Key]), forSaving: true);

        Assert.Empty(saved.Errors);
        Assert.Equal("Equality impact assessments are now checked by a panel.", saved.Response.Responses.Single(r => r.Recommendations.SequenceEqual([12])).Text);
        Assert.Equal("Policies are reviewed every two years by the same panel.", saved.Response.Responses.Single(r => r.Recommendations.SequenceEqual([13])).Text);
        Assert.Equal(
            [
                "Passage 2 split before \u201cPolicies are reviewed every two years by\u2026\u201d",
                "Passage 2, part 1 reassigned from recommendations 12 and 13 to recommendation 12",
                "Passage 2, part 2 now answers recommendation 13",
            ],
            saved.Corrections.Select(c => c.Description));
    }

    [Fact]
    public void Apply_JoinedAgain_IsOnePassage_AndAChoiceOfTheLostPartFallsToTheWholePassage()
    {
        var result = ResponseCorrections.Apply(Parse(), Recommendations,
            Input(new() { [13] = "2-57" }, splits: ["2-57"], joins: ["2-57"]), forSaving: true);

        Assert.Empty(result.Errors);
        Assert.Empty(result.Splits);
        Assert.Equal("2-0", result.Answers[13]);
        Assert.Equal(Joint, result.Passages.Single(p => p.Number == 2).Text);
        Assert.Empty(result.Corrections);
    }

    [Fact]
    public void Apply_PassageOfOneParagraph_OffersItsSentences()
    {
        var result = ResponseCorrections.Apply(Parse(), Recommendations, ResponseCorrectionInput.None, forSaving: false);

        var point = Assert.Single(result.Passage("3-0")!.SplitPoints);
        Assert.Equal("The panel reviews it yearly.", point.FirstWords);
        Assert.Empty(result.Passage("1-0")!.SplitPoints);
    }

    [Fact]
    public void Apply_UnknownRecommendationPassageOrSplit_IsRefusedAgainstItsField()
    {
        var result = ResponseCorrections.Apply(Parse(), Recommendations,
            Input(new() { [99] = "1-0", [10] = "7-0", [12] = "2-13" }, splits: ["2-5"]), forSaving: true);

        Assert.Equal(
            [
                ("Answers[10]", "Choose the passage that answers recommendation 10 from the list, or 'Not answered'"),
                ("Answers[12]", "Choose the passage that answers recommendation 12 from the list, or 'Not answered'"),
                ("", "Recommendation 99 is not one of this inspection's recommendations (1 to 22)."),
                ("split-2-0", "Passage 2 cannot be split there. Choose a place from the list."),
            ],
            result.Errors.Select(e => (e.Field, e.Message)));
    }

    [Fact]
    public void Apply_EveryRecommendationNotAnswered_IsRefusedForSaving_ButMayBeShown()
    {
        var none = Recommendations.ToDictionary(r => r.Number, _ => (string?)ResponseCorrections.NotAnswered);

        var shown = ResponseCorrections.Apply(Parse(), Recommendations, Input(none), forSaving: false);
        var saved = ResponseCorrections.Apply(Parse(), Recommendations, Input(none), forSaving: true);

        Assert.Empty(shown.Errors);
        Assert.Empty(shown.Response.Responses);
        var error = Assert.Single(saved.Errors);
        Assert.Equal("Answers[10]", error.Field);
        Assert.Contains("saving would import nothing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_RecommendationTheParserFoundTwice_GetsTheSurerPassage_WithANote()
    {
        var parsed = new ParsedResponse(null,
            [
                new([10], "A passing mention of the policy.") { Source = MatchSource.Prose, Confidence = 0.8 },
                new([10], "The full answer to the recommendation.") { Source = MatchSource.Heading, Confidence = 0.95 },
            ],
            []);

        var result = ResponseCorrections.Apply(parsed, Recommendations, ResponseCorrectionInput.None, forSaving: true);

        Assert.Equal("2-0", result.Answers[10]);
        Assert.Equal("The full answer to the recommendation.", Assert.Single(result.Response.Responses).Text);
        Assert.Contains("Recommendation 10 was found in passages 1 and 2; passage 2", Assert.Single(result.Notes), StringComparison.Ordinal);
        Assert.Empty(result.Corrections);
    }

    [Fact]
    public void Fingerprint_ChangesWithTheParse()
    {
        var parsed = Parse();

        Assert.Equal(ResponseCorrections.Fingerprint(parsed), ResponseCorrections.Fingerprint(Parse()));
        Assert.NotEqual(ResponseCorrections.Fingerprint(parsed), ResponseCorrections.Fingerprint(parsed with { Responses = parsed.Responses.Skip(1).ToList() }));
    }
}
