using System.Buffers;
using System.Globalization;
using System.Numerics.Tensors;
using System.Text;

namespace Evenhand.SocialMedia;

/// <summary>
/// Pre-trained word vectors in the standard text format shared by GloVe, word2vec and fastText (.vec): one word per line
/// followed by its numbers, separated by spaces, with an optional first line "word-count dimensions". Vectors are stored
/// unit-length, so the cosine similarity of two words is their dot product.
/// </summary>
public sealed class WordVectors
{
    private readonly float[] _values;
    private readonly Dictionary<string, int> _index;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private WordVectors(string source, int dimensions, float[] values, Dictionary<string, int> index)
    {
        Source = source;
        Dimensions = dimensions;
        _values = values;
        _index = index;
        _lookup = index.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Source { get; }

    public int Dimensions { get; }

    public int Count => _index.Count;

    /// <summary>The unit vector of <paramref name="word"/> (lower case), or an empty span when the word is not in the file.</summary>
    public ReadOnlySpan<float> Get(ReadOnlySpan<char> word) =>
        _lookup.TryGetValue(word, out var i) ? _values.AsSpan(i * Dimensions, Dimensions) : default;

    public static WordVectors Load(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        return Load(stream, Path.GetFileName(path));
    }

    /// <summary>
    /// Reads a vector file in blocks of lines, parsing the numbers of each block on all cores. Words are lower-cased (as
    /// post tokens are); when two lines give the same word the first is kept. A line with the wrong number of values, or a
    /// value that is not a number, refuses the file with its line number.
    /// </summary>
    public static WordVectors Load(Stream stream, string source)
    {
        const int blockBytes = 8 << 20;
        var buffer = ArrayPool<byte>.Shared.Rent(blockBytes + (1 << 16));
        try
        {
            var filled = 0;
            var lineNumber = 0L;
            var dimensions = -1;
            var words = new Dictionary<string, int>(StringComparer.Ordinal);
            var values = new List<float[]>();
            var eof = false;
            var carry = 0;
            while (!eof)
            {
                filled = carry;
                while (filled < blockBytes)
                {
                    var read = stream.Read(buffer, filled, Math.Min(buffer.Length - filled, blockBytes - filled + (1 << 16)));
                    if (read == 0)
                    {
                        eof = true;
                        break;
                    }

                    filled += read;
                }

                var end = eof ? filled : Array.LastIndexOf(buffer, (byte)'\n', filled - 1, filled) + 1;
                if (end <= 0)
                {
                    if (filled >= buffer.Length)
                    {
                        throw new SocialImportException($"{source} line {lineNumber + 1}: the line is longer than {buffer.Length / 1024} KB, which no word vector needs.");
                    }

                    end = filled;
                    eof = true;
                }

                var lines = SplitLines(buffer.AsSpan(0, end));
                var start = 0;
                if (lineNumber == 0 && lines.Count > 0 && TryHeader(buffer.AsSpan(lines[0].Start, lines[0].Length), out var headerDims))
                {
                    dimensions = headerDims;
                    start = 1;
                }

                if (dimensions < 0)
                {
                    // GloVe files have no header line: the first line says how many numbers follow each word.
                    for (var i = start; i < lines.Count && dimensions < 0; i++)
                    {
                        var first = buffer.AsSpan(lines[i].Start, lines[i].Length).Trim((byte)' ');
                        if (!first.IsEmpty)
                        {
                            dimensions = first.Count((byte)' ') - CountDoubleSpaces(first);
                        }
                    }
                }

                if (dimensions is <= 0 or > 4096)
                {
                    if (lines.Count - start == 0 && eof && lineNumber == 0)
                    {
                        break;
                    }

                    throw new SocialImportException($"{source} does not look like a word vector file: expected lines of a word followed by its numbers, separated by spaces.");
                }

                ParseBlock(buffer, lines, start, dimensions, lineNumber, source, words, values);
                lineNumber += lines.Count;
                carry = filled - end;
                Buffer.BlockCopy(buffer, end, buffer, 0, carry);
            }

            if (words.Count == 0)
            {
                throw new SocialImportException($"{source} has no word vectors.");
            }

            var flat = new float[words.Count * dimensions];
            var offset = 0;
            foreach (var block in values)
            {
                block.CopyTo(flat, offset);
                offset += block.Length;
            }

            return new WordVectors(source, dimensions, flat, words);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Builds vectors from words and values directly (tests, and vectors already in memory).</summary>
    public static WordVectors FromWords(IReadOnlyDictionary<string, float[]> vectors, string source = "in memory")
    {
        var dimensions = vectors.Values.First().Length;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var flat = new float[vectors.Count * dimensions];
        foreach (var (word, vector) in vectors)
        {
            if (vector.Length != dimensions)
            {
                throw new ArgumentException($"'{word}' has {vector.Length} values, not {dimensions}.", nameof(vectors));
            }

            var i = index.Count;
            index.Add(word.ToLowerInvariant(), i);
            vector.CopyTo(flat, i * dimensions);
            Normalise(flat.AsSpan(i * dimensions, dimensions));
        }

        return new WordVectors(source, dimensions, flat, index);
    }

    private static void ParseBlock(byte[] buffer, List<(int Start, int Length)> lines, int start, int dimensions, long firstLine, string source,
        Dictionary<string, int> words, List<float[]> values)
    {
        var count = lines.Count - start;
        var parsed = new float[count * dimensions];
        var names = new string?[count];
        var errors = new string?[count];
        Parallel.For(0, Environment.ProcessorCount, worker =>
        {
            for (var i = worker; i < count; i += Environment.ProcessorCount)
            {
                var (s, l) = lines[start + i];
                errors[i] = ParseLine(buffer.AsSpan(s, l), parsed.AsSpan(i * dimensions, dimensions), out names[i]);
            }
        });

        var kept = new float[count * dimensions];
        var k = 0;
        for (var i = 0; i < count; i++)
        {
            if (errors[i] is { } error)
            {
                throw new SocialImportException($"{source} line {firstLine + start + i + 1}: {error} (expected a word and {dimensions} numbers).");
            }

            if (names[i] is { } name && words.TryAdd(name, words.Count))
            {
                parsed.AsSpan(i * dimensions, dimensions).CopyTo(kept.AsSpan(k * dimensions, dimensions));
                k++;
            }
        }

        values.Add(k == count ? kept : kept[..(k * dimensions)]);
    }

    // Parses "word v1 v2 … vD" into the span and normalises it; returns an error message, or null. Blank lines give no word.
    private static string? ParseLine(ReadOnlySpan<byte> line, Span<float> into, out string? word)
    {
        word = null;
        line = line.TrimEnd((byte)'\r').Trim((byte)' ');
        if (line.IsEmpty)
        {
            return null;
        }

        var space = line.IndexOf((byte)' ');
        if (space <= 0)
        {
            return "the line has a word but no numbers";
        }

        var rest = line[(space + 1)..];
        for (var d = 0; d < into.Length; d++)
        {
            rest = rest.TrimStart((byte)' ');
            var next = rest.IndexOf((byte)' ');
            var number = next < 0 ? rest : rest[..next];
            if (number.IsEmpty)
            {
                return $"found {d} numbers";
            }

            if (!float.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out into[d]) || !float.IsFinite(into[d]))
            {
                return $"value {d + 1} '{Encoding.UTF8.GetString(number[..Math.Min(number.Length, 20)])}' is not a number";
            }

            rest = next < 0 ? default : rest[(next + 1)..];
        }

        if (!rest.Trim((byte)' ').IsEmpty)
        {
            return "the line has more numbers than the others";
        }

        word = Encoding.UTF8.GetString(line[..space]).ToLowerInvariant();
        Normalise(into);
        return null;
    }

    private static void Normalise(Span<float> vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }
    }

    private static bool TryHeader(ReadOnlySpan<byte> line, out int dimensions)
    {
        dimensions = 0;
        line = line.TrimEnd((byte)'\r').Trim((byte)' ');
        var space = line.IndexOf((byte)' ');
        return space > 0 && line[(space + 1)..].IndexOf((byte)' ') < 0
            && long.TryParse(line[..space], NumberStyles.None, CultureInfo.InvariantCulture, out _)
            && int.TryParse(line[(space + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out dimensions) && dimensions > 0;
    }

    private static int CountDoubleSpaces(ReadOnlySpan<byte> line)
    {
        var n = 0;
        for (var i = 1; i < line.Length; i++)
        {
            if (line[i] == ' ' && line[i - 1] == ' ')
            {
                n++;
            }
        }

        return n;
    }

    private static List<(int Start, int Length)> SplitLines(ReadOnlySpan<byte> block)
    {
        var lines = new List<(int, int)>(block.Length / 400 + 16);
        var start = 0;
        while (start < block.Length)
        {
            var nl = block[start..].IndexOf((byte)'\n');
            var length = nl < 0 ? block.Length - start : nl;
            lines.Add((start, length));
            start += length + 1;
        }

        return lines;
    }
}
