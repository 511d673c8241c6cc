namespace Evenhand.Common;

/// <summary>UK local time: deadlines, review and retention dates and calendar months are UK dates; instants are stored in UTC.</summary>
public static class UkTime
{
    public static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>The UK calendar date of an instant.</summary>
    public static DateOnly Date(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, London).DateTime);

    /// <summary>The UK local time of an instant.</summary>
    public static DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, London);

    /// <summary>Today's UK date by this clock: the one way to ask for "today" (never <c>DateTime.Today</c>, which is the server's zone).</summary>
    public static DateOnly Today(this TimeProvider time) => Date(time.GetUtcNow());
}
