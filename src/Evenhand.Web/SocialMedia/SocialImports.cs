using System.Globalization;
using Evenhand.Common;
using Evenhand.Data;
using Evenhand.Importing;
using Evenhand.SocialMedia;
using Evenhand.SocialMedia.Datasets;
using Evenhand.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

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

    public long MaxUploadBytes => MaxUploadMegabytes * 1024L * 1024L;

    /// <summary>The request limit of the upload page: room for two files at the limit, so an oversized file still reaches the page and gets a clear message.</summary>
    public long MaxRequestBytes => (2 * MaxUploadBytes) + (1024 * 1024);
}

/// <summary>The word vectors named by <see cref="SocialMediaOptions.VectorsPath"/>, loaded once on first use.</summary>
public sealed class SocialVectors(IOptions<SocialMediaOptions> options)
{
    private readonly Lazy<WordVectors?> _vectors = new(() => options.Value.VectorsPath is { Length: > 0 } path ? WordVectors.Load(path) : null);

    public WordVectors? Get() => _vectors.Value;
}

/// <summary>
/// How far a background import has got, readable from every server. On PostgreSQL it is written to the dataset's row from
/// outside the import's transaction. On SQLite the import's transaction holds the database's only write lock until it commits,
/// so nothing else can be written there meanwhile: the figure goes to a small file beside the database file instead (every
/// process using a SQLite database shares its folder).
/// </summary>
public sealed class ImportProgressStore(IServiceScopeFactory scopes, DatabaseProvider provider, string? sqlitePath, ILogger<ImportProgressStore> log)
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    private string? Folder => provider == DatabaseProvider.Sqlite && sqlitePath is { Length: > 0 } ? sqlitePath + ".import-progress" : null;

    /// <summary>A reporter for the import of <paramref name="datasetId"/> that writes at most twice a second, never blocking the import.</summary>
    public Reporter For(int datasetId) => new(this, datasetId);

    /// <summary>The share of the posts file read (0 to 1), or null when not known.</summary>
    public double? Fraction(SocialDataset dataset)
    {
        var (read, total) = (dataset.ProgressBytes, dataset.ProgressTotal);
        if (Folder is { } folder)
        {
            try
            {
                var parts = File.ReadAllText(Path.Combine(folder, $"{dataset.Id}.txt")).Split(' ');
                (read, total) = (long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture));
            }
            catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException or UnauthorizedAccessException)
            {
                return null;
            }
        }

        return total > 0 ? Math.Min(1, (double)read / total) : null;
    }

    public void Clear(int datasetId)
    {
        if (Folder is { } folder)
        {
            File.Delete(Path.Combine(folder, $"{datasetId}.txt"));
        }
    }

    private async Task WriteAsync(int datasetId, long read, long total)
    {
        try
        {
            if (Folder is { } folder)
            {
                Directory.CreateDirectory(folder);
                var path = Path.Combine(folder, $"{datasetId}.txt");
                var temp = path + "." + Guid.NewGuid().ToString("N");
                await File.WriteAllTextAsync(temp, string.Create(CultureInfo.InvariantCulture, $"{read} {total}"));
                File.Move(temp, path, overwrite: true);
                return;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EvenhandDbContext>();
            await db.SocialDatasets.Where(d => d.Id == datasetId)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.ProgressBytes, read).SetProperty(d => d.ProgressTotal, total));
        }
        catch (Exception e)
        {
            log.LogDebug(e, "Could not record the progress of dataset {Id}", datasetId);
        }
    }

    /// <summary>Passes the import's progress on, at most every half second, one write at a time.</summary>
    public sealed class Reporter(ImportProgressStore store, int datasetId) : IProgress<(long Read, long Length)>, IAsyncDisposable
    {
        private long _lastTicks = Environment.TickCount64 - (long)Interval.TotalMilliseconds;
        private Task _writing = Task.CompletedTask;

        public void Report((long Read, long Length) value)
        {
            var now = Environment.TickCount64;
            if (now - _lastTicks < Interval.TotalMilliseconds || !_writing.IsCompleted)
            {
                return;
            }

            _lastTicks = now;
            _writing = Task.Run(() => store.WriteAsync(datasetId, value.Read, value.Length));
        }

        public async ValueTask DisposeAsync() => await _writing;
    }
}

/// <summary>Queues a dataset's import on the job engine: a trigger of <see cref="SocialImportJob"/> in the shared job store.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "It queues imports on the job engine; the name says what it does.")]
public sealed class SocialImportQueue(ISchedulerFactory schedulers)
{
    public async Task EnqueueAsync(int datasetId, ProcessContext ctx, CancellationToken ct = default)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var trigger = TriggerBuilder.Create()
            .WithIdentity($"social-import-{datasetId}", "imports")
            .ForJob(SocialImportJob.Key)
            .UsingJobData(SocialImportJob.DatasetIdKey, datasetId.ToString(CultureInfo.InvariantCulture))
            .UsingJobData(JobRunRecorder.SubjectKey, $"dataset {datasetId}")
            .UsingJobData(SocialImportJob.UserIdKey, ctx.UserId)
            .UsingJobData(SocialImportJob.UserNameKey, ctx.UserName)
            .StartNow()
            .Build();
        await scheduler.ScheduleJob(trigger, new ScheduleJobOptions { Replace = true }, ct);
    }
}

