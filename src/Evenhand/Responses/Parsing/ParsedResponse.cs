namespace Evenhand.Responses.Parsing;

/// <summary>What the response parser found in a PCC's published response to an inspection.</summary>
/// <param name="ForceSlug">The force the document is about, recognised from the force and local policing body names it uses; null if none.</param>
/// <param name="Responses">The answers found, in document order.</param>
/// <param name="Missing">Numbers of recommendations addressed to forces that the document does not answer.</param>
public sealed record ParsedResponse(string? ForceSlug, IReadOnlyList<ParsedResponseItem> Responses, IReadOnlyList<int> Missing)
{
    /// <summary>Things worth checking before importing, such as answers given collectively rather than one by one.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>
    /// The local policing body's own comments on the report (s.55(5)): the text under a heading such as "Comment by the PCC",
    /// "Commissioner's comments" or "Police and Crime Commissioner's response"; null when the document has no such section.
    /// </summary>
    public string? BodyComments { get; init; }

    /// <summary>The chief officer's comments (s.55(5)(b)): under "Chief Constable's comments", "Response from: … Constabulary" and the like.</summary>
    public string? ChiefOfficerComments { get; init; }

    /// <summary>The body's response to the chief officer's comments (s.55(5)(c)): under "Response to the Chief Constable's comments".</summary>
    public string? ResponseToChiefOfficer { get; init; }
}

/// <summary>One answer in the document and the recommendation(s) it answers (more than one when they are answered together).</summary>
/// <param name="Recommendations">The numbers of the recommendations answered, in ascending order.</param>
/// <param name="Text">The document's own words in answer, without the recommendation text it quotes.</param>
public sealed record ParsedResponseItem(IReadOnlyList<int> Recommendations, string Text)
{
    /// <summary>Where the match came from: see <see cref="MatchSource"/>.</summary>
    public string Source { get; init; } = MatchSource.Heading;

    /// <summary>How sure the parser is of the match, from 0 to 1 (see <see cref="MatchSource"/> for the values).</summary>
    public double Confidence { get; init; } = 1;
}

/// <summary>
/// How an answer was tied to its recommendations, and the confidence each way earns. A number the document states in a
/// heading, a short tag ("R9 –") or a table's number column is what the author meant (0.95); a paragraph opening "In response
/// to recommendation 10 and 22, …" is prose but explicit (0.9); a number in running prose that the sentence answers ("We have,
/// as recommendation 12 asks, …", "Recommendation 12 has been implemented") is 0.8; "This also answers recommendations 16 to
/// 18", which lends an answer written for another recommendation, is 0.75. A quotation of the recommendation's words scores
/// its share of the recommendation's words found in order (the quote matcher's coverage, at most 0.95), and a document that
/// numbers a recommendation but quotes another's words is trusted for the words, at 0.7; a quoted or paraphrased fragment
/// (a heading, a phrase in quotation marks) scores from 0.5 at the fragment matcher's threshold to 0.9 (see
/// <see cref="FragmentMatcher"/>); recommendations answered together by one section are 0.5, since the section's text is
/// used whole for each.
/// </summary>
public static class MatchSource
{
    public const string Heading = "heading";
    public const string Prose = "prose";
    public const string Table = "table";
    public const string Quote = "quote";
}
