using Evenhand.Common;
namespace Evenhand.SocialMedia;

/// <summary>What to analyse and how.</summary>
public sealed record SocialAnalysisOptions
{
    public required string PostsPath { get; init; }
    public required string AccountsPath { get; init; }
    public string? VectorsPath { get; init; }
    public string? LexiconPath { get; init; }
    public double Threshold { get; init; } = PostClassifier.DefaultThreshold;
    public bool Strict { get; init; }
    public int TopPosts { get; init; } = 10;
}

/// <summary>Runs the whole analysis over a posts file and an accounts file, streaming the posts.</summary>
public static class SocialAnalysis
{
    /// <param name="progress">Reports (bytes of the posts file read, its length) as the posts are read.</param>
    public static SocialAnalysisReport Run(SocialAnalysisOptions options, IProgress<(long Read, long Length)>? progress = null, CancellationToken ct = default)
    {
        var lexicon = options.LexiconPath is null ? SocialLexicon.Default : SocialLexicon.Parse(File.ReadAllText(options.LexiconPath), Path.GetFileName(options.LexiconPath));
        var readOptions = new SocialReadOptions { Strict = options.Strict };

        List<SocialAccountRow> accounts;
        SocialReadSummary accountSummary;
        using (var accountsStream = OpenRead(options.AccountsPath))
        {
            (accounts, accountSummary) = SocialFileReader.ReadAccounts(accountsStream, Path.GetFileName(options.AccountsPath), readOptions);
        }

        var vectors = options.VectorsPath is null ? null : WordVectors.Load(options.VectorsPath);
        var directory = new SocialAccountDirectory(accounts);
        var analyzer = new SocialAnalyzer(directory, new PostClassifier(lexicon, vectors, options.Threshold), options.TopPosts);
        using var postsStream = OpenRead(options.PostsPath);
        var length = postsStream.Length;
        // Two stages on two threads: this one reads and classifies posts into batches; a second counts them, in file order.
        using var pipeline = new AnalysisPipeline(analyzer);
        SocialReadSummary postsSummary;
        try
        {
            postsSummary = SocialFileReader.ReadPosts(postsStream, Path.GetFileName(options.PostsPath), directory, pipeline.Accept,
                readOptions with
                {
                    BytesRead = new InlineProgress<long>(read =>
                    {
                        ct.ThrowIfCancellationRequested();
                        progress?.Report((read, length));
                    }),
                });
        }
        finally
        {
            pipeline.Complete();
        }

        return analyzer.Build(Path.GetFileName(options.PostsPath), Path.GetFileName(options.AccountsPath), postsSummary, accountSummary);
    }

    /// <summary>Hands batches of classified posts from the reading thread to a counting thread, reusing the batches.</summary>
    private sealed class AnalysisPipeline : IDisposable
    {
        private const int BatchSize = 4096;
        private readonly SocialAnalyzer _analyzer;
        private readonly System.Collections.Concurrent.BlockingCollection<PostBatch> _full = new(boundedCapacity: 8);
        private readonly System.Collections.Concurrent.ConcurrentBag<PostBatch> _free = [];
        private readonly Task _counting;
        private PostBatch _current = new(BatchSize);

        public AnalysisPipeline(SocialAnalyzer analyzer)
        {
            _analyzer = analyzer;
            _counting = Task.Factory.StartNew(Count, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        public void Accept(in PostView post)
        {
            _analyzer.ClassifyInto(post, _current);
            if (_current.IsFull)
            {
                Hand();
            }
        }

        /// <summary>Sends the last batch and waits for the counting to finish (rethrowing its failure, if any).</summary>
        public void Complete()
        {
            try
            {
                Hand();
            }
            finally
            {
                _full.CompleteAdding();
                _counting.GetAwaiter().GetResult();
            }
        }

        public void Dispose() => _full.Dispose();

        private void Hand()
        {
            if (_counting.IsFaulted)
            {
                _counting.GetAwaiter().GetResult();
            }

            _full.Add(_current);
            _current = _free.TryTake(out var batch) ? batch : new PostBatch(BatchSize);
        }

        private void Count()
        {
            try
            {
                foreach (var batch in _full.GetConsumingEnumerable())
                {
                    _analyzer.Add(batch);
                    batch.Clear();
                    _free.Add(batch);
                }
            }
            catch
            {
                // Stop the reader from blocking on a full queue; Complete rethrows.
                _full.CompleteAdding();
                throw;
            }
        }
    }

    private static FileStream OpenRead(string path) =>
        new(path, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.Read, BufferSize = 1 << 16, Options = FileOptions.SequentialScan });
}
