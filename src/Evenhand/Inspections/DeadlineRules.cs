namespace Evenhand.Inspections;

/// <summary>Deadline arithmetic for recommendations.</summary>
public static class DeadlineRules
{
    /// <summary>
    /// A fixed date wins; otherwise a relative rule ("within six months of the College of Policing updating its APP")
    /// yields a date only once its trigger event is recorded. AddMonths clamps to month end (31 Aug + 6 months = 28/29 Feb).
    /// </summary>
    public static DateOnly? DueDate(DateOnly? fixedDate, int? monthsAfterEvent, DateOnly? eventOn) =>
        fixedDate ?? (monthsAfterEvent is { } m && eventOn is { } e ? e.AddMonths(m) : null);

    public static bool IsOverdue(DateOnly? dueDate, DateOnly today, bool complete) =>
        !complete && dueDate is { } d && today > d;
}

/// <summary>Section 55 Police Act 1996 (as amended by s.37 Policing and Crime Act 2017).</summary>
public static class Section55Rules
{
    /// <summary>Comments must be published within 56 days of the report's publication (s.55(5)).</summary>
    public const int DaysToPublish = 56;

    public static DateOnly DueDate(DateOnly reportPublishedOn) => reportPublishedOn.AddDays(DaysToPublish);
}
