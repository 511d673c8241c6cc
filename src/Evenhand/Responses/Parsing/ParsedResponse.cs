namespace Evenhand.Responses.Parsing;

/// <summary>What the response parser found in a PCC's published response to an inspection.</summary>
/// <param name="ForceSlug">The force the document is about, recognised from the force and local policing body names it uses; null if none.</param>
/// <param name="Responses">The answers found, in document order.</param>
/// <param name="Missing">Numbers of recommendations addressed to forces that the document does not answer.</param>
public sealed record ParsedResponse(string? ForceSlug, IReadOnlyList<ParsedResponseItem> Responses, IReadOnlyList<int> Missing)
{
    /// <summary>Things worth checking before importing, such as answers given collectively rather than one by one.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
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
/// to recommendation 10 and 22, …" is prose but explicit (0.9); another number in running prose may be a passing mention (0.8); a quotation of the recommendation's words scores its share of the recommendation's words found in order (the
/// quote matcher's coverage, at most 0.95), and a document that numbers a recommendation but quotes another's words is
/// trusted for the words, at 0.7; recommendations answered together by one section are 0.5, since the section's text is
/// used whole for each.
/// </summary>
public static class MatchSource
{
    public const string Heading = "heading";
    public const string Prose = "prose";
    public const string Table = "table";
    public const string Quote = "quote";
}
