using System.Text;

namespace Evenhand.SocialMedia.Synthetic;

/// <summary>What to generate: how many posts and accounts, the seed, and whether posts get an impressions column.</summary>
public sealed record SynthOptions(int Posts, int Accounts, int Seed, bool Impressions = false);

/// <summary>What was generated, and where (the paths are null when writing to writers).</summary>
public sealed record SynthSummary(int Accounts, int Posts, string? AccountsPath, string? PostsPath);

/// <summary>
/// Synthetic police social media exports shaped like the data behind the report's social media research (857,000 posts from
/// 600 accounts, January 2017 to November 2023): account types, heavy-tailed engagement, mostly operational posts with a
/// small share about gender and sexuality, race and climate activism. The same options always give byte-identical files.
/// All people and outside organisations are invented.
/// </summary>
public static class SocialSynth
{
    public const string AccountsFileName = "accounts.csv";
    public const string PostsFileName = "posts.csv";
    public const string VectorsFileName = "vectors.vec";
    public const int MinDimensions = 2;
    public const int MaxDimensions = 1000;

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes both CSVs; reports progress as the number of posts written so far (about every 8,000 rows).</summary>
    public static SynthSummary Write(SynthOptions options, TextWriter accounts, TextWriter posts, IProgress<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(posts);
        Validate(options);

        var generator = new SynthGenerator(options);
        generator.WriteAccounts(accounts);
        accounts.Flush();
        posts.Write(generator.PostsHeaderLine);
        posts.Write('\n');

        // Blocks of posts are made in parallel, a batch at a time, while the previous batch is written.
        var batchSize = Math.Clamp(Environment.ProcessorCount, 2, 8);
        var batches = (generator.ChunkCount + batchSize - 1) / batchSize;
        var capacity = (Math.Min(options.Posts, SynthGenerator.ChunkSize) * 280) + 1024;
        var sets = new[] { NewSet(batchSize, capacity), NewSet(batchSize, capacity) };
        var pending = Task.Run(() => Generate(generator, sets[0], 0, batchSize));
        for (var b = 0; b < batches; b++)
        {
            var count = pending.GetAwaiter().GetResult();
            var set = sets[b % 2];
            var next = b + 1;
            pending = next < batches ? Task.Run(() => Generate(generator, sets[next % 2], next, batchSize)) : Task.FromResult(0);
            for (var k = 0; k < count; k++)
            {
                set.Output[k].WriteTo(posts);
                progress?.Report(Math.Min(options.Posts, (long)((b * batchSize) + k + 1) * SynthGenerator.ChunkSize));
            }
        }

        pending.GetAwaiter().GetResult();
        posts.Flush();
        return new SynthSummary(generator.Accounts.Count, options.Posts, null, null);
    }

    /// <summary>Writes accounts.csv and posts.csv into <paramref name="directory"/>, creating it if needed (UTF-8 without BOM).</summary>
    public static SynthSummary WriteToDirectory(SynthOptions options, string directory, IProgress<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        Directory.CreateDirectory(directory);
        var accountsPath = Path.GetFullPath(Path.Combine(directory, AccountsFileName));
        var postsPath = Path.GetFullPath(Path.Combine(directory, PostsFileName));
        using (var accounts = Open(accountsPath))
        using (var posts = Open(postsPath))
        {
            var summary = Write(options, accounts, posts, progress);
            return summary with { AccountsPath = accountsPath, PostsPath = postsPath };
        }
    }

    /// <summary>
    /// Writes word vectors in the word2vec / fastText text format ("N D", then one word and D numbers a line) covering every
    /// word the generator's templates use, then invented filler words up to <paramref name="words"/>. Topic and operational
    /// keywords lie near their group's direction, so the semantic stage of <see cref="PostClassifier"/> separates
    /// non-operational posts from operational posts that merely mention a topic word.
    /// </summary>
    public static void WriteVectors(TextWriter output, int words, int dimensions, int seed)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfLessThan(words, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, MinDimensions);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimensions, MaxDimensions);
        SynthVectors.Write(output, words, dimensions, seed);
    }

    /// <summary>Writes vectors.vec into <paramref name="directory"/> and returns its full path.</summary>
    public static string WriteVectorsToDirectory(string directory, int words, int dimensions, int seed)
    {
        Directory.CreateDirectory(directory);
        var path = Path.GetFullPath(Path.Combine(directory, VectorsFileName));
        using var writer = Open(path);
        WriteVectors(writer, words, dimensions, seed);
        return path;
    }

    private static void Validate(SynthOptions options)
    {
        if (options.Posts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Posts, "Generate at least one post.");
        }

        if (options.Accounts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Accounts, "Generate at least one account.");
        }

        if (options.Accounts > options.Posts)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Accounts, "Every account posts at least once, so there cannot be more accounts than posts.");
        }
    }

    private static StreamWriter Open(string path) =>
        new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16), Utf8NoBom, 1 << 16);

    private sealed record BufferSet(CharBuffer[] Output, CharBuffer[] Text);

    private static BufferSet NewSet(int size, int capacity) => new(
        [.. Enumerable.Range(0, size).Select(_ => new CharBuffer(capacity))],
        [.. Enumerable.Range(0, size).Select(_ => new CharBuffer(512))]);

    private static int Generate(SynthGenerator generator, BufferSet set, int batch, int batchSize)
    {
        var first = batch * batchSize;
        var count = Math.Min(batchSize, generator.ChunkCount - first);
        Parallel.For(0, count, k =>
        {
            set.Output[k].Clear();
            generator.GenerateChunk(first + k, set.Output[k], set.Text[k]);
        });
        return count;
    }
}
