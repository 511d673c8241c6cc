namespace Evenhand.SocialMedia.Datasets;

/// <summary>
/// Posts ready to store, as the reading thread hands them to the writing thread: the numbers in one array of rows, every
/// post's id, text and original author copied into one character array, and the topic keywords found. A batch is reused
/// once written, so an import allocates nothing per post and its memory does not grow with the file.
/// </summary>
internal sealed class PostRowBatch
{
    public const int Capacity = 1024;

    private readonly PostRow[] _rows = new PostRow[Capacity];
    private readonly List<(int Seq, string Keyword)> _keywords = [];
    private char[] _chars = new char[Capacity * 256];
    private int _count, _charCount;

    public int Count => _count;

    public bool IsFull => _count == Capacity;

    public ReadOnlySpan<PostRow> Rows => _rows.AsSpan(0, _count);

    /// <summary>The topic keywords of this batch's posts (by sequence number), in the order found.</summary>
    public IReadOnlyList<(int Seq, string Keyword)> Keywords => _keywords;

    public void Add(in PostView view, int seq, int accountRowId, bool nonOperational, int topics)
    {
        var postId = Copy(view.PostId);
        var text = Copy(view.Text);
        var author = view.OriginalAuthor.IsEmpty ? new CharRange(0, -1) : Copy(view.OriginalAuthor);
        _rows[_count++] = new PostRow(seq, accountRowId, postId, view.PostedAt, text, view.Likes, view.Reposts, view.Quotes, view.Replies,
            view.Impressions, view.IsRepost, author, view.Engagement, nonOperational, topics);
    }

    public void AddKeyword(int seq, string keyword) => _keywords.Add((seq, keyword));

    /// <summary>The characters of <paramref name="range"/> (an id, a text or an author of a row of this batch).</summary>
    public ReadOnlySpan<char> Chars(CharRange range) => _chars.AsSpan(range.Start, range.Length);

    /// <summary>The same characters as memory, for writers that take it (Npgsql writes <see cref="ReadOnlyMemory{T}"/> as text).</summary>
    public ReadOnlyMemory<char> Memory(CharRange range) => _chars.AsMemory(range.Start, range.Length);

    public void Clear()
    {
        _count = 0;
        _charCount = 0;
        _keywords.Clear();
        if (_chars.Length > Capacity * 1024)
        {
            // A batch that met some very long texts gives the room back rather than keeping it for the rest of the import.
            _chars = new char[Capacity * 256];
        }
    }

    private CharRange Copy(ReadOnlySpan<char> value)
    {
        if (_charCount + value.Length > _chars.Length)
        {
            // Rows already added keep their positions: the array grows, it is never compacted while the batch is filled.
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _charCount + value.Length));
        }

        var start = _charCount;
        value.CopyTo(_chars.AsSpan(start));
        _charCount += value.Length;
        return new CharRange(start, value.Length);
    }
}

/// <summary>A slice of a batch's characters; <see cref="Length"/> -1 is no value (NULL).</summary>
internal readonly record struct CharRange(int Start, int Length)
{
    public bool IsNull => Length < 0;
}

/// <summary>One post as it is stored (columns of <see cref="SocialPost"/>, less the dataset id, which the writer knows).</summary>
internal readonly record struct PostRow(int Seq, int AccountRowId, CharRange PostId, DateTimeOffset PostedAt, CharRange Text,
    long Likes, long Reposts, long Quotes, long Replies, long? Impressions, bool IsRepost, CharRange OriginalAuthor,
    long Engagement, bool NonOperational, int Topics);
