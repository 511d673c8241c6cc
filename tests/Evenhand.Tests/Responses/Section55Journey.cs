using System.Net;
using AngleSharp.Html.Dom;
using Evenhand.Tests.Infrastructure;

namespace Evenhand.Tests.Responses;

/// <summary>The PCC office's section 55 journey through the real pages, as a browser would submit it.</summary>
internal static class Section55Journey
{
    /// <summary>Every statutory item, as typed into the response page's form.</summary>
    public static Dictionary<string, string?> CompleteAnswers(IHtmlDocument page, string answer = "The force will review its policy.")
    {
        var values = new Dictionary<string, string?>
        {
            ["ChiefOfficerInvitedOn.Day"] = "12", ["ChiefOfficerInvitedOn.Month"] = "9", ["ChiefOfficerInvitedOn.Year"] = "2024",
            ["ChiefOfficerCommentsDueOn.Day"] = "1", ["ChiefOfficerCommentsDueOn.Month"] = "10", ["ChiefOfficerCommentsDueOn.Year"] = "2024",
            ["ChiefOfficerCommentsReceivedOn.Day"] = "30", ["ChiefOfficerCommentsReceivedOn.Month"] = "9", ["ChiefOfficerCommentsReceivedOn.Year"] = "2024",
            ["ChiefOfficerComments"] = "The Chief Constable welcomes the report and accepts its recommendations.",
            ["ResponseToChiefOfficerComments"] = "I welcome the Chief Constable's acceptance and will hold the force to account for it.",
            ["PccComments"] = "I welcome this report on activism and impartiality.",
        };
        foreach (var section in page.QuerySelectorAll("section.evenhand-answer"))
        {
            // Answer every recommendation that must be answered and is not yet.
            if (section.QuerySelector(".govuk-tag") is null || section.QuerySelector("textarea") is not { } text)
            {
                continue;
            }

            var name = text.GetAttribute("name")!;
            values[name] = string.IsNullOrWhiteSpace(text.TextContent) ? answer : text.TextContent;
            values[name.Replace(".Text", ".Stance", StringComparison.Ordinal)] = "ActionTakenOrProposed";
        }

        return values;
    }

    public static async Task<IHtmlDocument> StartAsync(PageClient pcc, string slug, int inspection)
    {
        var page = await pcc.GetPageAsync($"/forces/{slug}/responses/{inspection}");
        if (page.QuerySelector("form[action*='handler=Start']") is not null)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await pcc.SubmitAsync(page, "handler=Start", [])).StatusCode);
            page = await pcc.GetPageAsync($"/forces/{slug}/responses/{inspection}");
        }

        return page;
    }

    public static async Task CompleteAsync(PageClient pcc, string slug, int inspection)
    {
        var page = await StartAsync(pcc, slug, inspection);
        var saved = await pcc.SubmitFormAsync(page, "handler=Save", CompleteAnswers(page));
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
    }

    public static async Task<HttpResponseMessage> PublishAsync(PageClient pcc, string slug, int inspection, string day = "30", string month = "10", string year = "2024")
    {
        var check = await pcc.GetPageAsync($"/forces/{slug}/responses/{inspection}/check");
        return await pcc.SubmitFormAsync(check, "/check", new()
        {
            ["PublishedOn.Day"] = day, ["PublishedOn.Month"] = month, ["PublishedOn.Year"] = year,
            ["PublicUrl"] = $"https://pcc.example.org/{slug}/section-55",
        });
    }
}
