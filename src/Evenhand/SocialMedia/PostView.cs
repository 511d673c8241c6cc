namespace Evenhand.SocialMedia;

/// <summary>
/// One post as it is read, before anything is copied: the text and ids are spans over the reader's buffer and are valid only
/// during the call that receives them. <see cref="ToRow"/> copies it.
/// </summary>
public readonly ref struct PostView
{
    public required long Line { get; init; }
    public required ReadOnlySpan<char> PostId { get; init; }
    public required ReadOnlySpan<char> AccountId { get; init; }
    public required int AccountIndex { get; init; }
    public required DateTimeOffset PostedAt { get; init; }
    public required ReadOnlySpan<char> Text { get; init; }
    public required long Likes { get; init; }
    public required long Reposts { get; init; }
    public required long Quotes { get; init; }
    public required long Replies { get; init; }
    public required bool IsRepost { get; init; }
    public required ReadOnlySpan<char> OriginalAuthor { get; init; }
    public required long? Impressions { get; init; }

    public long Engagement => Likes + Reposts + Quotes + Replies;

    public SocialPostRow ToRow() => new(
        PostId.ToString(), AccountId.ToString(), PostedAt, Text.ToString(), Likes, Reposts, Quotes, Replies, IsRepost,
        OriginalAuthor.IsEmpty ? null : OriginalAuthor.ToString(), Impressions);
}

public delegate void PostHandler(in PostView post);

/// <summary>How a read went: rows seen, accepted and skipped, and the first problems (all of them up to <see cref="SocialReadOptions.MaxProblems"/>).</summary>
public sealed record SocialReadSummary(string File, long Rows, long Accepted, long ProblemCount, IReadOnlyList<RowProblem> Problems)
{
    public long Skipped => Rows - Accepted;
}

/// <summary>How to treat bad rows.</summary>
public sealed record SocialReadOptions
{
    /// <summary>When true a file with any bad row is refused as a whole (after every row has been checked, so all problems are reported).</summary>
    public bool Strict { get; init; }

    /// <summary>At most this many problems are kept with their line numbers; the rest are only counted.</summary>
    public int MaxProblems { get; init; } = 1000;

    /// <summary>Called now and then with the number of bytes read so far, for progress bars.</summary>
    public IProgress<long>? BytesRead { get; init; }
}
