using Evenhand.Accounts;
using Evenhand.BrowserTests.Infrastructure;
using Evenhand.Tests.Importing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Evenhand.BrowserTests;

/// <summary>
/// Issue 10: a PCC office uploads its published response as a PDF, corrects how one passage maps to the recommendations in
/// the preview, saves, and finds the corrected answer on the section 55 response page. axe on the preview, which also fits
/// a 375 px phone screen.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ResponseImportJourneyTests(BrowserFixture browser, ITestOutputHelper output)
{
    // Used by no other test: the import saves the force's response.
    private const string Force = "west-mercia";

    // The answer printed under recommendation 22 is about recommendation 20: the office corrects that in the preview.
    private const string Response = """
        Office of the Police and Crime Commissioner for West Mercia

        Response to An inspection into activism and impartiality in policing

        Recommendation 10
        The force issued guidance on visible representations to all staff in March 2025.

        Recommendation 12
        Equality impact assessments are now checked by a panel before a policy is approved.

        Recommendation 22
        Hate crime and non-crime hate incident records are now audited monthly by the force crime registrar.
        """;

    [BrowserFact]
    public async Task UploadPdf_CorrectOneMapping_Save_TheSection55PageShowsTheCorrectedAnswer()
    {
        var page = await browser.NewPageAsNewUserAsync(Roles.PccOffice, Force);
        await page.GotoAsync($"/forces/{Force}/responses/import");
        await page.Locator("#Document").SetInputFilesAsync(new FilePayload
        {
            Name = "west-mercia-response.pdf",
            MimeType = "application/pdf",
            Buffer = TestDocuments.Pdf(Response),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload and preview" }).ClickAsync();

        // The preview: each recommendation with its passage, how it was matched and how sure.
        var rec22 = page.Locator("#recommendation-22");
        await Assertions.Expect(rec22).ToContainTextAsync("Hate crime and non-crime hate incident records");
        await Assertions.Expect(rec22.Locator("[data-testid=match]")).ToContainTextAsync("Matched by a numbered heading. Confidence: High (95%).");
        await Assertions.Expect(page.Locator("#recommendation-20")).ToContainTextAsync("no passage is attached to recommendation 20");
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);

        // The passage printed under 22 answers 20: give it to 20, and mark 22 not answered.
        await page.GetByLabel("Passage that answers recommendation 20").SelectOptionAsync(new SelectOptionValue { Label = "Passage 3: \u201cHate crime and non-crime hate incident\u2026\u201d" });
        await page.GetByLabel("Passage that answers recommendation 22").SelectOptionAsync(new SelectOptionValue { Label = "Not answered" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Update the preview" }).ClickAsync();
        await Assertions.Expect(page.Locator("#recommendation-20 [data-testid=match]")).ToContainTextAsync("Passage 3. Chosen by you.");
        await Assertions.Expect(page.Locator("#recommendation-22")).ToContainTextAsync("no passage is attached to recommendation 22");
        await Assertions.Expect(page.GetByLabel("Passage that answers recommendation 20")).ToHaveValueAsync("3-0");
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);

        // On a phone: nothing wider than the screen.
        await page.SetViewportSizeAsync(375, 800);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"The preview is {overflow} px wider than a 375 px screen.");
        await page.SetViewportSizeAsync(1280, 900);

        await page.GetByRole(AriaRole.Button, new() { Name = "Save as the draft response" }).ClickAsync();

        // The section 55 response page: the answer is under 20, not 22.
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToContainTextAsync("Response imported as a draft, with your 2 corrections");
        await Assertions.Expect(page.Locator("#Answers_20__Text")).ToHaveValueAsync("Hate crime and non-crime hate incident records are now audited monthly by the force crime registrar.");
        await Assertions.Expect(page.Locator("#Answers_22__Text")).ToHaveValueAsync("");
        await Assertions.Expect(page.Locator("#Answers_10__Text")).ToHaveValueAsync("The force issued guidance on visible representations to all staff in March 2025.");
        await Accessibility.AssertNoSeriousViolationsAsync(page, output);
    }
}
