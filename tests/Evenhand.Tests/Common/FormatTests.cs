using Evenhand.Common;

namespace Evenhand.Tests.Common;

/// <summary>The one formatter: GOV.UK-style dates, times only for recorded instants, numbers without exponents.</summary>
public sealed class FormatTests
{
    [Fact]
    public void Date_IsDayFullMonthYear_WithNoTime()
    {
        Assert.Equal("2 December 2026", Format.Date(new DateOnly(2026, 12, 2)));
        Assert.Equal("2 Dec 2026", Format.ShortDate(new DateOnly(2026, 12, 2)));
        Assert.Equal("4 Sep 2024", Format.ShortDate(new DateOnly(2024, 9, 4))); // "Sep", whatever the server's culture makes of en-GB
        Assert.Equal("December 2026", Format.Month(new DateOnly(2026, 12, 1)));
        Assert.Equal("Not recorded", Format.Date(null, "Not recorded"));
    }

    [Fact]
    public void DateOfAnInstant_IsItsUkDate()
    {
        // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST).
        Assert.Equal("1 July 2025", Format.Date(new DateTimeOffset(2025, 6, 30, 23, 30, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData(2026, 12, 2, 14, 30, 0, "2 December 2026 at 2:30pm")] // GMT
    [InlineData(2025, 7, 1, 8, 0, 0, "1 July 2025 at 9am")] // BST: 08:00 UTC is 9am
    [InlineData(2026, 1, 5, 12, 0, 0, "5 January 2026 at midday")]
    [InlineData(2026, 1, 5, 0, 0, 0, "5 January 2026 at midnight")]
    [InlineData(2026, 1, 5, 0, 5, 0, "5 January 2026 at 12:05am")]
    public void DateTime_IsGovUkStyle_InUkTime(int y, int mo, int d, int h, int mi, int s, string expected) =>
        Assert.Equal(expected, Format.DateTime(new DateTimeOffset(y, mo, d, h, mi, s, TimeSpan.Zero)));

    [Fact]
    public void ShortDateTime_ForTablesAndLogs()
    {
        var at = new DateTimeOffset(2026, 12, 2, 14, 30, 5, TimeSpan.Zero);
        Assert.Equal("2 Dec 2026, 2:30pm", Format.ShortDateTime(at));
        Assert.Equal("2 Dec 2026, 2:30:05pm", Format.ShortDateTime(at, seconds: true));
        Assert.Equal("–", Format.ShortDateTime(null, "–"));
    }

    [Fact]
    public void Numbers_AreGrouped_WithoutExponentsOrTrailingZeros()
    {
        Assert.Equal("1,234,567", Format.Number(1_234_567L));
        Assert.Equal("1,234.5", Format.Number(1234.5));
        Assert.Equal("0.0001", Format.Number(0.0001, decimals: 4));
        Assert.Equal("0", Format.Number(0.00001));
        Assert.Equal("2", Format.Number(2.0));
        Assert.Equal("–", Format.Number(double.NaN));
    }

    [Fact]
    public void Percent_TakesAShare()
    {
        Assert.Equal("12.5%", Format.Percent(0.125));
        Assert.Equal("100%", Format.Percent(1));
        Assert.Equal("33.3%", Format.Percent(1 / 3.0));
        Assert.Equal("–", Format.Percent(null, "–"));
    }

    [Theory]
    [InlineData(0.0321, "0.032")]
    [InlineData(0.5, "0.5")]
    [InlineData(0.001, "0.001")]
    [InlineData(0.0009, "less than 0.001")]
    [InlineData(1e-12, "less than 0.001")]
    public void PValue_HasNoExponent(double p, string expected) => Assert.Equal(expected, Format.PValue(p));

    [Theory]
    [InlineData(0, "0 posts")]
    [InlineData(1, "1 post")]
    [InlineData(2, "2 posts")]
    [InlineData(1204, "1,204 posts")]
    public void Count_AgreesWithItsNoun(long n, string expected) => Assert.Equal(expected, Format.Count(n, "post"));

    [Fact]
    public void Count_TakesAnIrregularPlural()
    {
        Assert.Equal("1 policy", Format.Count(1, "policy", "policies"));
        Assert.Equal("3 policies", Format.Count(3, "policy", "policies"));
    }

    [Fact]
    public void Today_IsTheUkDateByTheInjectedClock()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2025, 6, 30, 23, 30, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2025, 7, 1), time.Today());
    }
}
