using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Evenhand.Responses.Export;

/// <summary>
/// Writes a section 55 response as a Word document laid out like the PCC responses published today: a title, the PCC's
/// overall comments, the chief officer's comments, then each recommendation's text followed by the response to it.
/// Headings, quotes and lists use Word's built-in styles (ids and names as Word writes them, headings with outline levels),
/// so the navigation pane and screen readers see the structure; the package passes <c>OpenXmlValidator</c>.
/// </summary>
public static class Section55DocxExporter
{

    public static byte[] Export(Section55View view)
    {
        var r = view.Response;
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var title = $"{r.Force!.LocalPolicingBody}: response to HMICFRS";
            doc.PackageProperties.Title = title;
            doc.PackageProperties.Creator = r.Force.LocalPolicingBody;
            doc.PackageProperties.Language = "en-GB";

            var main = doc.AddMainDocumentPart();
            DocxStyles.AddTo(main);
            var w = new DocxWriter();

            w.Title(title);
            w.Heading(1, r.Inspection!.Title);
            w.Paragraph($"Report published {Day(r.Inspection.PublishedOn)} by {r.Inspection.Publisher}. " +
                        $"Under section 55 of the Police Act 1996 this response is due by {Day(r.DueOn)}.");
            if (r.PublishedOn is { } published)
            {
                w.Paragraph($"Published {Day(published)}.");
            }

            w.Section("Commissioner's comments", r.PccComments ?? "No overall comments recorded.");
            w.Section("Chief officer's comments", r.ChiefOfficerComments ?? r.ChiefOfficerNoCommentsNote ?? (r.ChiefOfficerInvitedOn is { } inv
                ? $"The chief officer was invited to comment on {Day(inv)}; no comments are recorded."
                : "No comments recorded."));
            if (r.ResponseToChiefOfficerComments is not null)
            {
                // s.55(5)(c): the body's response to the chief officer's comments is published with them.
                w.Section("Commissioner's response to the chief officer's comments", r.ResponseToChiefOfficerComments);
            }

            if (r.Corrections.Count > 0)
            {
                w.Section("Corrections", string.Join("\n", r.Corrections.OrderBy(c => c.CorrectedAt)
                    .Select(c => $"- {Day(c.CorrectedOn)}, {c.PartDescription}: {c.Notice}")));
            }

            w.Heading(2, "Recommendations and response");
            foreach (var rec in view.ForceRecommendations)
            {
                w.Heading(3, $"Recommendation {rec.Number}");
                w.Text(rec.Text, DocxStyles.Quote);

                var item = view.ItemFor(rec);
                w.Label(item?.Stance switch
                {
                    Section55Stance.ActionTakenOrProposed => "Action taken or proposed",
                    Section55Stance.NoActionWithReason => "No action, with the reason",
                    _ => "Response not yet written",
                });
                w.Text(item?.Text);
            }

            var otherItems = r.Items.Where(i => view.ForceRecommendations.All(f => f.Id != i.RecommendationId) && i.Recommendation is not null)
                .OrderBy(i => i.Recommendation!.Number).ToList();
            if (otherItems.Count > 0)
            {
                w.Heading(2, "Comments on recommendations to national bodies");
                foreach (var i in otherItems)
                {
                    w.Heading(3, $"Recommendation {i.Recommendation!.Number}");
                    w.Text(i.Text);
                }
            }

            main.Document = w.Finish();
            main.Document.Save();
        }

        return ms.ToArray();
    }

    private static string Day(DateOnly d) => Evenhand.Common.Format.Date(d);

    /// <summary>The document body, written top to bottom. Each method appends one kind of block in its built-in style.</summary>
    private sealed class DocxWriter
    {
        private static readonly string[] BulletMarkers = ["- ", "• ", "* ", "– "];

        private readonly Body body = new();

        public void Title(string text) => body.Append(Para(text, DocxStyles.Title));

        /// <summary>Heading 1 to 3: Word's built-in heading styles, which carry the outline level.</summary>
        public void Heading(int level, string text) => body.Append(Para(text, DocxStyles.Heading(level)));

        public void Paragraph(string text) => body.Append(Para(text, null));

        /// <summary>A titled section (heading 2) and its text: one call per section of the response.</summary>
        public void Section(string title, string text)
        {
            Heading(2, title);
            Text(text);
        }

        /// <summary>A short bold label (Word's "Strong" character style) on its own line.</summary>
        public void Label(string text)
        {
            var run = new Run(new RunProperties(new RunStyle { Val = DocxStyles.Strong }), TextElement(text));
            body.Append(new Paragraph(run));
        }

        /// <summary>
        /// Text typed or imported as plain text: blank lines separate paragraphs, lines within a paragraph are joined, and
        /// lines starting with a bullet ("- ", "• ", "* ") become items of a real bulleted list.
        /// </summary>
        public void Text(string? text, string? style = null)
        {
            foreach (var block in (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var pending = new List<string>();
                foreach (var line in block.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var marker = BulletMarkers.FirstOrDefault(m => line.StartsWith(m, StringComparison.Ordinal));
                    if (marker is null)
                    {
                        pending.Add(line);
                        continue;
                    }

                    Flush(pending, style);
                    body.Append(Bullet(line[marker.Length..].Trim()));
                }

                Flush(pending, style);
            }
        }

        public Document Finish()
        {
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1134, Right = 1134, Bottom = 1134, Left = 1134, Header = 709, Footer = 709, Gutter = 0 }));
            return new Document(body);
        }

        private void Flush(List<string> lines, string? style)
        {
            if (lines.Count > 0)
            {
                body.Append(Para(string.Join(' ', lines), style));
                lines.Clear();
            }
        }

        private static Paragraph Bullet(string text) =>
            new(new ParagraphProperties(
                    new ParagraphStyleId { Val = DocxStyles.ListBullet },
                    new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = DocxStyles.BulletNumberingId })),
                new Run(TextElement(text)));

        private static Paragraph Para(string text, string? style)
        {
            var p = new Paragraph();
            if (style is not null)
            {
                p.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
            }

            p.Append(new Run(TextElement(text)));
            return p;
        }

        private static Text TextElement(string text) => new(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve };

        /// <summary>Drops characters XML 1.0 cannot hold (control characters pasted into a comment), which would make the package unreadable.</summary>
        private static string XmlSafe(string s)
        {
            if (s.All(c => XmlCharOk(c) && !char.IsSurrogate(c)))
            {
                return s;
            }

            var sb = new StringBuilder(s.Length);
            for (var i = 0; i < s.Length; i++)
            {
                if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                {
                    sb.Append(s[i]).Append(s[++i]);
                }
                else if (XmlCharOk(s[i]) && !char.IsSurrogate(s[i]))
                {
                    sb.Append(s[i]);
                }
            }

            return sb.ToString();
        }

        private static bool XmlCharOk(char c) => c is '\t' or '\n' or '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
    }
}
