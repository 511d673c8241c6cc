using Evenhand.Importing;
using Evenhand.Responses.Parsing;
using Evenhand.Tests.Importing;
using Evenhand.Tests.Infrastructure;

namespace Evenhand.Tests.Responses.Parsing;

/// <summary>
/// The commissioner's comments, the chief officer's comments and the commissioner's response to them are recognised by their
/// headings, returned on their own, and never attached to a recommendation.
/// </summary>
public class ResponseCommentSectionTests
{
    public static TheoryData<string> Formats => new() { ".txt", ".pdf", ".docx", ".html" };

    private static ParsedResponse Parse(string text, string format = ".txt")
    {
        var name = "response" + format;
        var read = format == ".txt" ? text.ReplaceLineEndings("\n") : DocumentText.Read(new MemoryStream(DocumentTextTests.Convert(text, format)), name);
        return ResponseParser.Parse(read, Seeds.Report.Recommendations, Seeds.Forces, name, Seeds.Report.Title);
    }

    private const string Letter = """
        Response of the Police and Crime Commissioner for North Wales to the inspection of activism and impartiality

        Commissioner's comments

        I welcome the inspectorate's report. Public trust depends on officers being seen to act without favour.

        I have asked the force, as recommendation 12 asks, to train its assessors, and I will check this at my scrutiny board.

        Chief Constable's comments

        The force accepts every recommendation addressed to it. This also answers recommendations 16 to 18.

        Assistant Chief Constable Jane Morgan
        North Wales Police

        Commissioner's response to the Chief Constable's comments

        I am reassured by the force's commitment and will report progress to the police and crime panel.

        Recommendation 10

        The force published guidance on badges and lanyards in January 2025.

        Recommendation 12

        Forty assessors completed a two-day course in March 2025.

        Yours sincerely,

        Police and Crime Commissioner for North Wales
        """;

