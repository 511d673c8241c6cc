using Evenhand.Importing;
using Evenhand.Inspections.Parsing;
using Evenhand.Tests.Infrastructure;

namespace Evenhand.Tests.Inspections.Parsing;

public class ReportParserTests
{
    private static ParsedReport Report => Seeds.Report;

    private static ParsedRecommendation Rec(int number) => Report.Recommendations.Single(r => r.Number == number);

    [Fact]
    public void Parse_SeedReport_FindsTwentyTwoRecommendationsNumberedOneToTwentyTwo()
    {
        Assert.Equal(Enumerable.Range(1, 22), Report.Recommendations.Select(r => r.Number));
    }

    [Fact]
    public void Parse_SeedReport_TitleIsFirstLineAndNoFullPublicationDateIsStated()
    {
        Assert.Equal("An inspection into activism and impartiality in policing", Report.Title);

        // Only "September 2024" appears (in the footer): not a full date.
        Assert.Null(Report.Published);
    }

    [Fact]
    public void Parse_SeedReport_SummaryAndChapterWordingsAgree()
    {
        // Every recommendation appears twice (summary and chapter); any disagreement would be a warning.
        Assert.Empty(Report.Warnings);
    }

    [Fact]
    // SOURCES.md: 9, 10, 12, 13, 16, 17, 18, 20, 22 are addressed to forces or chief constables; 4 and 21 to several
    // bodies including forces, "so a force answers them too" (s.55(5B): every recommendation that puts a duty on the force).
    public void Parse_SeedReport_AppliesToForcesWheneverForcesOrChiefConstablesAreAmongTheAddressees()
    {
        var forForces = Report.Recommendations.Where(r => r.AppliesToForces).Select(r => r.Number);

        Assert.Equal([4, 9, 10, 12, 13, 16, 17, 18, 20, 21, 22], forForces);
    }

    [Theory]
    [InlineData(4)] // the National Police Coordination Centre first; "All forces should …" later
    [InlineData(21)] // the NPCC first; "The NPCC and forces should withdraw funding …" later
    public void Parse_NationalRecommendationThatAlsoNamesForces_AppliesToForces(int number)
    {
        Assert.True(Rec(number).AppliesToForces);
        Assert.Contains("Forces", Rec(number).Addressees);
        Assert.NotEqual("Forces", Rec(number).Addressees[0]);
    }

