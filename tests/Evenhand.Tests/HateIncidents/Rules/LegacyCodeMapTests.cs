using Evenhand.HateIncidents.Codes;
using Evenhand.Importing;

namespace Evenhand.Tests.HateIncidents.Rules;

public class LegacyCodeMapTests
{
    [Fact]
    public void Parse_GoodFile_TranslatesLegacyCodes()
    {
        var map = LegacyCodeMap.Parse("""
            legacy_code,code
            HATE-R,HC-RACE
            NCHI1,NCHI-RELIGION
            "RACE, NON-CRIME",nchi-race
            """);

        Assert.Equal(3, map.Count);
        Assert.Equal("HC-RACE", map.Translate("HATE-R"));
        Assert.Equal("NCHI-RELIGION", map.Translate(" nchi1 "));
        Assert.Equal("NCHI-RACE", map.Translate("RACE, NON-CRIME"));
        Assert.Null(map.Translate("UNKNOWN"));
        Assert.Equal(Evenhand.HateIncidents.Rules.AssessmentOutcome.HateCrime, map.Find("HATE-R")?.Outcome);
    }

    [Fact]
    public void Parse_HeaderWithByteOrderMarkAndBlankLines_IsAccepted()
    {
        var map = LegacyCodeMap.Parse("\uFEFFlegacy_code,code\n\nA,NR-OTHER\n\n");

        Assert.Equal("NR-OTHER", map.Translate("A"));
    }

    [Fact]
    public void Parse_BadRows_ReportsEveryOneWithItsLineNumber_AndReadsNothing()
    {
        var ex = Assert.Throws<ImportException>(() => LegacyCodeMap.Parse(
            "legacy_code,code\n" +  // 1
            "HATE-R,HC-RACE\n" +    // 2 good
            "X1,HC-RACEE\n" +       // 3 unknown national code
            ",NCHI-RACE\n" +        // 4 blank legacy code
            "X3,NCHI-RACE,extra\n" + // 5 three values
            "hate-r,NCHI-RACE\n" +  // 6 duplicate of line 2
            "X4,\n",                // 7 blank national code
            "force-codes.csv"));

        Assert.StartsWith("force-codes.csv has 5 problems; nothing was read:", ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 3: 'HC-RACEE' is not a national hate-incident code", ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 4: legacy_code is blank", ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 5: expected 2 values (legacy_code,code) but found 3", ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 6: legacy code 'hate-r' is already mapped on line 2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 7: the national code for 'X4' is blank", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LineNumbersCountBlankLines()
    {
        var ex = Assert.Throws<ImportException>(() => LegacyCodeMap.Parse("legacy_code,code\n\nA,HC-RACE\n\nB,WRONG\n"));

        Assert.Contains("line 5: 'WRONG'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WrongHeader_SaysWhatItShouldBe()
    {
        var ex = Assert.Throws<ImportException>(() => LegacyCodeMap.Parse("old,new\nA,HC-RACE\n", "map.csv"));

        Assert.Contains("map.csv line 1: the header must be 'legacy_code,code', not 'old,new'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    public void Parse_EmptyFile_SaysItIsEmpty(string text)
    {
        var ex = Assert.Throws<ImportException>(() => LegacyCodeMap.Parse(text, "map.csv"));

        Assert.Contains("map.csv is empty", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HeaderOnly_SaysThereAreNoRows()
    {
        var ex = Assert.Throws<ImportException>(() => LegacyCodeMap.Parse("legacy_code,code\n", "map.csv"));

        Assert.Contains("no rows", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnclosedQuote_IsReportedOnItsOwnLine_AndTheRestIsStillChecked()
    {
        var ex = Assert.Throws<ImportException>(() => LegacyCodeMap.Parse("legacy_code,code\nA,HC-RACE\n\"B,HC-RACE\nC,WRONG\n", "map.csv"));

        Assert.Contains("map.csv has 2 problems", ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 3: a quoted value is not closed", ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 4: 'WRONG'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_QuoteInsideAnUnquotedValue_IsReportedWithItsLine()
    {
        var ex = Assert.Throws<ImportException>(() => LegacyCodeMap.Parse("legacy_code,code\r\nA,HC-RACE\r\nB\"\"x,HC-RACE\r\n", "map.csv"));

        Assert.Contains("line 3: a quote is out of place in 'B\"\"x'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WindowsLineEndings_AreAccepted()
    {
        var map = LegacyCodeMap.Parse("legacy_code,code\r\nA,HC-RACE\r\nB,NCHI-PD-OTHER\r\n");

        Assert.Equal("NCHI-PD-OTHER", map.Translate("B"));
    }

    [Fact]
    public void TranslateCsv_KeepsEveryColumn_PassesNationalCodesThrough_AndListsUnknownCodesWithTheirLine()
    {
        var map = LegacyCodeMap.Parse("legacy_code,code\nOLD-R,NCHI-RACE\n");

        var result = map.TranslateCsv("Legacy_Code,note\nold-r,first\n\nHC-DISABILITY,already national\nMYSTERY\n", "'past.csv'");

        Assert.Equal((3, 2), (result.Rows, result.Translated));
        Assert.Equal(["line 5: 'MYSTERY'"], result.Unknown);
        var lines = result.Csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(["Legacy_Code,note,national_code,outcome,characteristic", "old-r,first,NCHI-RACE,nchi,race",
            "HC-DISABILITY,already national,HC-DISABILITY,hate-crime,disability", "MYSTERY,,,,"], lines);
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("reference,area\nR1,Crewe\n", "no legacy_code column. Its columns are: reference, area")]
    public void TranslateCsv_WithoutTheColumn_SaysWhy(string csv, string expected)
    {
        var e = Assert.Throws<ImportException>(() => LegacyCodeMap.From([]).TranslateCsv(csv, "'past.csv'"));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
