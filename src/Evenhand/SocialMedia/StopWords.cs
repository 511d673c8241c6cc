namespace Evenhand.SocialMedia;

/// <summary>
/// Common English words left out of a post's embedding: in averaged word vectors they pull every post towards the same point
/// and so make every cosine similarity high.
/// </summary>
public static class StopWords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been", "before", "but", "by",
        "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he", "her", "here", "him", "his", "how", "i",
        "if", "in", "into", "is", "it", "its", "just", "me", "more", "my", "no", "not", "now", "of", "on", "or", "our", "out",
        "over", "she", "so", "some", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "to",
        "today", "up", "us", "was", "we", "were", "what", "when", "where", "which", "who", "will", "with", "would", "you", "your",
        "rt", "amp",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool Contains(ReadOnlySpan<char> token) => Lookup.Contains(token);
}
