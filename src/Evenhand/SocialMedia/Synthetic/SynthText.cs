namespace Evenhand.SocialMedia.Synthetic;

/// <summary>A growable character buffer for building rows without per-row strings. Everything is written in invariant form.</summary>
internal sealed class CharBuffer(int capacity = 1024)
{
    private char[] _chars = new char[capacity];

    public int Length { get; private set; }

    public char[] Chars => _chars;

    public ReadOnlySpan<char> Span => _chars.AsSpan(0, Length);

    public void Clear() => Length = 0;

    public void Truncate(int length) => Length = Math.Clamp(length, 0, Length);

    public void Append(char c)
    {
        if (Length == _chars.Length)
        {
            Grow(1);
        }

        _chars[Length++] = c;
    }

    public void Append(string? s) => Append(s.AsSpan());

    public void Append(ReadOnlySpan<char> s)
    {
        if (Length + s.Length > _chars.Length)
        {
            Grow(s.Length);
        }

        s.CopyTo(_chars.AsSpan(Length));
        Length += s.Length;
    }

    public void Append(long value)
    {
        if (value < 0)
        {
            Append('-');
            value = -value;
        }

        Span<char> digits = stackalloc char[20];
        var n = 0;
        do
        {
            digits[n++] = (char)('0' + (int)(value % 10));
            value /= 10;
        }
        while (value > 0);

        if (Length + n > _chars.Length)
        {
            Grow(n);
        }

        for (var i = n - 1; i >= 0; i--)
        {
            _chars[Length++] = digits[i];
        }
    }

    /// <summary>A number with exactly <paramref name="width"/> digits, zero-padded.</summary>
    public void AppendPadded(long value, int width)
    {
        Span<char> digits = stackalloc char[20];
        for (var i = width - 1; i >= 0; i--)
        {
            digits[i] = (char)('0' + (int)(value % 10));
            value /= 10;
        }

        Append(digits[..width]);
    }

    /// <summary>An ISO 8601 UTC instant to the second: 2011-03-04T10:00:00Z.</summary>
    public void AppendInstant(DateTime utc)
    {
        utc.Deconstruct(out int year, out int month, out int day);
        AppendPadded(year, 4);
        Append('-');
        AppendPadded(month, 2);
        Append('-');
        AppendPadded(day, 2);
        Append('T');
        AppendPadded(utc.Hour, 2);
        Append(':');
        AppendPadded(utc.Minute, 2);
        Append(':');
        AppendPadded(utc.Second, 2);
        Append('Z');
    }

    /// <summary>A number with four decimals ("-0.1234", "0"), for vector files.</summary>
    public void AppendFixed4(float value)
    {
        var scaled = (long)Math.Round(value * 10000.0, MidpointRounding.AwayFromZero);
        if (scaled == 0)
        {
            Append('0');
            return;
        }

        if (scaled < 0)
        {
            Append('-');
            scaled = -scaled;
        }

        Append(scaled / 10000);
        Append('.');
        AppendPadded(scaled % 10000, 4);
    }

    /// <summary>A CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF, with embedded quotes doubled.</summary>
    public void AppendCsv(ReadOnlySpan<char> field)
    {
        if (field.IndexOfAny(",\"\r\n") < 0)
        {
            Append(field);
            return;
        }

        Append('"');
        while (true)
        {
            var quote = field.IndexOf('"');
            if (quote < 0)
            {
                Append(field);
                break;
            }

            Append(field[..(quote + 1)]);
            Append('"');
            field = field[(quote + 1)..];
        }

        Append('"');
    }

    public void WriteTo(TextWriter writer) => writer.Write(_chars, 0, Length);

    public override string ToString() => new(_chars, 0, Length);

    private void Grow(int needed) => Array.Resize(ref _chars, Math.Max(_chars.Length * 2, Length + needed));
}
