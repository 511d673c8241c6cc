namespace Evenhand.SocialMedia;

/// <summary>A posts or accounts file (or a lexicon or vector file) could not be used. The message names the file, line and column.</summary>
public sealed class SocialImportException(string message, IReadOnlyList<RowProblem>? problems = null) : Exception(message)
{
    /// <summary>Every bad row, when the file was refused because of bad rows (strict mode).</summary>
    public IReadOnlyList<RowProblem> Problems { get; } = problems ?? [];

    /// <summary>True when the database failed rather than the file: trying again later may succeed.</summary>
    public bool IsTransient { get; init; }
}

/// <summary>One bad row: the file, its 1-based line number (the header is line 1), and what was wrong.</summary>
public sealed record RowProblem(string File, long Line, string Message)
{
    public override string ToString() => $"{File} line {Line}: {Message}";
}
