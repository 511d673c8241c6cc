using System.Globalization;
using Evenhand.BrowserTests.Infrastructure;
using Evenhand.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Evenhand.BrowserTests;

/// <summary>
/// A hate-related report from the call taker's phone call (record, assess with the Code's intentional-hostility question,
/// specialist review, telling the subject on time) to the deletion of the subject's personal data, in Chromium, with an axe scan
/// of each page on the way; the analysis page counts the new incident.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HateIncidentJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    private const string Force = "cheshire";
    private const string Base = "/forces/" + Force + "/hate-incidents";
    private const string CallTaker = "calltaker." + Force + "@" + DemoUsers.Domain;
    private const string Specialist = "specialist." + Force + "@" + DemoUsers.Domain;

    [BrowserFact]
    public async Task RecordAssessReviewTellTheSubjectOnTimeAndDeletePersonalData_AnalysisCountsIt()
    {
        var analyst = await browser.NewPageAsync(Specialist);
        var before = await AnalysisTotalAsync(analyst);

        // The call taker records the report.
        var callTaker = await browser.NewPageAsync(CallTaker);
        await callTaker.GotoAsync("/");
        await callTaker.GetByRole(AriaRole.Link, new() { Name = "Hate incidents", Exact = true }).ClickAsync();
        await Assertions.Expect(callTaker.GetByRole(AriaRole.Heading, new() { Name = "Hate incidents", Exact = true })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(callTaker, output);

        await callTaker.GetByRole(AriaRole.Button, new() { Name = "Record a hate-related report" }).ClickAsync();
        await Assertions.Expect(callTaker.GetByRole(AriaRole.Heading, new() { Name = "Record a hate-related report" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(callTaker, output);

        // Submitting an empty form shows the error summary, and the page is still accessible.
        await callTaker.GetByRole(AriaRole.Button, new() { Name = "Record report" }).ClickAsync();
        await Assertions.Expect(callTaker.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(callTaker, output);

        var area = "Browser ward " + Guid.NewGuid().ToString("N")[..6];
        // Three days ago, whatever the date (not a fixed day of this year, which is in the future for part of it).
        var occurred = TestClock.DaysAgo(3);
        await callTaker.GetByLabel("Phone", new() { Exact = true }).CheckAsync();
        await callTaker.Locator("#OccurredOn").FillAsync(occurred.Day.ToString(CultureInfo.InvariantCulture));
        await callTaker.Locator("#OccurredOn_Month").FillAsync(occurred.Month.ToString(CultureInfo.InvariantCulture));
        await callTaker.Locator("#OccurredOn_Year").FillAsync(occurred.Year.ToString(CultureInfo.InvariantCulture));
        await callTaker.GetByLabel("Area or ward").FillAsync(area);
        await callTaker.GetByLabel("Type of location (optional)").FillAsync("bus");
        await callTaker.GetByLabel("Circumstances").FillAsync("A man on the bus threatened the complainant's family because of their religion, for the third time this month.");
        await callTaker.GetByLabel("Religion", new() { Exact = true }).CheckAsync();
        await callTaker.GetByLabel("The complainant", new() { Exact = true }).CheckAsync();
        await callTaker.Locator("#ImmediateRisk-no").CheckAsync();
        await callTaker.Locator("#SafeguardingConcern-no").CheckAsync();
        await callTaker.GetByLabel("Complainant's name").FillAsync("Browser Complainant");
        await callTaker.GetByRole(AriaRole.Button, new() { Name = "Record report" }).ClickAsync();

        await Assertions.Expect(callTaker.Locator(".govuk-notification-banner--success")).ToContainTextAsync("recorded");
        var heading = await callTaker.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync();
        var reference = heading.Replace("Incident", "", StringComparison.Ordinal).Trim();
        var id = new Uri(callTaker.Url).AbsolutePath.Split('/')[^1];
        await Assertions.Expect(callTaker.Locator("#supporting-information")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(callTaker, output);

        // The call taker assesses it: an NCHI with the subject's personal data (a real risk of a future offence).
        await callTaker.GetByRole(AriaRole.Link, new() { Name = "Assess the report" }).ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(callTaker, output);
        // The Code's second test is its own question, asked right after "trivial, irrational or malicious", and must be answered.
        var basis = callTaker.Locator("fieldset", new() { Has = callTaker.Locator("#Answers_basisToConcludeIntentionalHostility_") });
        await Assertions.Expect(basis.Locator("legend")).ToContainTextAsync("4. Is there a basis to conclude that the incident was motivated by intentional hostility?");
        await Assertions.Expect(basis.Locator(".govuk-hint")).ToContainTextAsync("Perception alone is not enough");
        await callTaker.Locator("#Answers_perceivedHostility_").CheckAsync();
        await callTaker.GetByRole(AriaRole.Button, new() { Name = "Check the outcome" }).ClickAsync();
        await Assertions.Expect(callTaker.Locator(".govuk-error-summary")).ToContainTextAsync("basis to conclude that the incident was motivated by intentional hostility");
        await Accessibility.AssertNoSeriousViolationsAsync(callTaker, output);
        foreach (var (key, yes) in new[]
        {
            ("isCrime", false), ("perceivedHostility", true), ("trivialIrrationalOrMalicious", false), ("basisToConcludeIntentionalHostility", true),
            ("schoolChildrenOnSchoolPremises", false),
            ("lawfulFreedomOfExpression", false), ("realRiskOfSignificantHarm", false), ("realRiskOfFutureOffence", true), ("immediateRisk", false),
        })
        {
            await callTaker.Locator(yes ? $"#Answers_{key}_" : $"#Answers_{key}_no").CheckAsync();
        }

        await callTaker.GetByRole(AriaRole.Button, new() { Name = "Check the outcome" }).ClickAsync();
        await Assertions.Expect(callTaker.Locator("#assessment-outcome")).ToContainTextAsync("with the subject's personal data");
        await Assertions.Expect(callTaker.Locator("#assessment-reasons li").First).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(callTaker, output);
        await callTaker.GetByLabel("Rationale for recording the subject's personal data").FillAsync("Third threat this month against the same family: real risk of a further offence.");
        await callTaker.GetByRole(AriaRole.Button, new() { Name = "Save assessment" }).ClickAsync();
        await Assertions.Expect(callTaker.Locator("#incident-outcome")).ToContainTextAsync("NCHI with personal data");

        // The specialist finds it in the review queue, records the subject's details and reviews it.
        var specialist = await browser.NewPageAsync(Specialist);
        await specialist.GotoAsync(Base + "/review-queue");
        await Accessibility.AssertNoSeriousViolationsAsync(specialist, output);
        var queued = specialist.Locator($"#review-queue a[href$='/{id}/review']");
        await Assertions.Expect(queued).ToContainTextAsync(reference);
        await queued.ClickAsync();
        await Assertions.Expect(specialist.GetByRole(AriaRole.Heading, new() { Name = "Specialist review" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(specialist, output);
        var reviewUrl = specialist.Url;

        await specialist.GotoAsync(reviewUrl.Replace("/review", "/personal-data", StringComparison.Ordinal));
        await Accessibility.AssertNoSeriousViolationsAsync(specialist, output);
        await specialist.GetByLabel("Subject", new() { Exact = true }).CheckAsync();

        await specialist.GetByLabel("Name", new() { Exact = true }).FillAsync("Browser Subject");
        await specialist.GetByRole(AriaRole.Button, new() { Name = "Add details" }).ClickAsync();
        await Assertions.Expect(specialist.Locator("#people")).ToContainTextAsync("Browser Subject");

        // A file about the subject, attached on the incident page.
        var incidentUrl = reviewUrl.Replace("/review", "", StringComparison.Ordinal);
        await specialist.GotoAsync(incidentUrl);
        await specialist.Locator("#Upload").SetInputFilesAsync(new FilePayload { Name = "browser-subject-photo.png", MimeType = "image/png", Buffer = [137, 80, 78, 71] });
        await specialist.GetByLabel("The file is about the subject").CheckAsync();
        await specialist.GetByRole(AriaRole.Button, new() { Name = "Attach file" }).ClickAsync();
        await Assertions.Expect(specialist.Locator("#attachment-list")).ToContainTextAsync("browser-subject-photo.png");
        await Accessibility.AssertNoSeriousViolationsAsync(specialist, output);

        await specialist.GotoAsync(reviewUrl);
        await specialist.GetByLabel("Non-crime hate incident, with the subject's personal data (as assessed)").CheckAsync();
        await specialist.GetByLabel("Review note").FillAsync("Threshold met: repeated threats. Codes checked.");
        await specialist.GetByRole(AriaRole.Button, new() { Name = "Save review" }).ClickAsync();
        await Assertions.Expect(specialist.Locator("#review-decision")).ToContainTextAsync("Reviewed by");
        await specialist.GotoAsync(Base + "/review-queue");
        await Assertions.Expect(specialist.Locator($"#review-queue a[href$='/{id}/review']")).ToHaveCountAsync(0);

        // The subject is now to be told, within the policy's 14 days; the queue lists it with its classification and date.
        var toTell = specialist.Locator("#tell-subject tr", new() { Has = specialist.Locator($"a[href$='/{id}/subject-notification']") });
        await Assertions.Expect(toTell).ToContainTextAsync("NCHI");
        var dueBy = TestClock.Today.AddDays(14);
        await Assertions.Expect(toTell).ToContainTextAsync(dueBy.ToString("d MMM yyyy", CultureInfo.InvariantCulture));
        await Assertions.Expect(toTell).ToContainTextAsync("On time");
        await Accessibility.AssertNoSeriousViolationsAsync(specialist, output);
        await toTell.GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(specialist.GetByRole(AriaRole.Heading, new() { Name = "Telling the subject" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(specialist, output);

        // A date told in the future is refused with a message, and what was typed stays on the form.
        var tomorrow = TestClock.Today.AddDays(1);
        await specialist.Locator("#ToldOn").FillAsync(tomorrow.Day.ToString(CultureInfo.InvariantCulture));
        await specialist.Locator("#ToldOn_Month").FillAsync(tomorrow.Month.ToString(CultureInfo.InvariantCulture));
        await specialist.Locator("#ToldOn_Year").FillAsync(tomorrow.Year.ToString(CultureInfo.InvariantCulture));
        await specialist.GetByRole(AriaRole.Button, new() { Name = "Record that the subject was told" }).ClickAsync();
        await Assertions.Expect(specialist.Locator(".govuk-error-summary")).ToContainTextAsync("must be today or in the past");
        await Assertions.Expect(specialist.Locator("#ToldOn")).ToHaveValueAsync(tomorrow.Day.ToString(CultureInfo.InvariantCulture));
        await Accessibility.AssertNoSeriousViolationsAsync(specialist, output);

        // Told today: on time.
        foreach (var field in new[] { "#ToldOn", "#ToldOn_Month", "#ToldOn_Year" })
        {
            await specialist.Locator(field).FillAsync("");
        }

        await specialist.GetByRole(AriaRole.Button, new() { Name = "Record that the subject was told" }).ClickAsync();
        await Assertions.Expect(specialist.Locator(".govuk-notification-banner--success")).ToContainTextAsync("told");
        await specialist.GotoAsync(incidentUrl);
        await Assertions.Expect(specialist.Locator("#incident-history")).ToContainTextAsync("On time");
        await specialist.GotoAsync(Base + "/review-queue");
        await Assertions.Expect(specialist.Locator($"#tell-subject a[href$='/{id}/subject-notification']")).ToHaveCountAsync(0);

        // Later the subject's personal data is deleted, with the purge checklist for the other systems.
        await specialist.GotoAsync(reviewUrl.Replace("/review", "/delete-personal-data", StringComparison.Ordinal));
        await Accessibility.AssertNoSeriousViolationsAsync(specialist, output);
        await specialist.GetByLabel("Reason for deleting").FillAsync("Retention review: the risk has passed.");
        await specialist.GetByRole(AriaRole.Button, new() { Name = "Delete the subject's personal data" }).ClickAsync();
        await Assertions.Expect(specialist.Locator("#purges")).ToBeVisibleAsync();
        await Assertions.Expect(specialist.Locator("#no-subject-data")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(specialist, output);
        await specialist.GotoAsync(reviewUrl.Replace("/review", "/personal-data", StringComparison.Ordinal));
        await Assertions.Expect(specialist.Locator("body")).Not.ToContainTextAsync("Browser Subject");
        await specialist.GotoAsync(incidentUrl);
        await Assertions.Expect(specialist.Locator("body")).Not.ToContainTextAsync("browser-subject-photo.png");

        // The other hate-incident pages pass axe too.
        foreach (var url in new[] { Base + "/policy", Base + "/codes", Base + "/case-file-reviews", reviewUrl.Replace("/review", "/deployment", StringComparison.Ordinal), reviewUrl.Replace("/review", "/subject-notification", StringComparison.Ordinal) })
        {
            await specialist.GotoAsync(url);
            await Accessibility.AssertNoSeriousViolationsAsync(specialist, output);
        }

        // The analysis page counts the new incident, and passes axe.
        Assert.Equal(before + 1, await AnalysisTotalAsync(analyst));
        await Accessibility.AssertNoSeriousViolationsAsync(analyst, output);
    }

    private static async Task<int> AnalysisTotalAsync(IPage page)
    {
        await page.GotoAsync(Base + "/analysis");
        var text = await page.Locator("#analysis-period strong").First.InnerTextAsync();
        return int.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
    }
}
