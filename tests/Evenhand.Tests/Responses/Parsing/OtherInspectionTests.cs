using Evenhand.Importing;
using Evenhand.Responses.Parsing;
using Evenhand.Tests.Importing;
using Evenhand.Tests.Infrastructure;

namespace Evenhand.Tests.Responses.Parsing;

/// <summary>A response to another inspection is refused with a message saying so, naming that inspection when it can.</summary>
public class OtherInspectionTests
{
    public static TheoryData<string> Formats => new() { ".txt", ".pdf", ".docx", ".html" };

    private static ParsedResponse Parse(string text, string format = ".txt", string? title = null)
    {
        var name = "response" + format;
        var read = format == ".txt" ? text.ReplaceLineEndings("\n") : DocumentText.Read(new MemoryStream(DocumentTextTests.Convert(text, format)), name);
        return ResponseParser.Parse(read, Seeds.Report.Recommendations, Seeds.Forces, name, title ?? Seeds.Report.Title);
    }

    /// <summary>A PCC's response to a PEEL inspection: numbered like ours, answering something else.</summary>
    public const string PeelResponse = """
        Police and Crime Commissioner for Kent

        Title of inspection: PEEL 2023-2025: an inspection of Kent Police

        Date published: 14 March 2025

        Recommendation 1: Within six months, the force should make sure it answers emergency calls within ten seconds.

        The force has recruited thirty more call handlers and the answer time has fallen every month since January.

        Recommendation 2: Within six months, the force should record crime accurately at the first contact.

        A crime recording audit team checks a sample of incidents every week.

        Yours sincerely,

        Police and Crime Commissioner for Kent
        """;

    [Theory, MemberData(nameof(Formats))]
    public void Parse_PeelResponse_IsRefused_NamingThePeelInspection(string format)
    {
        var e = Assert.Throws<ImportException>(() => Parse(PeelResponse, format));

        Assert.StartsWith($"'response{format}' seems to answer another inspection: it names 'PEEL 2023-2025: an inspection of Kent Police'", e.Message, StringComparison.Ordinal);
        Assert.Contains("'An inspection into activism and impartiality in policing'", e.Message, StringComparison.Ordinal);
        Assert.Contains("choose the inspection it answers", e.Message, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Formats))]
    public void Parse_ViolenceAgainstWomenAndGirlsResponse_IsRefused_NamingIt(string format)
    {
        var text = """
            Police response to violence against women and girls: the commissioner's response

            Recommendation 3: Forces should make tackling these crimes a priority in their local plans.

            Tackling these crimes is now the first priority of the police and crime plan for 2024 to 2028.

            Recommendation 5: Forces should give victims regular updates on their cases.

            Victims now receive a call from the investigating officer every fortnight.
            """;

        var e = Assert.Throws<ImportException>(() => Parse(text, format));

        Assert.Contains("seems to answer another inspection", e.Message, StringComparison.Ordinal);
        Assert.Contains("violence against women and girls", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DocumentCitingNumbersTheInspectionDoesNotHave_AndQuotingNone_IsRefused()
    {
        var text = """
            Our response

            Recommendation 25: The force has appointed a lead officer.

            Recommendation 31: Training is under way for every sergeant.

            Recommendation 12: The review is complete.
            """;

        var e = Assert.Throws<ImportException>(() => Parse(text));

        Assert.Equal(
            "'response.txt' seems to answer another inspection: it cites recommendations 25 and 31, but 'An inspection into activism and impartiality in policing' " +
            "has recommendations 1 to 22, and it quotes none of them. It was not matched against 'An inspection into activism and impartiality in policing': " +
            "choose the inspection it answers, or import that inspection's report first.",
            e.Message);
    }

    [Fact]
    public void Parse_ResponseToThisInspectionThatMentionsPeelInPassing_IsNotRefused()
    {
        var parsed = Parse("""
            Response to the inspection of activism and impartiality in policing

            Our last PEEL inspection graded the force good at treating the public fairly.

            Recommendation 10: Guidance on visible representations was issued in January.
            """);

        Assert.Equal([10], Assert.Single(parsed.Responses).Recommendations);
    }

    [Fact]
    public void Parse_ResponseThatQuotesThisInspectionsRecommendation_IsNotRefused_EvenUnderAnotherTitle()
    {
        var parsed = Parse($"""
            Title of inspection: PEEL 2023-2025

            {Seeds.Report.Recommendations.Single(r => r.Number == 16).Text}

            The policy was rewritten in February.
            """);

        Assert.Equal([16], Assert.Single(parsed.Responses).Recommendations);
    }

    [Fact]
    public void Parse_ShortResponseWithoutTheTitlesWords_AnsweringInRange_IsNotRefused()
    {
        var parsed = Parse("Recommendation 22: A funding panel now meets every quarter.\n\nRecommendation 23: Not applicable.\n");

        Assert.Equal([22], Assert.Single(parsed.Responses).Recommendations);
    }

    [Theory]
    [InlineData(Seeds.Cheshire)]
    [InlineData(Seeds.Cleveland)]
    [InlineData(Seeds.HampshireAndIsleOfWight)]
    [InlineData(Seeds.WestMidlands)]
    public void Parse_SeedResponses_AreNotRefused(string seed)
    {
        var parsed = ResponseParser.Parse(Seeds.Read(seed), Seeds.Report.Recommendations, Seeds.Forces, seed, Seeds.Report.Title);

        Assert.NotEmpty(parsed.Responses);
    }

    [Fact]
    public void Parse_WhenTheInspectionIsItselfPeel_APeelResponseIsNotRefused()
    {
        var peel = new List<Evenhand.Inspections.Parsing.ParsedRecommendation>
        {
            new(1, "Within six months, the force should make sure it answers emergency calls within ten seconds.", null, null, null, ["Kent Police"], true),
            new(2, "Within six months, the force should record crime accurately at the first contact.", null, null, null, ["Kent Police"], true),
        };

        var parsed = ResponseParser.Parse(PeelResponse.ReplaceLineEndings("\n"), peel, Seeds.Forces, "kent.txt", "PEEL 2023-2025: an inspection of Kent Police");

        Assert.Equal([[1], [2]], parsed.Responses.Select(r => r.Recommendations.ToArray()));
    }
}
