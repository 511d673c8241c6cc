namespace Evenhand.SocialMedia;

/// <summary>
/// Splits post text into lower-case words: runs of letters and digits. Everything else separates words, so "#LGBTQ+" is "lgbtq"
/// and "road-closure" is "road", "closure". Apostrophes inside a word are dropped ("don't" is "dont"). Links are skipped.
/// </summary>
public static class Tokenizer
{
    /// <summary>Calls <paramref name="onToken"/> for each word of <paramref name="text"/>, in order, with a lower-cased span valid only during the call.</summary>
    public static void ForEachToken<TState>(ReadOnlySpan<char> text, Span<char> buffer, ref TState state, TokenAction<TState> onToken)
        where TState : allows ref struct
    {
        var length = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (length == 0 && c == 'h' && IsLink(text[i..]))
            {
                while (i < text.Length && !char.IsWhiteSpace(text[i]))
                {
                    i++;
                }

                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                if (length < buffer.Length)
                {
                    buffer[length++] = char.ToLowerInvariant(c);
                }
            }
            else if (!((c == '\'' || c == '\u2019') && length > 0 && i + 1 < text.Length && char.IsLetter(text[i + 1])))
            {
                if (length > 0)
                {
                    onToken(buffer[..length], ref state);
                    length = 0;
                }
            }

            i++;
        }

        if (length > 0)
        {
            onToken(buffer[..length], ref state);
        }
    }

    /// <summary>The words of <paramref name="text"/> as strings (convenient, not for hot paths).</summary>
    public static List<string> Tokens(string text)
    {
        var list = new List<string>();
        Span<char> buffer = stackalloc char[MaxTokenLength];
        ForEachToken(text, buffer, ref list, static (token, ref l) => l.Add(token.ToString()));
        return list;
    }

    /// <summary>Longer runs are cut to this length (no keyword or vector word is this long).</summary>
    public const int MaxTokenLength = 64;

    private static bool IsLink(ReadOnlySpan<char> rest) =>
        rest.StartsWith("http://", StringComparison.Ordinal) || rest.StartsWith("https://", StringComparison.Ordinal);
}

public delegate void TokenAction<TState>(ReadOnlySpan<char> token, ref TState state)
    where TState : allows ref struct;
