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
        var postsSummary = SocialFileReader.ReadPosts(postsStream, Path.GetFileName(options.PostsPath), directory,
            (in PostView post) =>
            {
                analyzer.Add(post);
            },
            readOptions with
            {
                BytesRead = new InlineProgress<long>(read =>
                {
                    ct.ThrowIfCancellationRequested();
                    progress?.Report((read, length));
                }),
            });
        return analyzer.Build(Path.GetFileName(options.PostsPath), Path.GetFileName(options.AccountsPath), postsSummary, accountSummary);
    }

    private static FileStream OpenRead(string path) =>
        new(path, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.Read, BufferSize = 1 << 16, Options = FileOptions.SequentialScan });
}
