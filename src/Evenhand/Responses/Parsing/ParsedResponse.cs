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
public sealed record ParsedResponseItem(IReadOnlyList<int> Recommendations, string Text);