/// <summary>
/// Imports one queued dataset from the uploads staged in the database, on whichever server the job engine picks. One import
/// at a time across all servers (<see cref="DisallowConcurrentExecutionAttribute"/>). The job requests recovery: if its
/// server dies mid-import, the import's transaction was never committed, so nothing of it is stored, and the engine runs the
/// job again — on another server of the cluster once the dead one misses its check-ins, or on the same one when it restarts —
/// which imports the dataset from the beginning. A failure of the database is tried again with back-off; a refused file is
/// not (the dataset says why). Progress goes to <see cref="ImportProgressStore"/>, so any server's dataset page shows it.
/// </summary>
[DisallowConcurrentExecution]
public sealed class SocialImportJob(
    EvenhandDbContext db,
    SocialDatasetService datasets,
    UploadStaging uploads,
    SocialVectors vectors,
    ImportProgressStore progress,
    IOptions<BackgroundWorkOptions> options,
    TimeProvider time,
    ILogger<SocialImportJob> log) : IJob
{
    public static readonly JobKey Key = new("social-import", "evenhand");
    public const string DatasetIdKey = "datasetId";
    public const string UserIdKey = "userId";
    public const string UserNameKey = "userName";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        var data = context.MergedJobDataMap;
        var datasetId = int.Parse(data.GetString(DatasetIdKey) ?? "0", CultureInfo.InvariantCulture);
        var ctx = new ProcessContext(data.GetString(UserIdKey) ?? "system", data.GetString(UserNameKey) ?? "Evenhand (system)", time.GetUtcNow(), "Background import");
        var dataset = await db.SocialDatasets.AsNoTracking().SingleOrDefaultAsync(d => d.Id == datasetId, cancellationToken);
        if (dataset is null || dataset.Status is not (DatasetStatus.Queued or DatasetStatus.Importing))
        {
            context.Result = dataset is null ? "The dataset was deleted." : $"Nothing to do: the dataset is {dataset.Status.ToString().ToLowerInvariant()}.";
            return;
        }

        if (context.Recovering || dataset.Status == DatasetStatus.Importing)
        {
            log.LogWarning("Dataset {Id} was left unfinished by a server that stopped; importing it again from the start", datasetId);
        }

        var folder = Path.Combine(Path.GetTempPath(), $"evenhand-import-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var accountsPath = Path.Combine(folder, "accounts");
            var postsPath = Path.Combine(folder, "posts");
            if (dataset.AccountsUploadId is not { } accountsUpload || dataset.PostsUploadId is not { } postsUpload
                || !await uploads.CopyToFileAsync(accountsUpload, accountsPath, cancellationToken)
                || !await uploads.CopyToFileAsync(postsUpload, postsPath, cancellationToken))
            {
                await datasets.FailAsync(datasetId, "The uploaded files are no longer on the server. Nothing of this dataset was stored: delete it and upload the files again.", ctx, CancellationToken.None);
                context.Result = "The uploaded files were missing.";
                return;
            }

            await using (var reporter = progress.For(datasetId))
            {
                await datasets.ImportAsync(datasetId, DatasetFiles.FromPaths(accountsPath, postsPath), ctx, vectors.Get(), reporter, byJobEngine: true, ct: cancellationToken);
            }

            await DiscardUploadsAsync(dataset);
            context.Result = $"Imported dataset {datasetId}.";
        }
        catch (SocialImportException e) when (!e.IsTransient)
        {
            // The file was refused: the dataset says why, and trying again would give the same answer.
            await DiscardUploadsAsync(dataset);
            context.Result = "Refused: " + e.Message;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && options.Value.Store == JobStoreKind.Memory)
        {
            // An in-memory job store forgets the job when this server stops, so nothing would run it again.
            await datasets.FailAsync(datasetId, "The import was stopped because the server stopped. Nothing of it was stored: delete this dataset and upload the files again.", ctx, CancellationToken.None);
            await DiscardUploadsAsync(dataset);
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            if (JobRetry.NextTryIfThisFails(context) is { } at)
            {
                await datasets.RequeueAsync(datasetId, $"Try {JobRetry.Attempt(context)} failed ({e.Message}). It will be tried again at {at:HH:mm:ss} UTC.", CancellationToken.None);
            }
            else
            {
                await datasets.FailAsync(datasetId, $"The import failed {JobRetry.Attempt(context)} times; the last time: {e.Message} Nothing of it was stored.", ctx, CancellationToken.None);
                await DiscardUploadsAsync(dataset);
            }

            log.LogError(e, "Importing dataset {Id} failed", datasetId);
            throw new JobExecutionException(e.Message, e);
        }
        finally
        {
            progress.Clear(datasetId);
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task DiscardUploadsAsync(SocialDataset dataset)
    {
        foreach (var id in new[] { dataset.AccountsUploadId, dataset.PostsUploadId }.OfType<Guid>())
        {
            await uploads.DeleteAsync(id, CancellationToken.None);
        }

        await db.SocialDatasets.Where(d => d.Id == dataset.Id).ExecuteUpdateAsync(u => u
            .SetProperty(d => d.AccountsUploadId, (Guid?)null)
            .SetProperty(d => d.PostsUploadId, (Guid?)null)
            .SetProperty(d => d.ProgressBytes, 0L), CancellationToken.None);
    }
}