    [Theory]
    [InlineData(1, "2025-07-31")]
    [InlineData(2, "2025-03-31")]
    [InlineData(13, "2025-03-31")]
    [InlineData(19, "2025-07-31")]
    [InlineData(22, "2025-03-31")]
    public void Parse_ByDate_GivesFixedDueDate(int number, string due)
    {
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), Rec(number).DueDate);
        Assert.Null(Rec(number).DueRule);
    }

    [Fact]
    public void Parse_Recommendation9_HasRelativeRuleInsteadOfDate()
    {
        var rec9 = Rec(9);

        Assert.Null(rec9.DueDate);
        Assert.NotNull(rec9.DueRule);
        Assert.Equal(6, rec9.DueRule.Months);
        Assert.Equal("College of Policing updates its engagement and communication authorised professional practice", rec9.DueRule.Event);
        Assert.Equal(
            "Within six months of the College of Policing updating its engagement and communication authorised professional practice",
            rec9.DueRule.Description);
    }

    [Fact]
    public void Parse_EveryRecommendationExcept9_HasAFixedDate()
    {
        Assert.All(Report.Recommendations.Where(r => r.Number != 9), r => Assert.NotNull(r.DueDate));
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(5, 5)]
    [InlineData(15, 6)]
    public void Parse_BulletPoints_AreKeptAsDashLines(int number, int bullets)
    {
        var lines = Rec(number).Text.Split('\n');

        Assert.Equal(bullets, lines.Count(l => l.StartsWith("- ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Parse_Recommendation1_IsCompleteWithItsClosingParagraph()
    {
        Assert.Equal(
            """
            By 31 July 2025, the Home Office, Police Staff Council, College of Policing and National Police Chiefs' Council should work together to update the Police Regulations 2003, the Police Staff Council's standards of professional behaviour for police staff, and associated guidance so that they:

            - set out in clear terms what the impartiality duty means for officers and staff, both on and off duty; and
            - provide clear guidance on what the impartiality duty means in relation to contested or politicised causes.

            The College of Policing should update the Code of Ethics and relevant learning and development material accordingly.
            """.ReplaceLineEndings("\n"),
            Rec(1).Text);
    }

    [Theory]
    [InlineData(3, "They should review this guidance annually and make sure it is updated to reflect any changes that result from developing case law.")]
    [InlineData(11, "The College of Policing should include any learning from this research in the revised engagement and communication authorised professional practice.")]
    [InlineData(21, "The National Police Chiefs' Council should also publish guidance to forces to make sure local and national networks operate in a consistent and coherent manner.")]
    public void Parse_MultiParagraphRecommendation_EndsWithItsLastParagraph(int number, string lastParagraph)
    {
        Assert.EndsWith(lastParagraph, Rec(number).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ChapterProse_IsNotTakenIntoRecommendations()
    {
        // In the chapters each recommendation is followed by a sub-heading and the inspectorate's findings.
        Assert.DoesNotContain("The impartiality duty isn't covered well enough", Rec(1).Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Funding and support for networks", Rec(21).Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Most police officers and staff understand", Rec(15).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MarkdownLinksAndEscapes_AreReducedToPlainText()
    {
        Assert.All(Report.Recommendations, r =>
        {
            Assert.DoesNotContain("](", r.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("[", r.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("\\", r.Text, StringComparison.Ordinal);
        });
        Assert.Contains("the Code of Ethics and relevant", Rec(1).Text, StringComparison.Ordinal);
        Assert.Contains("'Public Sector Equality Duty: guidance for public authorities'", Rec(3).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "2. Systemic issues")]
    [InlineData(7, "2. Systemic issues")]
    [InlineData(8, "3. Communication with the public")]
    [InlineData(13, "4. The Equality Act 2010 and the public sector equality duty")]
    [InlineData(15, "5. Advisory groups")]
    [InlineData(20, "6. Non-crime hate incidents")]
    [InlineData(22, "7. Staff networks")]
    public void Parse_Chapter_IsTheChapterTheRecommendationIsMadeIn(int number, string chapter)
    {
        Assert.Equal(chapter, Rec(number).Chapter);
    }

    [Fact]
    public void Parse_Recommendation1_IsAddressedToTheFourBodiesItNames()
    {
        Assert.Equal(["Home Office", "Police Staff Council", "College of Policing", "National Police Chiefs' Council"], Rec(1).Addressees);
    }

    [Fact]
    public void Parse_Recommendation3_IncludesTheBodiesConsultedInItsSecondParagraph()
    {
        Assert.Equal(
            ["Government Equalities Office and Equality Hub", "National Police Chiefs' Council", "College of Policing", "Independent Office for Police Conduct"],
            Rec(3).Addressees);
    }

    [Theory]
    [InlineData(4, new[] { "National Police Coordination Centre", "Forces" })]
    [InlineData(7, new[] { "Home Office", "National Police Chiefs' Council", "Association of Police and Crime Commissioners" })]
    [InlineData(9, new[] { "Forces" })] // the College of Policing is only the event the deadline runs from
    [InlineData(10, new[] { "Chief constables", "National Police Chiefs' Council" })]
    [InlineData(13, new[] { "Chief constables" })] // "all chief constables"
    [InlineData(14, new[] { "College of Policing" })] // "should work with forces": forces are not addressed
    [InlineData(21, new[] { "National Police Chiefs' Council", "Forces" })] // curly apostrophe in the report
    [InlineData(22, new[] { "Forces" })] // "all forces"
    public void Parse_Addressees_AreCanonicalNamesOfTheBodiesTold(int number, string[] addressees)
    {
        Assert.Equal(addressees, Rec(number).Addressees);
    }

    [Fact]
    public void Parse_OtherLayout_InlineHeadingsMonthDeadlinesAndRelativeRules()
    {
        const string text = """
            Contents
            Summary	2
            Chapter 1: Custody	5
            Chapter 2: Vetting	9

            A thematic inspection of custody and vetting
            Published: 3rd March 2025

            Summary

            Recommendation 1: By the end of June 2026, chief constables should review custody staffing.

            Recommendation 2 – Within 12 months of the Home Office publishing the revised vetting code, forces should re-vet all officers in specialist roles.

            Chapter 1: Custody

            Our recommendation 4 in 2019 said something else entirely. Recommendation 7 of that report still stands.

            Recommendation 1
            By the end of June 2026, chief constables should review custody staffing.

            Staffing levels

            Custody suites were often short-staffed.

            Chapter 2: Vetting

            Recommendation 2 – Within 12 months of the Home Office publishing the revised vetting code, forces should re-vet all officers in specialist roles.
            """;

        var report = ReportParser.Parse(text);

        Assert.Equal("Contents", report.Title);
        Assert.Equal(new DateOnly(2025, 3, 3), report.Published);
        Assert.Equal([1, 2], report.Recommendations.Select(r => r.Number));
        Assert.Empty(report.Warnings);
        var first = report.Recommendations[0];
        Assert.Equal(new DateOnly(2026, 6, 30), first.DueDate);
        Assert.Equal("Chapter 1: Custody", first.Chapter);
        Assert.True(first.AppliesToForces);
        var second = report.Recommendations[1];
        Assert.Null(second.DueDate);
        Assert.Equal(new DueRule(12, "Home Office publishes the revised vetting code",
            "Within 12 months of the Home Office publishing the revised vetting code"), second.DueRule);
        Assert.Equal("Chapter 2: Vetting", second.Chapter);
        Assert.Equal(["Forces"], second.Addressees);
    }

    [Fact]
    public void Parse_WordingDiffersBetweenSummaryAndChapter_WarnsAndUsesTheFullerWording()
    {
        const string text = """
            A report

            Recommendation 1

            By 31 March 2025, forces should review their policies.

            1. Findings

            Recommendation 1

            By 31 March 2025, forces should review and publish their policies on protest.

            Recommendation 3

            By 31 March 2025, the College of Policing should issue guidance.
            """;

        var report = ReportParser.Parse(text);

        Assert.Equal("By 31 March 2025, forces should review and publish their policies on protest.", report.Recommendations[0].Text);
        Assert.Equal("1. Findings", report.Recommendations[0].Chapter);
        Assert.Contains(report.Warnings, w => w.Contains("Recommendation 1 is worded differently", StringComparison.Ordinal));
        Assert.Contains(report.Warnings, w => w.Contains("recommendation 2", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("In this report we made 4 recommendations.")]
    [InlineData("This inspection makes four recommendations to forces and national bodies.")]
    [InlineData("We have made a total of four recommendations.")]
    public void Parse_ReportStatingMoreRecommendationsThanFound_WarnsThatTheLastMayBeMissing(string statement)
    {
        // The numbering check cannot see a gap at the end; the report's own count can.
        var text = $"""
            An inspection of something

            {statement}

            Recommendation 1

            By 31 March 2025, forces should review their policies.

            Recommendation 2

            By 31 March 2025, the College of Policing should issue guidance.
            """;

        var report = ReportParser.Parse(text);

        Assert.Equal(2, report.Recommendations.Count);
        var warning = Assert.Single(report.Warnings);
        Assert.Equal("The report says it makes 4 recommendations, but text was found only up to recommendation 2: recommendations 3, 4 may be missing.", warning);
    }

    [Theory]
    [InlineData("We made two recommendations.")]
    [InlineData("We made some recommendations.")]
    [InlineData("Our recommendations follow.")]
    public void Parse_ReportStatingItsCountCorrectly_OrNoCount_HasNoCountWarning(string statement)
    {
        var report = ReportParser.Parse($"""
            {statement}

            Recommendation 1

            By 31 March 2025, forces should review their policies.

            Recommendation 2

            By 31 March 2025, the College of Policing should issue guidance.
            """);

        Assert.Empty(report.Warnings);
    }

    [Fact]
    public void Parse_NoRecommendations_ThrowsWithTheFileNameAndWhatWasExpected()
    {
        const string text = """
            An inspection of something

            We made no recommendations in this report, although recommendation 3 of our last report still applies.
            """;

        var e = Assert.Throws<ImportException>(() => ReportParser.Parse(text, "notes.txt"));

        Assert.StartsWith("No recommendations were found in 'notes.txt'.", e.Message, StringComparison.Ordinal);
        Assert.Contains("'Recommendation 1'", e.Message, StringComparison.Ordinal);
    }

    // ------------------------------------------------------------ numbering: nothing dropped silently

    [Fact]
    public void Parse_GapInTheNumbering_WarnsNamingEachMissingNumber()
    {
        var report = ReportParser.Parse("""
            An inspection of lost property

            Recommendation 1

            By 31 March 2026, forces should audit their property stores.

            Recommendation 4

            By 31 March 2026, the College of Policing should publish guidance on storing found items.
            """);

        Assert.Equal([1, 4], report.Recommendations.Select(r => r.Number));
        var warning = Assert.Single(report.Warnings);
        Assert.Equal("No text was found for recommendations 2, 3, although the report numbers its recommendations up to 4.", warning);
    }

    [Fact]
    public void Parse_LastHeadingWithNothingThatReadsAsARecommendation_IsNamedInAWarning()
    {
        // The report states no count, so only the heading itself shows that recommendation 3 exists.
        var report = ReportParser.Parse("""
            An inspection of lost property

            Recommendation 1

            By 31 March 2026, forces should audit their property stores.

            Recommendation 2

            By 31 March 2026, the College of Policing should publish guidance on storing found items.

            Recommendation 3

            Storage of found property
            """);

        Assert.Equal([1, 2], report.Recommendations.Select(r => r.Number));
        var warning = Assert.Single(report.Warnings);
        Assert.StartsWith("Recommendation 3 has a heading (line 11) but nothing after it reads as a recommendation", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_StatedCountBeyondAHeadingWithoutText_NamesEachMissingNumberOnce()
    {
        var report = ReportParser.Parse("""
            We made four recommendations.

            Recommendation 1

            By 31 March 2026, forces should audit their property stores.

            Recommendation 3

            Storage of found property
            """);

        Assert.Equal(
            [
                "Recommendation 3 has a heading (line 7) but nothing after it reads as a recommendation (a sentence saying who should do what), so it was left out. Check the document and add it by hand if it is there.",
                "No text was found for recommendation 2, although the report numbers its recommendations up to 3.",
                "The report says it makes 4 recommendations, but text was found only up to recommendation 1: recommendations 2, 4 may be missing.",
            ],
            report.Warnings);
    }

    // ------------------------------------------------------------ short recommendations

    [Fact]
    public void Parse_ShortRecommendationsWithoutFullStops_AreKept_TheLastOneToo()
    {
        var report = ReportParser.Parse("""
            An inspection of lost property

            Recommendation 1

            Forces should record every item handed in at a front counter

            Recommendation 2

            Chief constables should appoint a property lead
            """);

        Assert.Equal([1, 2], report.Recommendations.Select(r => r.Number));
        Assert.Equal("Forces should record every item handed in at a front counter", report.Recommendations[0].Text);
        Assert.Equal("Chief constables should appoint a property lead", report.Recommendations[1].Text);
        Assert.Equal(["Chief constables"], report.Recommendations[1].Addressees);
        Assert.Empty(report.Warnings);
    }

    [Fact]
    public void Parse_ShortRecommendationOnTheHeadingLine_IsTheTextNotATitle()
    {
        var report = ReportParser.Parse("""
            Recommendation 1: Forces should return found bicycles within a month

            Most forces we visited kept bicycles for far longer than they needed to.
            """);

        Assert.Equal("Forces should return found bicycles within a month", Assert.Single(report.Recommendations).Text);
    }

    [Fact]
    public void Parse_HeadingsAfterAShortRecommendation_AreNotTakenIntoIt_EvenWhenTheySaySomeoneShould()
    {
        var report = ReportParser.Parse("""
            Recommendation 1

            Forces should record every item handed in at a front counter

            Forces should do more to return property to its owners

            We found items that had waited years for an owner who was never contacted.
            """);

        Assert.Equal("Forces should record every item handed in at a front counter", Assert.Single(report.Recommendations).Text);
    }

    [Theory]
    [InlineData("Recommendation 1\n\nProperty stores\n\nBy 31 March 2026, forces should audit their property stores.")]
    [InlineData("Recommendation 1: Property stores\n\nBy 31 March 2026, forces should audit their property stores.")]
    [InlineData("Recommendation 1\n\nForces should audit their property stores\n\nBy 31 March 2026, forces should audit their property stores.")]
    [InlineData("Recommendation 1 – Forces should audit their property stores\n\nBy 31 March 2026, forces should audit their property stores.")]
    public void Parse_TitleBetweenHeadingAndText_IsLeftOut(string text)
    {
        var rec = Assert.Single(ReportParser.Parse(text).Recommendations);

        Assert.Equal("By 31 March 2026, forces should audit their property stores.", rec.Text);
        Assert.Equal(new DateOnly(2026, 3, 31), rec.DueDate);
    }

    [Fact]
    public void Parse_TitleFollowedByFindings_IsNotARecommendation_AndIsWarnedAbout()
    {
        var report = ReportParser.Parse("""
            Recommendation 1

            By 31 March 2026, forces should audit their property stores.

            Recommendation 2

            Property stores

            The stores we visited were often full and poorly labelled.
            """);

        Assert.Equal([1], report.Recommendations.Select(r => r.Number));
        Assert.Contains(report.Warnings, w => w.StartsWith("Recommendation 2 has a heading", StringComparison.Ordinal));
    }

    // ------------------------------------------------------------ deadlines that run from publication

    private static ParsedRecommendation One(string recommendation, string? published = "Published on 14 May 2025")
    {
        var report = ReportParser.Parse($"""
            An inspection of lost property

            {published}

            Recommendation 1

            {recommendation}
            """);
        return Assert.Single(report.Recommendations);
    }

    [Theory]
    [InlineData("Within three months, forces should publish their property policies.", 3, "2025-08-14", "Within three months")]
    [InlineData("Within 3 months, forces should publish their property policies.", 3, "2025-08-14", "Within 3 months")]
    [InlineData("Forces should publish their property policies within three months.", 3, "2025-08-14", "Within three months")]
    [InlineData("Within twelve months of the publication of this report, forces should audit their stores.", 12, "2026-05-14", "Within twelve months of the publication of this report")]
    [InlineData("Within 12 months of the publication of this report, forces should audit their stores.", 12, "2026-05-14", "Within 12 months of the publication of this report")]
    [InlineData("Within eighteen months of publication, forces should audit their stores.", 18, "2026-11-14", "Within eighteen months of publication")]
    [InlineData("Within a year of this report being published, forces should audit their stores.", 12, "2026-05-14", "Within a year of this report being published")]
    [InlineData("Within two years of the date of publication, forces should audit their stores.", 24, "2027-05-14", "Within two years of the date of publication")]
    [InlineData("Within six months of publication forces should audit their stores.", 6, "2025-11-14", "Within six months of publication")]
    [InlineData("Within the next twenty-four months, forces should audit their stores.", 24, "2027-05-14", "Within the next twenty-four months")]
    public void Parse_PeriodFromPublication_IsCountedFromThePublicationDate(string text, int months, string due, string description)
    {
        var rec = One(text);

        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), rec.DueDate);
        Assert.NotNull(rec.DueRule);
        Assert.True(rec.DueRule.FromPublication);
        Assert.Equal(months, rec.DueRule.Months);
        Assert.Equal("Publication of this report", rec.DueRule.Event);
        Assert.Equal(description, rec.DueRule.Description);
        Assert.Equal($"'{description}' was counted from the publication date, 14 May 2025.", rec.DueNote);
    }

    [Theory]
    [InlineData("Immediately, chief constables should stop destroying unclaimed property without a record.", "Immediately")]
    [InlineData("Chief constables should immediately stop destroying unclaimed property without a record.", "Immediately")]
    [InlineData("Chief constables should stop destroying unclaimed property without a record immediately.", "Immediately")]
    [InlineData("With immediate effect, chief constables should stop destroying unclaimed property.", "With immediate effect")]
    public void Parse_Immediately_IsThePublicationDate_WithANoteAndAWarning(string text, string phrase)
    {
        var report = ReportParser.Parse($"""
            Published on 14 May 2025

            Recommendation 1

            {text}
            """);

        var rec = Assert.Single(report.Recommendations);
        Assert.Equal(new DateOnly(2025, 5, 14), rec.DueDate);
        Assert.Equal(0, rec.DueRule!.Months);
        Assert.True(rec.DueRule.FromPublication);
        Assert.Equal($"'{phrase}' was taken as the publication date, 14 May 2025.", rec.DueNote);
        Assert.Equal(
            $"Recommendation 1 is due '{phrase}': its due date was taken as the publication date, 14 May 2025. Check it before importing.",
            Assert.Single(report.Warnings));
    }

    [Theory]
    [InlineData("Forces should make sure owners' details are immediately available to front counter staff, and review this yearly.")]
    [InlineData("Forces should make sure that items handed in are logged immediately.")]
    [InlineData("Chief constables should make sure that owners are contacted within three months.")]
    [InlineData("Forces should tell owners when an item will be destroyed within two months.")]
    public void Parse_PeriodOrImmediatelyDescribingAStandard_IsNoDeadline(string text)
    {
        var rec = One(text);

        Assert.Null(rec.DueDate);
        Assert.Null(rec.DueRule);
        Assert.Null(rec.DueNote);
    }

    [Fact]
    public void Parse_StandardBeforeTheDeadline_TheDeadlineIsStillFound()
    {
        var rec = One("Forces should make sure that owners are contacted within two months, and should publish their policy within three months.");

        Assert.Equal(new DateOnly(2025, 8, 14), rec.DueDate);
        Assert.Equal("Within three months", rec.DueRule!.Description);
    }

    [Fact]
    public void Parse_PeriodFromPublication_WithoutAFullPublicationDate_StaysARuleAndIsWarnedAbout()
    {
        var report = ReportParser.Parse("""
            An inspection of lost property

            May 2025

            Recommendation 1

            Within three months, forces should publish their property policies.

            Recommendation 2

            Immediately, chief constables should stop destroying unclaimed property.
            """);

        Assert.Null(report.Published);
        Assert.All(report.Recommendations, r =>
        {
            Assert.Null(r.DueDate);
            Assert.True(r.DueRule!.FromPublication);
            Assert.Equal("'" + r.DueRule.Description + "' runs from the publication date, which the document does not state in full.", r.DueNote);
        });
        Assert.Equal(
            [
                "Recommendation 1 is due 'Within three months', counted from publication, but the document does not give a full publication date, so no due date was set. It is worked out from the publication date given when the report is imported.",
                "Recommendation 2 is due 'Immediately', which is taken as the publication date, but the document does not give a full publication date, so no due date was set. It is worked out from the publication date given when the report is imported.",
            ],
            report.Warnings);
    }

    [Fact]
    public void Parse_PeriodAfterAnotherEvent_IsStillARuleWaitingForThatEvent()
    {
        var rec = One("Within six months of the Home Office publishing its review, forces should update their policies.");

        Assert.Null(rec.DueDate);
        Assert.Equal(new DueRule(6, "Home Office publishes its review", "Within six months of the Home Office publishing its review"), rec.DueRule);
        Assert.False(rec.DueRule!.FromPublication);
        Assert.Null(rec.DueNote);
    }

    [Theory]
    [InlineData("By the end of 2025, forces should audit their stores.", "2025-12-31")]
    [InlineData("By the end of the year 2026, forces should audit their stores.", "2026-12-31")]
    [InlineData("By March 2026, forces should audit their stores.", "2026-03-31")]
    [InlineData("By end of June 2026, forces should audit their stores.", "2026-06-30")]
    [InlineData("By the 30th of September 2025, forces should audit their stores.", "2025-09-30")]
    [InlineData("No later than 1 October 2025, forces should audit their stores.", "2025-10-01")]
    [InlineData("By the end of 2025/26, forces should audit their stores.", "2026-03-31")]
    [InlineData("By the end of the 2025-26 financial year, forces should audit their stores.", "2026-03-31")]
    [InlineData("Forces should audit their stores by the end of 2025 and again within three months of that.", "2025-12-31")]
    public void Parse_FixedDeadlines_InEachForm(string text, string due)
    {
        var rec = One(text);

        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture), rec.DueDate);
        Assert.Null(rec.DueRule);
    }

    [Fact]
    public void Parse_FinancialYearThatIsNotTwoConsecutiveYears_IsNoDeadline()
    {
        Assert.Null(One("By the end of 2025/27, forces should audit their stores.").DueDate);
    }

    // ------------------------------------------------------------ addressees

    [Theory]
    [InlineData("Durham Constabulary should publish its lost property policy.", new[] { "Durham Constabulary" })]
    [InlineData("The constabulary should publish its lost property policy.", new[] { "Forces" })]
    [InlineData("West Midlands Police should publish its lost property policy.", new[] { "West Midlands Police" })]
    [InlineData("Avon & Somerset Police and Dyfed-Powys Police should share their property systems.", new[] { "Avon and Somerset Police", "Dyfed-Powys Police" })]
    [InlineData("The Met should publish its lost property policy.", new[] { "Metropolitan Police Service" })]
    [InlineData("Metropolitan Police should publish its lost property policy.", new[] { "Metropolitan Police Service" })]
    [InlineData("Hampshire Constabulary should publish its lost property policy.", new[] { "Hampshire and Isle of Wight Constabulary" })]
    [InlineData("The chief constable should appoint a property lead.", new[] { "Chief constables" })]
    public void Parse_ForceAddressees_ByNameConstabularyOrChiefConstable_ApplyToForces(string text, string[] addressees)
    {
        var rec = One(text);

        Assert.Equal(addressees, rec.Addressees);
        Assert.True(rec.AppliesToForces);
    }

    [Theory]
    [InlineData("The West Midlands Police and Crime Commissioner should publish a property plan.")]
    [InlineData("The Durham Police, Crime and Victims' Commissioner should publish a property plan.")]
    [InlineData("The College of Policing should work with Durham Constabulary and other forces to publish guidance.")]
    public void Parse_ForceNamedOnlyAsACommissionerOrAnObject_DoesNotApplyToForces(string text)
    {
        var rec = One(text);

        Assert.False(rec.AppliesToForces);
        Assert.DoesNotContain("Durham Constabulary", rec.Addressees);
        Assert.DoesNotContain("West Midlands Police", rec.Addressees);
    }

    [Theory]
    [InlineData("The College of Policing should publish guidance; and forces should adopt it.", new[] { "College of Policing", "Forces" })]
    [InlineData("The College of Policing should publish guidance to forces, and chief constables should adopt it.", new[] { "College of Policing", "Chief constables" })]
    [InlineData("The College of Policing should publish guidance and Durham Constabulary should pilot it.", new[] { "College of Policing", "Durham Constabulary" })]
    [InlineData("The College of Policing should work with forces and should also publish guidance.", new[] { "College of Policing" })]
    [InlineData("The College of Policing should publish guidance, and the Home Office, with the NPCC, should fund it.", new[] { "College of Policing", "Home Office", "National Police Chiefs' Council" })]
    public void Parse_EveryShouldInASentence_AddsItsSubject(string text, string[] addressees)
    {
        var rec = One(text);

        Assert.Equal(addressees, rec.Addressees);
        Assert.Equal(addressees.Any(a => a != "College of Policing" && a != "Home Office" && a != "National Police Chiefs' Council"), rec.AppliesToForces);
    }

    [Fact]
    public void Parse_DutyOnForcesInALaterSentence_AppliesToForces()
    {
        var rec = One("By 31 March 2026, the Home Office should fund a national property database. The Metropolitan Police Service should host it.");

        Assert.Equal(["Home Office", "Metropolitan Police Service"], rec.Addressees);
        Assert.True(rec.AppliesToForces);
    }

    [Theory]
    [InlineData("the College of Policing updating its guidance", "College of Policing updates its guidance")]
    [InlineData("the Home Office publishing the code", "Home Office publishes the code")]
    [InlineData("the NPCC issuing new guidance", "NPCC issues new guidance")]
    [InlineData("the College of Policing completing its review", "College of Policing completes its review")]
    [InlineData("forces receiving the new guidance", "Forces receive the new guidance")]
    [InlineData("this report being published", "This report is published")]
    [InlineData("the publication of this report", "Publication of this report")]
    public void ToEvent_GerundPhrase_BecomesAnEventInThePresentTense(string phrase, string expected)
    {
        Assert.Equal(expected, DueDateParser.ToEvent(phrase));
    }
}
