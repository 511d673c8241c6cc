using System.Globalization;

namespace Evenhand.Web.Pages.Forces.HateIncidents;

/// <summary>Dates and times typed on forms are UK local time; they are stored as UTC instants.</summary>
public static class LondonTime
{
    private static TimeZoneInfo London => Evenhand.Common.UkTime.London;

    public static DateTimeOffset Local(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, London);

    /// <summary>Parses "14:30" or "9.05"; null when it is not a time of day.</summary>
    public static TimeOnly? ParseTime(string? text)
    {
        var t = (text ?? "").Trim().Replace('.', ':');
        return TimeOnly.TryParseExact(t, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time : null;
    }

    public static DateTimeOffset ToInstant(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, London.GetUtcOffset(local)).ToUniversalTime();
    }
}
