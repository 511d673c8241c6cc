using System.Globalization;
using Evenhand.Common;

namespace Evenhand.Tests.Infrastructure;

/// <summary>
/// "Now" and "today" for tests: the clock the app under test reads (Program registers <see cref="TimeProvider.System"/>),
/// which is the real one, or the shifted one <c>tests/at-date</c> gives the whole test process. A date a test types into a
/// form or stores is counted from <see cref="Today"/> (a few days ago, next week), never a fixed day of the current year,
/// so the test means the same on 1 January as on 30 June.
/// </summary>
public static class TestClock
{
    public static TimeProvider Time => TimeProvider.System;

    public static DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>Today in the UK, as the app decides it (a date typed in a form is a UK date).</summary>
    public static DateOnly Today => UkTime.Date(Now);

    public static DateOnly DaysAgo(int days) => Today.AddDays(-days);

    /// <summary>Who did it and when, for a service call made by a test.</summary>
    public static ProcessContext Context(string userName = "Test", string? reason = null) => new("test", userName, Now, reason);

    /// <summary>The three fields of a GOV.UK date input named <paramref name="name"/> (empty when <paramref name="date"/> is null).</summary>
    public static IEnumerable<KeyValuePair<string, string?>> DateFields(string name, DateOnly? date) =>
    [
        new($"{name}.Day", date?.Day.ToString(CultureInfo.InvariantCulture) ?? ""),
        new($"{name}.Month", date?.Month.ToString(CultureInfo.InvariantCulture) ?? ""),
        new($"{name}.Year", date?.Year.ToString(CultureInfo.InvariantCulture) ?? ""),
    ];

    /// <summary>Adds (or replaces) a date input's three fields in a form.</summary>
    public static Dictionary<string, string?> WithDate(this Dictionary<string, string?> fields, string name, DateOnly? date)
    {
        foreach (var (key, value) in DateFields(name, date))
        {
            fields[key] = value;
        }

        return fields;
    }
}
