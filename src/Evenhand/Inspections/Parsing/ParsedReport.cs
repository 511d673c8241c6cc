namespace Evenhand.Inspections.Parsing;

/// <summary>What the report parser found in an inspection report, ready to be previewed and imported.</summary>
public sealed record ParsedReport(string Title, DateOnly? Published, IReadOnlyList<ParsedRecommendation> Recommendations)
{
    /// <summary>Things worth checking before importing, such as a recommendation worded differently in two places or a gap in the numbering.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

/// <summary>One recommendation as the report states it.</summary>
/// <param name="Number">The report's own number for it.</param>
/// <param name="Text">The full wording, paragraphs separated by a blank line and bullet points as lines starting with "- ".</param>
/// <param name="Chapter">The chapter it is made in (for example "2. Systemic issues"), or null when it appears only outside the chapters.</param>
/// <param name="DueDate">A fixed deadline ("By 31 July 2025"), or one counted from the publication date when the report gives it ("within three months").</param>
/// <param name="DueRule">A deadline relative to an event ("Within six months of …"); for one that runs from publication, <see cref="DueRule.FromPublication"/> is set and <paramref name="DueDate"/> holds the resolved date when the publication date is known.</param>
/// <param name="Addressees">The bodies it is addressed to, in canonical form, in the order the text names them.</param>
/// <param name="AppliesToForces">True when forces, chief constables or chief officers are among its addressees, alone or beside other bodies, so every force must act on it and every local policing body must answer it under s.55(5B).</param>
public sealed record ParsedRecommendation(
    int Number,
    string Text,
    string? Chapter,
    DateOnly? DueDate,
    DueRule? DueRule,
    IReadOnlyList<string> Addressees,
    bool AppliesToForces)
{
    /// <summary>How the due date was worked out when the report did not give one outright ("'Immediately' was taken as the publication date, …"), or why it could not be.</summary>
    public string? DueNote { get; init; }
}

/// <summary>A deadline that runs from an event: <paramref name="Months"/> months after <paramref name="Event"/> happens.</summary>
/// <param name="Months">The length of the period in months.</param>
/// <param name="Event">The event that starts it, in the present tense ("College of Policing updates its … practice").</param>
/// <param name="Description">The phrase as the report writes it.</param>
public sealed record DueRule(int Months, string Event, string Description)
{
    /// <summary>
    /// True when the period runs from the report's own publication ("within three months", "within 12 months of the
    /// publication of this report", "immediately" = 0 months): the due date follows from the publication date, so an
    /// import resolves it from the date it is given instead of waiting for an event to be recorded.
    /// </summary>
    public bool FromPublication { get; init; }
}
