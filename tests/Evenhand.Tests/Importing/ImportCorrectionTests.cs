using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Evenhand.Accounts;
using Evenhand.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Tests.Importing;

/// <summary>
/// Issue 10, point 4: the response import's preview, corrected by a person before saving — a passage given to another
/// recommendation, a passage split in two, a recommendation marked not answered — stored as corrected and audited; a bad
/// correction refused with everything chosen kept and nothing stored; another force's import out of reach.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class ImportCorrectionTests(AppFixture apps)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    /// <summary>A PCC's response answering 10, 12 (two paragraphs, the second about 13), 16 and, under the wrong number, 20 as 22.</summary>
    public static string Response(string body) => $"""
        Office of the {body}

        Response to An inspection into activism and impartiality in policing

        Recommendation 10
        The force issued guidance on visible representations to all staff in March 2025.

        Recommendation 12
        Equality impact assessments are now checked by a panel before a policy is approved.

        Policies are reviewed every two years by the same panel, with the results reported to the commissioner.

        Recommendation 16
        The force has adopted the Code of Practice for non-crime hate incidents.

        Recommendation 22
        Hate crime and non-crime hate incident records are now audited monthly by the force crime registrar.
        """;

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Corrections_AreStoredAsCorrected_AndEachIsAudited(string provider)
    {
        const string force = "gloucestershire";
        var app = apps.Get(provider);
        var email = await app.CreateUserAsync(Roles.PccOffice, force);
        using var pcc = await app.SignedInAsync(email);
        var preview = await UploadAsync(pcc, force, "Police and Crime Commissioner for Gloucestershire");

        // Each recommendation shows its passage, how it was matched and how sure, in words.
        Assert.Null(preview.QuerySelector(".govuk-error-summary"));
        Assert.Contains("The force issued guidance on visible representations", Text(preview, "#recommendation-10"), StringComparison.Ordinal);
        Assert.Contains("Passage 1. Matched by a numbered heading. Confidence: High (95%).", Text(preview, "#recommendation-10"), StringComparison.Ordinal);
        Assert.Contains("Not answered: no passage is attached to recommendation 13.", Text(preview, "#recommendation-13"), StringComparison.Ordinal);

        // Split passage 2 at its second paragraph; give passage 4 to recommendation 20 instead of 22; mark 16 not answered.
        var split = Options(preview, "#split-2-0").Single(o => o.Text.Contains("Policies are reviewed", StringComparison.Ordinal)).Value;
        var updated = await PageClient.ParseAsync(await pcc.ClickButtonAsync(preview, "Update the preview", new()
        {
            ["Splits"] = split,
            ["Answers[16]"] = "none",
            ["Answers[20]"] = "4-0",
            ["Answers[22]"] = "none",
        }));
        Assert.Null(updated.QuerySelector(".govuk-error-summary"));
        Assert.Contains("Passage 4. Chosen by you.", Text(updated, "#recommendation-20"), StringComparison.Ordinal);
        Assert.Contains("Not answered", Text(updated, "#recommendation-16"), StringComparison.Ordinal);
        Assert.Equal("Policies are reviewed every two years by the same panel, with the results reported to the commissioner.",
            Text(updated, $"#passage-{split} .evenhand-passage__text"));
        await using (var db = app.CreateDbContext())
        {
            Assert.False(await db.Section55Responses.AnyAsync(r => r.Force!.Slug == force), "Updating the preview saved something.");
        }

        // The second part answers 13; save.
        var saved = await pcc.SubmitFormAsync(updated, "handler=Confirm", new() { ["Answers[13]"] = split });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using (var db = app.CreateDbContext())
        {
            var response = await db.Section55Responses.Include(r => r.Items).ThenInclude(i => i.Recommendation).SingleAsync(r => r.Force!.Slug == force);
            var answers = response.Items.Where(i => i.Text is not null).ToDictionary(i => i.Recommendation!.Number, i => i.Text);
            Assert.Equal([10, 12, 13, 20], answers.Keys.Order());
            Assert.Equal("Equality impact assessments are now checked by a panel before a policy is approved.", answers[12]);
            Assert.Equal("Policies are reviewed every two years by the same panel, with the results reported to the commissioner.", answers[13]);
            Assert.StartsWith("Hate crime and non-crime hate incident records are now audited", answers[20], StringComparison.Ordinal);

            var userId = (await db.Users.SingleAsync(u => u.Email == email)).Id;
            var audit = await db.AuditEntries
                .Where(a => a.EntityType == "Section55Response" && a.EntityId == response.Id.ToString() && a.Action == "ImportCorrected")
                .ToListAsync();
            Assert.All(audit, a => Assert.Equal(userId, a.UserId));
            Assert.Equal(
                [
                    "Passage 2 split before \u201cPolicies are reviewed every two years by\u2026\u201d",
                    "Passage 2, part 2 now answers recommendation 13",
                    "Passage 4 reassigned from recommendation 22 to recommendation 20",
                    "Recommendation 16 marked not answered (the parser had attached Passage 3 to it)",
                    "Recommendation 22 marked not answered (the parser had attached Passage 4 to it)",
                ],
                audit.OrderBy(a => a.Id).Select(a => JsonDocument.Parse(a.After!).RootElement.GetProperty("Description").GetString()));
        }

        // The section 55 response page shows the corrected answers.
        var page = await pcc.GetPageAsync(saved.Headers.Location!.OriginalString);
        Assert.Equal("Policies are reviewed every two years by the same panel, with the results reported to the commissioner.",
            page.QuerySelector<IHtmlTextAreaElement>("#Answers_13__Text")?.Value);
        Assert.Equal("", page.QuerySelector<IHtmlTextAreaElement>("#Answers_16__Text")?.Value ?? "");
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task InvalidCorrection_IsRefusedOnThePage_KeepsWhatWasChosen_AndStoresNothing(string provider)
    {
        const string force = "derbyshire";
        var app = apps.Get(provider);
        using var pcc = await app.SignedInAsNewUserAsync(Roles.PccOffice, force);
        var preview = await UploadAsync(pcc, force, "Police and Crime Commissioner for Derbyshire");
        var split = Options(preview, "#split-2-0").Last().Value;
        var auditBefore = await CorrectionAuditCountAsync(app);

        // Every recommendation marked not answered, and a split chosen: saving would import nothing.
        var everyNone = preview.QuerySelectorAll<IHtmlSelectElement>("select[name^='Answers[']").ToDictionary(s => s.Name!, _ => (string?)"none");
        everyNone["Splits"] = split;
        var refused = await pcc.SubmitFormAsync(preview, "handler=Confirm", everyNone);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await PageClient.ParseAsync(refused);
        var summary = page.QuerySelector(".govuk-error-summary");
        Assert.Contains("saving would import nothing", summary?.TextContent ?? "<no error summary>", StringComparison.Ordinal);
        Assert.Equal("#Answers_4_", summary!.QuerySelector("a")?.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("#Answers_4_-error"));
        Assert.All(page.QuerySelectorAll<IHtmlSelectElement>("select[name^='Answers[']"), s => Assert.Equal("none", Selected(s)));
        Assert.Equal([split], page.QuerySelectorAll<IHtmlInputElement>("input[type=hidden][name=Splits]").Select(i => i.Value));

        // A recommendation the inspection does not have, and a passage the document does not have: refused, the rest kept.
        var tampered = await PageClient.ParseAsync(await pcc.SubmitFormAsync(page, "handler=Confirm", new()
        {
            ["Answers[10]"] = "9-0",
            ["Answers[12]"] = "2-0",
            ["Answers[99]"] = "1-0",
        }));
        var errors = tampered.QuerySelector(".govuk-error-summary")?.TextContent ?? "<no error summary>";
        Assert.Contains("Recommendation 99 is not one of this inspection's recommendations", errors, StringComparison.Ordinal);
        Assert.Contains("Choose the passage that answers recommendation 10 from the list", errors, StringComparison.Ordinal);
        Assert.Contains("Choose the passage that answers recommendation 10", tampered.QuerySelector("#Answers_10_-error")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Equal("2-0", Selected(tampered.QuerySelector<IHtmlSelectElement>("#Answers_12_")!));
        Assert.Equal("none", Selected(tampered.QuerySelector<IHtmlSelectElement>("#Answers_16_")!));

        // Corrections made on another reading of the document (the parser changed in between): not applied, not saved.
        var stale = await PageClient.ParseAsync(await pcc.SubmitFormAsync(preview, "handler=Confirm", new() { ["ParseKey"] = "0123456789abcdef" }));
        Assert.Contains("reads this document differently", stale.QuerySelector(".govuk-error-summary")?.TextContent ?? "<no error summary>", StringComparison.Ordinal);

        await using var db = app.CreateDbContext();
        Assert.False(await db.Section55Responses.AnyAsync(r => r.Force!.Slug == force));
        Assert.Equal(auditBefore, await CorrectionAuditCountAsync(app));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task AnotherForcesPccOffice_CannotSaveOrSeeTheImport(string provider)
    {
        const string owner = "nottinghamshire", other = "humberside";
        var app = apps.Get(provider);
        using var ownerPcc = await app.SignedInAsNewUserAsync(Roles.PccOffice, owner);
        using var otherPcc = await app.SignedInAsNewUserAsync(Roles.PccOffice, other);
        var preview = await UploadAsync(ownerPcc, owner, "Police and Crime Commissioner for Nottinghamshire");
        var form = preview.QuerySelectorAll<AngleSharp.Html.Dom.IHtmlFormElement>("form").Single(f => (f.Action ?? "").Contains("handler=Confirm", StringComparison.Ordinal));
        var token = (await otherPcc.GetPageAsync($"/forces/{other}/responses/import"))
            .QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var fields = PageClient.FormValues(form).Where(f => f.Key != "__RequestVerificationToken").Append(new("__RequestVerificationToken", token)).ToList();

        // Under the owner's address: not found, as every record of another force is.
        Assert.Equal(HttpStatusCode.NotFound, (await otherPcc.GetAsync($"/forces/{owner}/responses/import")).StatusCode);
        var onOwner = await otherPcc.Http.PostAsync($"/forces/{owner}/responses/import?handler=Confirm", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.NotFound, onOwner.StatusCode);

        // Under their own address, with the owner's staged upload: refused, it is not theirs.
        var onOwn = await otherPcc.Http.PostAsync($"/forces/{other}/responses/import?handler=Confirm", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.OK, onOwn.StatusCode);
        Assert.Contains("belongs to someone else", (await PageClient.ParseAsync(onOwn)).QuerySelector(".govuk-error-summary")?.TextContent ?? "<no error summary>", StringComparison.Ordinal);
        var onUpdate = await otherPcc.Http.PostAsync($"/forces/{other}/responses/import?handler=Update", new FormUrlEncodedContent(fields));
        Assert.Contains("belongs to someone else", (await PageClient.ParseAsync(onUpdate)).QuerySelector(".govuk-error-summary")?.TextContent ?? "<no error summary>", StringComparison.Ordinal);

        await using var db = app.CreateDbContext();
        Assert.False(await db.Section55Responses.AnyAsync(r => r.Force!.Slug == owner || r.Force!.Slug == other));
    }

    private static async Task<IHtmlDocument> UploadAsync(PageClient pcc, string force, string body)
    {
        var page = await pcc.GetPageAsync($"/forces/{force}/responses/import");
        var response = await pcc.SubmitAsync(page, "handler=Upload", [], ("Document", "response.pdf", TestDocuments.Pdf(Response(body))));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var preview = await PageClient.ParseAsync(response);
        Assert.True(preview.QuerySelector(".govuk-error-summary") is null, preview.QuerySelector(".govuk-error-summary")?.TextContent);
        return preview;
    }

    private static async Task<int> CorrectionAuditCountAsync(EvenhandApp app)
    {
        await using var db = app.CreateDbContext();
        return await db.AuditEntries.CountAsync(a => a.Action == "ImportCorrected");
    }

    private static List<IHtmlOptionElement> Options(IHtmlDocument page, string select) =>
        page.QuerySelector<IHtmlSelectElement>(select)?.Options.Cast<IHtmlOptionElement>().ToList() ?? [];

    private static string? Selected(IHtmlSelectElement select) =>
        (select.QuerySelector<IHtmlOptionElement>("option[selected]") ?? select.QuerySelector<IHtmlOptionElement>("option"))?.Value;

    private static string Text(IHtmlDocument page, string selector) =>
        Spaces().Replace(page.QuerySelector(selector)?.TextContent ?? $"<nothing at {selector}>", " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