    [Theory, MemberData(nameof(Formats))]
    public void Parse_ThreeCommentSections_AreReturnedOnTheirOwn_AndAnswersFollowThem(string format)
    {
        var parsed = Parse(Letter, format);

        Assert.Equal(
            "I welcome the inspectorate's report. Public trust depends on officers being seen to act without favour.\n\n" +
            "I have asked the force, as recommendation 12 asks, to train its assessors, and I will check this at my scrutiny board.",
            parsed.BodyComments);
        Assert.Equal("The force accepts every recommendation addressed to it. This also answers recommendations 16 to 18.", parsed.ChiefOfficerComments);
        Assert.Equal("I am reassured by the force's commitment and will report progress to the police and crime panel.", parsed.ResponseToChiefOfficer);

        // The citations in the comments ("as recommendation 12 asks", "This also answers recommendations 16 to 18") answer nothing.
        Assert.Equal([[10], [12]], parsed.Responses.Select(r => r.Recommendations.ToArray()));
        Assert.Equal("Forty assessors completed a two-day course in March 2025.", parsed.Responses[1].Text);
        Assert.DoesNotContain(parsed.Responses, r => r.Text.Contains("scrutiny board", StringComparison.Ordinal) || r.Text.Contains("reassured", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Comment by the PCC:", "Body")]
    [InlineData("Commissioner's comments", "Body")]
    [InlineData("Police and Crime Commissioner's response", "Body")]
    [InlineData("PCC RESPONSE TO INSPECTION", "Body")]
    [InlineData("Response from: Office of the Police and Crime Commissioner for Cheshire", "Body")]
    [InlineData("Comments of the Police, Fire and Crime Commissioner", "Body")]
    [InlineData("Chief Constable's comments", "Chief")]
    [InlineData("Chief officer's response", "Chief")]
    [InlineData("Response from: Cheshire Constabulary", "Chief")]
    [InlineData("Comments from the Chief Constable", "Chief")]
    [InlineData("Response to the Chief Constable's comments", "Reply")]
    [InlineData("PCC's response to the chief officer's comments", "Reply")]
    public void Parse_CommentHeadings_AreRecognised(string heading, string part)
    {
        var parsed = Parse($"Our response\n\nRecommendation 22: A funding panel meets every quarter.\n\n{heading}\n\nWe are content with the progress reported.\n");

        var text = part switch
        {
            "Body" => parsed.BodyComments,
            "Chief" => parsed.ChiefOfficerComments,
            _ => parsed.ResponseToChiefOfficer,
        };
        Assert.Equal("We are content with the progress reported.", text);
        Assert.Equal("A funding panel meets every quarter.", Assert.Single(parsed.Responses).Text);
    }

    [Theory]
    [InlineData("Force response to recommendations")]
    [InlineData("Recommendations and Constabulary Response:")]
    [InlineData("Next steps")]
    public void Parse_HeadingsThatAreNotCommentSections_LeaveTheCommentsEmpty(string heading)
    {
        var parsed = Parse($"{heading}\n\nRecommendation 22: A funding panel meets every quarter.\n");

        Assert.Null(parsed.BodyComments);
        Assert.Null(parsed.ChiefOfficerComments);
        Assert.Null(parsed.ResponseToChiefOfficer);
        Assert.Equal([22], Assert.Single(parsed.Responses).Recommendations);
    }

    [Fact]
    public void Parse_CommentsBetweenAnswersToRecommendations_StayWithTheAnswer()
    {
        var parsed = Parse("""
            Recommendation 16

            The policy was rewritten in February.

            Commissioner's comments

            I am satisfied with this.

            Recommendation 17

            The recording system changed in March.
            """);

        Assert.Null(parsed.BodyComments);
        Assert.Equal("The policy was rewritten in February.\n\nCommissioner's comments\n\nI am satisfied with this.", parsed.Responses[0].Text);
        Assert.Contains(parsed.Notes, n => n.Contains("comes between answers", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Formats))]
    public void Parse_TableOfRecommendationsAfterTheComments_EndsThem(string format)
    {
        var parsed = Parse(
            "Chief Constable's comments\n\nThe force accepts the recommendations.\n\n" +
            "No.\tRecommendation\tResponse\n" +
            "13\tAudit policies relating to the Equality Act 2010\tAll 212 policies were audited in January 2025.\n" +
            "22\tRobust assessment process for funding networks\tA funding panel meets every quarter.\n",
            format);

        Assert.Equal("The force accepts the recommendations.", parsed.ChiefOfficerComments);
        Assert.Equal([[13], [22]], parsed.Responses.Select(r => r.Recommendations.ToArray()));
        Assert.Equal("A funding panel meets every quarter.", parsed.Responses[1].Text);
    }

    [Fact]
    public void Parse_LongCommentsSectionBetweenAnswers_IsTheCommissionersComments()
    {
        var parsed = Parse("""
            Recommendation 16

            The policy was rewritten in February.

            Commissioner's comments

            I welcome the report.

            Trust depends on impartiality.

            I will hold the force to account.

            My panel will see progress every quarter.

            Recommendation 17

            The recording system changed in March.
            """);

        Assert.Equal("I welcome the report.\n\nTrust depends on impartiality.\n\nI will hold the force to account.\n\nMy panel will see progress every quarter.", parsed.BodyComments);
        Assert.Equal("The policy was rewritten in February.", parsed.Responses[0].Text);
    }

    [Fact]
    public void Parse_DocumentTitleNamingTheCommissionersResponse_IsNotACommentSection()
    {
        var parsed = Parse("""
            Response of the Police and Crime Commissioner for North Wales

            North Wales Police has considered the report.

            Recommendation 10: Guidance was issued.
            """);

        Assert.Null(parsed.BodyComments);
        Assert.Equal([10], Assert.Single(parsed.Responses).Recommendations);
    }

    [Fact]
    public void Parse_CommentsWithSubHeadingsAndBullets_KeepThem_AndLeaveOutTheSignature()
    {
        var parsed = Parse("""
            Recommendation 10: Guidance was issued.

            Comment by the PCC:

            Key observations

            - Trust depends on impartiality.
            - Networks need clear terms of reference

            Looking ahead

            I will keep this under review.

            Jane Smith
            Police and Crime Commissioner for North Wales
            """);

        Assert.Equal(
            "Key observations\n\n- Trust depends on impartiality.\n- Networks need clear terms of reference\n\nLooking ahead\n\nI will keep this under review.",
            parsed.BodyComments);
    }

    [Fact]
    public void Parse_LabelledCommentParagraph_WithNoAnswerOpen_IsACommentSection()
    {
        var parsed = Parse("Commissioner's comments: I welcome the report and will monitor progress.\n\nRecommendation 10: Guidance was issued.\n");

        Assert.Equal("I welcome the report and will monitor progress.", parsed.BodyComments);
        Assert.Equal("Guidance was issued.", Assert.Single(parsed.Responses).Text);
    }

    [Theory]
    [InlineData(Seeds.Cheshire, "The principle of police impartiality is essential", "my scrutiny process.", false)]
    [InlineData(Seeds.Cleveland, "The PCC:", "fair, proportionate and timely.", false)]
    [InlineData(Seeds.HampshireAndIsleOfWight, "We welcome the HMICFRS", "when they take place.", true)]
    [InlineData(Seeds.WestMidlands, "Published on 10th September 2024", "irrespective of attempts to subject policing to political interference.", false)]
    public void Parse_SeedResponses_CommissionersCommentsFound_WithoutSignature(string seed, string starts, string ends, bool chief)
    {
        var parsed = ResponseParser.Parse(Seeds.Read(seed), Seeds.Report.Recommendations, Seeds.Forces, seed, Seeds.Report.Title);

        Assert.StartsWith(starts, parsed.BodyComments, StringComparison.Ordinal);
        Assert.EndsWith(ends, parsed.BodyComments, StringComparison.Ordinal);
        Assert.Equal(chief, parsed.ChiefOfficerComments is not null);
        Assert.Null(parsed.ResponseToChiefOfficer);
        Assert.All(parsed.Responses, r => Assert.DoesNotContain(parsed.BodyComments![..40], r.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_Hampshire_TheConstabularysSectionIsTheChiefOfficersComments()
    {
        var parsed = ResponseParser.Parse(Seeds.Read(Seeds.HampshireAndIsleOfWight), Seeds.Report.Recommendations, Seeds.Forces, "h.txt", Seeds.Report.Title);

        Assert.StartsWith("Hampshire and Isle of Wight Constabulary recognise the significance", parsed.ChiefOfficerComments, StringComparison.Ordinal);
        Assert.EndsWith("a commitment to continuous learning and improvement.", parsed.ChiefOfficerComments, StringComparison.Ordinal);
        Assert.DoesNotContain("Sam De Reya", parsed.ChiefOfficerComments, StringComparison.Ordinal);
        Assert.DoesNotContain("Donna Jones", parsed.BodyComments, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(DocumentTextTests.ResponsesInFormats), MemberType = typeof(DocumentTextTests))]
    public void Parse_SeedResponse_InEachFormat_FindsTheSameCommentSectionsAsText(string seed, string format)
    {
        var expected = ResponseParser.Parse(Seeds.Read(seed), Seeds.Report.Recommendations, Seeds.Forces, seed, Seeds.Report.Title);
        var name = Path.ChangeExtension(seed, format);
        var text = DocumentText.Read(new MemoryStream(DocumentTextTests.Convert(Seeds.Read(seed), format)), name);

        var actual = ResponseParser.Parse(text, Seeds.Report.Recommendations, Seeds.Forces, name, Seeds.Report.Title);

        Assert.Equal(Words(expected.BodyComments), Words(actual.BodyComments));
        Assert.Equal(Words(expected.ChiefOfficerComments), Words(actual.ChiefOfficerComments));
        Assert.Equal(expected.ResponseToChiefOfficer, actual.ResponseToChiefOfficer);
    }

    // The words, ignoring how lines and quotes were laid out by each format.
    private static string? Words(string? s) => s is null ? null : Evenhand.Inspections.Parsing.MarkupText.Normalise(s);
}
