using System.Collections.Concurrent;
using System.Threading.Channels;
using Evenhand.Common;
using Evenhand.SocialMedia;
using Evenhand.SocialMedia.Datasets;

namespace Evenhand.Web.SocialMedia;

/// <summary>Settings of the social media import (section "SocialMedia" of the configuration).</summary>
public sealed class SocialMediaOptions
{
    public const string Section = "SocialMedia";

    /// <summary>The largest posts or accounts file the web upload accepts, in megabytes. Larger exports: <c>evenhand social import</c>.</summary>
    public int MaxUploadMegabytes { get; set; } = 256;

    /// <summary>Posts files up to this size are imported while the user waits; larger ones in the background, with a progress page.</summary>
    public int InlineImportMegabytes { get; set; } = 4;

    /// <summary>Word vectors (GloVe / word2vec / fastText text format) for the semantic stage; keyword-only when not set.</summary>
    public string? VectorsPath { get; set; }

    /// <summary>Where uploads wait for their import; the system temp folder by default.</summary>
    public string? StagingDirectory { get; set; }

    public long MaxUploadBytes => MaxUploadMegabytes * 1024L * 1024L;

    /// <summary>The request limit of the upload page: room for two files at the limit, so an oversized file still reaches the page and gets a clear message.</summary>
    public long MaxRequestBytes => (2 * MaxUploadBytes) + (1024 * 1024);
}

/// <summary>An uploaded dataset waiting for its import: the dataset row and the staged files.</summary>
public sealed record SocialImportJob(int DatasetId, string AccountsPath, string PostsPath, ProcessContext Context);

/// <summary>How far each running import has got (bytes of the posts file read, and its length).</summary>
public sealed class SocialImportProgress
{
    private readonly ConcurrentDictionary<int, (long Read, long Length)> _running = new();

    public void Report(int datasetId, long read, long length) => _running[datasetId] = (read, length);

    public void Finish(int datasetId) => _running.TryRemove(datasetId, out _);

    /// <summary>The share read so far (0 to 1), or null when the dataset is not being imported by this server.</summary>
    public double? Fraction(int datasetId) => _running.TryGetValue(datasetId, out var p) && p.Length > 0 ? Math.Min(1, (double)p.Read / p.Length) : null;
}

/// <summary>The word vectors named by <see cref="SocialMediaOptions.VectorsPath"/>, loaded once on first use.</summary>
public sealed class SocialVectors(Microsoft.Extensions.Options.IOptions<SocialMediaOptions> options)
{
    private readonly Lazy<WordVectors?> _vectors = new(() => options.Value.VectorsPath is { Length: > 0 } path ? WordVectors.Load(path) : null);

    public WordVectors? Get() => _vectors.Value;
}

/// <summary>
/// Runs dataset imports: small uploads at once (<see cref="ImportNowAsync"/>), large ones one at a time in the background
/// (<see cref="Enqueue"/>), reporting progress to <see cref="SocialImportProgress"/>. Staged files are removed afterwards.
/// </summary>
public sealed class SocialImportRunner(IServiceScopeFactory scopes, SocialImportProgress progress, SocialVectors vectors, ILogger<SocialImportRunner> log)
    : BackgroundService
{
    private readonly Channel<SocialImportJob> _jobs = Channel.CreateUnbounded<SocialImportJob>();

    public void Enqueue(SocialImportJob job)
    {
        progress.Report(job.DatasetId, 0, 1);
        _jobs.Writer.TryWrite(job);
    }

    public async Task ImportNowAsync(SocialImportJob job, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await RunAsync(scope.ServiceProvider, job, ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var job in _jobs.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await RunAsync(scope.ServiceProvider, job, stoppingToken);
            }
            catch (SocialImportException ex)
            {
                log.LogInformation("Social media dataset {Id} was refused: {Message}", job.DatasetId, ex.Message);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "Social media dataset {Id} failed to import", job.DatasetId);
            }
        }
    }

    private async Task RunAsync(IServiceProvider services, SocialImportJob job, CancellationToken ct)
    {
        var service = services.GetRequiredService<SocialDatasetService>();
        try
        {
            var files = DatasetFiles.FromPaths(job.AccountsPath, job.PostsPath);
            await service.ImportAsync(job.DatasetId, files, job.Context, vectors.Get(),
                new InlineProgress<(long Read, long Length)>(p => progress.Report(job.DatasetId, p.Read, p.Length)), ct);
        }
        finally
        {
            progress.Finish(job.DatasetId);
            TryDelete(job.AccountsPath);
            TryDelete(job.PostsPath);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A staged file that cannot be removed now is left for the temp folder's own clean-up.
        }
    }
}
