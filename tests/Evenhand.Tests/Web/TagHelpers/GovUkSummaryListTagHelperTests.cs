using AngleSharp.Html.Parser;
using Evenhand.Web.TagHelpers;

namespace Evenhand.Tests.Web.TagHelpers;

public class GovUkSummaryListTagHelperTests
{
    private static async Task<string> RenderListAsync(GovUkSummaryListTagHelper list, params (GovUkSummaryRowTagHelper Row, string Value)[] rows) =>
        await TagHelperHost.RenderAsync(list, "govuk-summary-list", null, async items =>
        {
            var html = "";
            foreach (var (row, value) in rows)
            {
                html += await TagHelperHost.RenderAsync(row, "govuk-summary-row", null, value, items);
            }

            return html;
        });

    [Fact]
    public async Task Process_Rows_RenderAsKeyValuePairs()
    {
        var html = await RenderListAsync(
            new GovUkSummaryListTagHelper(),
            (new GovUkSummaryRowTagHelper { Key = "Executive lead" }, "Deputy Chief Constable"),
            (new GovUkSummaryRowTagHelper { Key = "Deadline" }, "<time datetime=\"2025-03-31\">31 March 2025</time>"));

        var list = new HtmlParser().ParseDocument(html).QuerySelector("dl.govuk-summary-list")!;
        var rows = list.QuerySelectorAll(":scope > div.govuk-summary-list__row").ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal("Executive lead", rows[0].QuerySelector("dt.govuk-summary-list__key")!.TextContent);
        Assert.Equal("Deputy Chief Constable", rows[0].QuerySelector("dd.govuk-summary-list__value")!.TextContent);
        Assert.NotNull(rows[1].QuerySelector("dd.govuk-summary-list__value > time[datetime='2025-03-31']"));
        // No row has actions, so none needs the no-actions filler.
        Assert.Empty(list.QuerySelectorAll(".govuk-summary-list__row--no-actions"));
        Assert.Empty(list.QuerySelectorAll(".govuk-summary-list__actions"));
    }

    [Fact]
    public async Task Process_ChangeLink_HasVisuallyHiddenContext_AndOtherRowsAlign()
    {
        var html = await RenderListAsync(
            new GovUkSummaryListTagHelper(),
            (new GovUkSummaryRowTagHelper { Key = "Executive lead", ChangeHref = "/forces/cheshire/recommendations/16/lead" }, "DCC"),
            (new GovUkSummaryRowTagHelper { Key = "PCC response" }, "Published"));

        var rows = new HtmlParser().ParseDocument(html).QuerySelectorAll(".govuk-summary-list__row").ToList();
        var link = rows[0].QuerySelector("dd.govuk-summary-list__actions a.govuk-link")!;
        Assert.Equal("/forces/cheshire/recommendations/16/lead", link.GetAttribute("href"));
        Assert.Equal("Change executive lead", link.TextContent);
        Assert.Equal(" executive lead", link.QuerySelector("span.govuk-visually-hidden")!.TextContent);
        Assert.Contains("govuk-summary-list__row--no-actions", rows[1].ClassList);
        Assert.DoesNotContain("govuk-summary-list__row--no-actions", rows[0].ClassList);
    }

    [Fact]
    public async Task Process_KeyAndHiddenText_AreEncoded_AndAcronymsKeepTheirCase()
    {
        var html = await RenderListAsync(
            new GovUkSummaryListTagHelper { NoBorder = true },
            (new GovUkSummaryRowTagHelper { Key = "PCC <b>response</b>", ChangeHref = "/x?a=1&b=2" }, "y"));

        var document = new HtmlParser().ParseDocument(html);
        Assert.Contains("govuk-summary-list--no-border", document.QuerySelector("dl")!.ClassList);
        Assert.Equal("PCC <b>response</b>", document.QuerySelector("dt")!.TextContent);
        Assert.Null(document.QuerySelector("dt b"));
        Assert.Equal("/x?a=1&b=2", document.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(" PCC <b>response</b>", document.QuerySelector("a span")!.TextContent);
    }
}
