using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Evenhand.Responses.Export;

/// <summary>
/// Writes a section 55 response as a Word document laid out like the PCC responses published today: a title, the PCC's
/// overall comments, the chief officer's comments, then each recommendation's text followed by the response to it.
/// </summary>
public static class Section55DocxExporter
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static byte[] Export(Section55View view)
    {
        var r = view.Response;
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            main.Document = new Document(body);

            body.Append(Para($"{r.Force!.LocalPolicingBody}: response to HMICFRS", "Title"));
            body.Append(Para(r.Inspection!.Title, "Heading1"));
            body.Append(Para($"Report published {r.Inspection.PublishedOn.ToString("d MMMM yyyy", EnGb)} by {r.Inspection.Publisher}. " +
                             $"Under section 55 of the Police Act 1996 this response is due by {r.DueOn.ToString("d MMMM yyyy", EnGb)}."));
            if (r.PublishedOn is { } published)
            {
                body.Append(Para($"Published {published.ToString("d MMMM yyyy", EnGb)}."));
            }

            body.Append(Para("Commissioner's comments", "Heading2"));
            AppendText(body, r.PccComments ?? "No overall comments recorded.");
            body.Append(Para("Chief officer's comments", "Heading2"));
            AppendText(body, r.ChiefOfficerComments ?? (r.ChiefOfficerInvitedOn is { } inv
                ? $"The chief officer was invited to comment on {inv.ToString("d MMMM yyyy", EnGb)}; no comments are recorded."
                : "No comments recorded."));

            body.Append(Para("Recommendations and response", "Heading2"));
            foreach (var rec in view.ForceRecommendations)
            {
                body.Append(Para($"Recommendation {rec.Number}", "Heading3"));
                foreach (var line in rec.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    body.Append(Para(line.StartsWith("- ", StringComparison.Ordinal) ? "• " + line[2..] : line, "Quote"));
                }

                var item = view.ItemFor(rec);
                var stance = item?.Stance switch
                {
                    Section55Stance.ActionTakenOrProposed => "Action taken or proposed",
                    Section55Stance.NoActionWithReason => "No action, with the reason",
                    _ => "Response not yet written",
                };
                body.Append(Para(stance, "Strong"));
                AppendText(body, item?.Text ?? "");
            }

            var otherItems = r.Items.Where(i => view.ForceRecommendations.All(f => f.Id != i.RecommendationId) && i.Recommendation is not null)
                .OrderBy(i => i.Recommendation!.Number).ToList();
            if (otherItems.Count > 0)
            {
                body.Append(Para("Comments on recommendations to national bodies", "Heading2"));
                foreach (var i in otherItems)
                {
                    body.Append(Para($"Recommendation {i.Recommendation!.Number}", "Heading3"));
                    AppendText(body, i.Text ?? "");
                }
            }

            body.Append(new SectionProperties(new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134 }));
            main.Document.Save();
        }

        return ms.ToArray();
    }

    private static void AppendText(Body body, string text)
    {
        foreach (var para in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            body.Append(Para(para.Replace('\n', ' ')));
        }
    }

    private static Paragraph Para(string text, string? style = null)
    {
        var p = new Paragraph(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        if (style is not null)
        {
            p.PrependChild(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }

        return p;
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            Style("Normal", "Normal", 22, bold: false),
            Style("Title", "Title", 36, bold: true),
            Style("Heading1", "heading 1", 32, bold: true),
            Style("Heading2", "heading 2", 28, bold: true),
            Style("Heading3", "heading 3", 24, bold: true),
            Style("Quote", "Quote", 22, bold: false, italic: true),
            Style("Strong", "Strong", 22, bold: true));
        styles.Styles.Save();
    }

    private static Style Style(string id, string name, int halfPoints, bool bold, bool italic = false)
    {
        var runProps = new StyleRunProperties(new RunFonts { Ascii = "Arial", HighAnsi = "Arial" }, new FontSize { Val = halfPoints.ToString(CultureInfo.InvariantCulture) });
        if (bold) runProps.Append(new Bold());
        if (italic) runProps.Append(new Italic());
        var style = new Style(new StyleName { Val = name }, runProps, new StyleParagraphProperties(new SpacingBetweenLines { After = "160" }))
        {
            Type = StyleValues.Paragraph,
            StyleId = id,
        };
        if (id != "Normal") style.Append(new BasedOn { Val = "Normal" });
        return style;
    }
}
