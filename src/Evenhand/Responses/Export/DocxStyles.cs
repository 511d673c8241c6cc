using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Evenhand.Responses.Export;

/// <summary>
/// The styles and list numbering of Evenhand's Word documents: Word's own built-in styles (the ids and names Word itself
/// writes, so Word treats them as its Title, Heading 1–3, Quote, List Bullet and Strong), headings with outline levels for
/// the navigation pane and screen readers, and one bulleted list definition. Child elements are written in the order the
/// WordprocessingML schema requires (name, basedOn, next, uiPriority, …, pPr, rPr), which OpenXmlValidator checks.
/// </summary>
public static class DocxStyles
{
    public const string Normal = "Normal";
    public const string Title = "Title";
    public const string Quote = "Quote";
    public const string ListBullet = "ListBullet";
    public const string Strong = "Strong";
    public const int BulletNumberingId = 1;

    /// <summary>Style id of Heading 1, 2 or 3 ("Heading1"…); their names are "heading 1"… as in Word.</summary>
    public static string Heading(int level) => level is >= 1 and <= 3
        ? $"Heading{level}"
        : throw new ArgumentOutOfRangeException(nameof(level), level, "Headings 1 to 3 are defined.");

    public static void AddTo(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Arial", HighAnsi = "Arial", EastAsia = "Arial", ComplexScript = "Arial" },
                    new FontSize { Val = "24" },
                    new FontSizeComplexScript { Val = "24" },
                    new Languages { Val = "en-GB" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "160", Line = "276", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle())
            {
                Type = StyleValues.Paragraph, StyleId = Normal, Default = true,
            },
            new Style(new StyleName { Val = "Default Paragraph Font" }, new UIPriority { Val = 1 }, new SemiHidden(), new UnhideWhenUsed())
            {
                Type = StyleValues.Character, StyleId = "DefaultParagraphFont", Default = true,
            },
            ParagraphStyle(Title, "Title", uiPriority: 10,
                new StyleParagraphProperties(new SpacingBetweenLines { Before = "0", After = "240" }, new ContextualSpacing()),
                new StyleRunProperties(new Bold(), new BoldComplexScript(), new Kern { Val = 28 }, new FontSize { Val = "44" }, new FontSizeComplexScript { Val = "44" })),
            HeadingStyle(1, halfPoints: 36, before: 360),
            HeadingStyle(2, halfPoints: 30, before: 320),
            HeadingStyle(3, halfPoints: 26, before: 240),
            ParagraphStyle(Quote, "Quote", uiPriority: 29,
                new StyleParagraphProperties(new SpacingBetweenLines { Before = "120", After = "120" }, new Indentation { Left = "567", Right = "567" }),
                new StyleRunProperties(new Italic(), new ItalicComplexScript(), new Color { Val = "404040" })),
            new Style(
                new StyleName { Val = "List Bullet" },
                new BasedOn { Val = Normal },
                new UIPriority { Val = 99 },
                new UnhideWhenUsed(),
                new PrimaryStyle(),
                new StyleParagraphProperties(
                    new NumberingProperties(new NumberingId { Val = BulletNumberingId }),
                    new SpacingBetweenLines { After = "80" },
                    new ContextualSpacing()))
            {
                Type = StyleValues.Paragraph, StyleId = ListBullet,
            },
            new Style(
                new StyleName { Val = "Strong" },
                new BasedOn { Val = "DefaultParagraphFont" },
                new UIPriority { Val = 22 },
                new PrimaryStyle(),
                new StyleRunProperties(new Bold(), new BoldComplexScript()))
            {
                Type = StyleValues.Character, StyleId = Strong,
            });
        styles.Styles.Save();

        var numbering = main.AddNewPart<NumberingDefinitionsPart>();
        numbering.Numbering = new Numbering(
            new AbstractNum(
                new MultiLevelType { Val = MultiLevelValues.SingleLevel },
                new Level(
                    new StartNumberingValue { Val = 1 },
                    new NumberingFormat { Val = NumberFormatValues.Bullet },
                    new ParagraphStyleIdInLevel { Val = ListBullet },
                    new LevelText { Val = "\u2022" },
                    new LevelJustification { Val = LevelJustificationValues.Left },
                    new PreviousParagraphProperties(new Indentation { Left = "720", Hanging = "360" }))
                { LevelIndex = 0 })
            { AbstractNumberId = 1 },
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = BulletNumberingId });
        numbering.Numbering.Save();
    }

    private static Style HeadingStyle(int level, int halfPoints, int before) =>
        ParagraphStyle(Heading(level), $"heading {level}", uiPriority: 9,
            new StyleParagraphProperties(
                new KeepNext(),
                new KeepLines(),
                new SpacingBetweenLines { Before = before.ToString(System.Globalization.CultureInfo.InvariantCulture), After = "120" },
                new OutlineLevel { Val = level - 1 }),
            new StyleRunProperties(new Bold(), new BoldComplexScript(),
                new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                new FontSizeComplexScript { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            unhideWhenUsed: level > 1);

    private static Style ParagraphStyle(string id, string name, int uiPriority, StyleParagraphProperties pPr, StyleRunProperties rPr, bool unhideWhenUsed = false)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        style.Append(new StyleName { Val = name }, new BasedOn { Val = Normal }, new NextParagraphStyle { Val = Normal }, new UIPriority { Val = uiPriority });
        if (unhideWhenUsed)
        {
            style.Append(new UnhideWhenUsed());
        }

        style.Append(new PrimaryStyle(), pPr, rPr);
        return style;
    }
}
