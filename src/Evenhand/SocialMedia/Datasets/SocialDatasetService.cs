using Evenhand.Auditing;
using Evenhand.Common;
using Evenhand.Data;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.SocialMedia.Datasets;

/// <summary>What the user asked to import.</summary>
public sealed record DatasetUpload(string Name, int? ForceId, string AccountsFileName, string PostsFileName, bool Strict);

/// <summary>Opens the uploaded files (each call opens a fresh stream from the start).</summary>
public sealed record DatasetFiles(Func<Stream> OpenAccounts, Func<Stream> OpenPosts, long PostsLength)
{
    /// <summary>Files on disk; the posts file is read once from start to end.</summary>
    public static DatasetFiles FromPaths(string accountsPath, string postsPath) => new(
        () => File.OpenRead(accountsPath),
        () => new FileStream(postsPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan),
        new FileInfo(postsPath).Length);
}

/// <summary>
/// Imports social media datasets: accounts and posts in one transaction (nothing is half-imported), posts streamed from the
/// file into the provider's bulk path and analysed as they pass, so an 857,000-post export loads in seconds.
/// </summary>
public sealed class SocialDatasetService(EvenhandDbContext db, TimeProvider time)
{
    /// <summary>Records a dataset waiting to be imported.</summary>
    public async Task<SocialDataset> CreateAsync(DatasetUpload upload, ProcessContext ctx, CancellationToken ct = default)
    {
        if (upload.ForceId is { } forceId && !await db.Forces.AnyAsync(f => f.Id == forceId, ct))
        {
            throw new NotFoundException("There is no such force.");
        }

        var dataset = new SocialDataset
        {
            Name = SocialDataset.ValidName(upload.Name),
            ForceId = upload.ForceId,
            Status = DatasetStatus.Queued,
            AccountsFileName = Path.GetFileName(upload.AccountsFileName),
            PostsFileName = Path.GetFileName(upload.PostsFileName),
            Strict = upload.Strict,
            CreatedBy = ctx.UserName,
            CreatedAt = ctx.Now,
        };
        db.SocialDatasets.Add(dataset);
        await db.SaveChangesAsync(ct);
        AuditLog.Record(db, ctx, "social-dataset.created", nameof(SocialDataset), dataset.Id, dataset.ForceId, after: new { dataset.Name, dataset.PostsFileName, dataset.AccountsFileName, dataset.Strict });
        await db.SaveChangesAsync(ct);
        return dataset;
    }

    /// <summary>
    /// Imports a queued dataset. On any problem the transaction is rolled back, the dataset is marked failed with the reason,
    /// and a <see cref="SocialImportException"/> is thrown; otherwise it is ready, with its analysis.
    /// </summary>
    /// <remarks>
    /// <paramref name="byJobEngine"/>: the job engine may import a dataset again that a server left "importing" when it stopped
    /// (its transaction was never committed, so nothing of it is stored and the import starts from the beginning), and a
    /// cancellation (the server shutting down) rolls back and leaves the dataset "importing" for the engine to run again.
    /// Otherwise a cancelled import is marked failed.
    /// </remarks>
    public async Task<SocialDataset> ImportAsync(int datasetId, DatasetFiles files, ProcessContext ctx, WordVectors? vectors = null,
        IProgress<(long Read, long Length)>? progress = null, bool byJobEngine = false, CancellationToken ct = default)
    {
        var dataset = await db.SocialDatasets.Include(d => d.Force).SingleOrDefaultAsync(d => d.Id == datasetId, ct)
            ?? throw new NotFoundException("There is no such dataset.");
        if (dataset.Status is not (DatasetStatus.Queued or DatasetStatus.Failed) && !(byJobEngine && dataset.Status == DatasetStatus.Importing))
        {
            throw new DomainRuleException($"'{dataset.Name}' has already been imported.");
        }

        dataset.Status = DatasetStatus.Importing;
        dataset.Failure = null;
        await db.SaveChangesAsync(ct);

        try
        {
            // One attempt, never retried: the posts file is read once, straight into the bulk path, and a failure marks the
            // dataset failed (below) for the user to import again.
            await db.OnceAsync(ct => ImportInTransactionAsync(dataset, files, vectors, progress, ct), ct);
        }
        catch (Exception ex) when (ex is SocialImportException or DomainRuleException || IsDatabaseFailure(ex))
        {
            db.ChangeTracker.Clear();
            await FailAsync(datasetId, ex.Message, ctx, CancellationToken.None);
            throw ex as SocialImportException ?? new SocialImportException(Truncate(ex.Message, 4000)) { IsTransient = IsDatabaseFailure(ex) };
        }
        catch (OperationCanceledException) when (!byJobEngine)
        {
            db.ChangeTracker.Clear();
            await FailAsync(datasetId, "The import was cancelled.", ctx, CancellationToken.None);
            throw new SocialImportException("The import was cancelled.");
        }

        AuditLog.Record(db, ctx, "social-dataset.imported", nameof(SocialDataset), dataset.Id, dataset.ForceId,
            after: new { dataset.PostCount, dataset.AccountCount, dataset.SkippedRows, dataset.Mode });
        await db.SaveChangesAsync(ct);
        return dataset;
    }

    private async Task ImportInTransactionAsync(SocialDataset dataset, DatasetFiles files, WordVectors? vectors, IProgress<(long Read, long Length)>? progress, CancellationToken ct)
    {
        var options = new SocialReadOptions { Strict = dataset.Strict };
        List<SocialAccountRow> accounts;
        SocialReadSummary accountSummary;
        await using (var stream = files.OpenAccounts())
        {
            (accounts, accountSummary) = SocialFileReader.ReadAccounts(stream, dataset.AccountsFileName, options);
        }

        var extraProblems = new List<RowProblem>();
        if (dataset.Force is { } force)
        {
            // A force's dataset holds its own accounts only: an account labelled with another force is refused.
            var foreign = accounts.Where(a => a.Force is not null && a.Force != force.Slug).ToList();
            if (foreign.Count > 0)
            {
                var message = $"{foreign.Count:N0} account{(foreign.Count == 1 ? " is" : "s are")} labelled with another force (for example '{foreign[0].Handle}' is '{foreign[0].Force}'); a {force.Name} dataset can hold only {force.Name} accounts.";
                if (dataset.Strict)
                {
                    throw new SocialImportException($"{dataset.AccountsFileName}: {message} Nothing was imported (strict mode).");
                }

                extraProblems.Add(new RowProblem(dataset.AccountsFileName, 0, message + " They and their posts were skipped."));
                accounts = accounts.Except(foreign).ToList();
                if (accounts.Count == 0)
                {
                    throw new SocialImportException($"{dataset.AccountsFileName}: {message}");
                }
            }
        }

        var lexicon = SocialLexicon.Default;
        var classifier = new PostClassifier(lexicon, vectors);
        var directory = new SocialAccountDirectory(accounts);
        var analyzer = new SocialAnalyzer(directory, classifier);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var rows = accounts.Select(a => SocialAccount.From(dataset.Id, a)).ToList();
        db.SocialAccounts.AddRange(rows);
        await db.SaveChangesAsync(ct);

        var postsPerAccount = new long[rows.Count];
        var seen = new PostIdSet();
        var duplicates = new List<RowProblem>();
        long duplicateCount = 0;
        var seq = 0;
        var keywords = classifier.Keywords;
        SocialReadSummary postSummary;
        await using (var writer = SocialBulkWriter.Create(db, dataset.Id))
        {
            // This thread reads, checks, classifies and counts; the pipeline's thread writes, so the database is kept busy
            // while the file is read (bench/Evenhand.Bench social-import compares it with each database's own bulk load).
            using (var pipeline = new PostWritePipeline(writer, ct))
            {
                await using var stream = files.OpenPosts();
                postSummary = SocialFileReader.ReadPosts(stream, dataset.PostsFileName, directory, (in PostView view) =>
                {
                    if (!seen.Add(view.PostId))
                    {
                        duplicateCount++;
                        if (duplicates.Count < 1000)
                        {
                            duplicates.Add(new RowProblem(dataset.PostsFileName, view.Line, $"post_id '{view.PostId}' was already used on an earlier line"));
                        }

                        return;
                    }

                    var c = analyzer.Add(view);
                    seq++;
                    var batch = pipeline.Current;
                    batch.Add(view, seq, rows[view.AccountIndex].Id, c.NonOperational, (int)c.Kept);
                    // Topic keywords only: they are what dip samples check. (Operational keywords are in most posts, and
                    // storing them would double the rows written.)
                    foreach (var k in c.Keywords)
                    {
                        if (keywords[k].IsTopic)
                        {
                            batch.AddKeyword(seq, keywords[k].Word);
                        }
                    }

                    if (batch.IsFull)
                    {
                        pipeline.Hand();
                    }

                    postsPerAccount[view.AccountIndex]++;
                }, options with { BytesRead = new InlineProgress<long>(read => { ct.ThrowIfCancellationRequested(); progress?.Report((read, files.PostsLength)); }) });
                pipeline.Complete();
            }

            if (duplicateCount > 0 && dataset.Strict)
            {
                throw new SocialImportException($"{dataset.PostsFileName} has {duplicateCount:N0} repeated post ids, so nothing was imported (strict mode). First: {duplicates[0]}", duplicates);
            }

            if (seq == 0)
            {
                throw new SocialImportException($"None of the posts in {dataset.PostsFileName} could be used. First problem: {duplicates.Concat(postSummary.Problems).First()}");
            }

            await writer.CompleteAsync(ct);
        }

        for (var i = 0; i < rows.Count; i++)
        {
            rows[i].Posts = postsPerAccount[i];
        }

        var problems = extraProblems.Concat(accountSummary.Problems).Concat(postSummary.Problems).Concat(duplicates).Take(1000).ToList();
        var report = analyzer.Build(dataset.PostsFileName, dataset.AccountsFileName,
            postSummary with { Accepted = seq, ProblemCount = postSummary.ProblemCount + duplicateCount, Problems = problems },
            accountSummary with { Accepted = accounts.Count, ProblemCount = accountSummary.ProblemCount + extraProblems.Count, Problems = [] });
        dataset.Status = DatasetStatus.Ready;
        dataset.ImportedAt = time.GetUtcNow();
        dataset.PostCount = seq;
        dataset.AccountCount = rows.Count;
        dataset.SkippedRows = accountSummary.Rows - accounts.Count + postSummary.Rows - seq;
        dataset.LexiconJson = lexicon.ToJson();
        dataset.Mode = classifier.Mode;
        dataset.Threshold = vectors is null ? null : classifier.Threshold;
        dataset.AnalysisJson = SocialAnalysisJson.Serialize(report);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Marks a dataset failed with <paramref name="reason"/> (nothing of it is stored), with an audit entry.</summary>
    public async Task FailAsync(int datasetId, string reason, ProcessContext ctx, CancellationToken ct = default)
    {
        var failed = await db.SocialDatasets.SingleOrDefaultAsync(d => d.Id == datasetId, ct);
        if (failed is null || failed.Status == DatasetStatus.Ready)
        {
            return;
        }

        failed.Status = DatasetStatus.Failed;
        failed.Failure = Truncate(reason, 4000);
        failed.ProgressBytes = 0;
        AuditLog.Record(db, ctx, "social-dataset.import-failed", nameof(SocialDataset), failed.Id, failed.ForceId, after: new { failed.Failure });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Puts a dataset whose import failed for a passing reason back in the queue, saying when it will be tried again.</summary>
    public async Task RequeueAsync(int datasetId, string note, CancellationToken ct = default)
    {
        var dataset = await db.SocialDatasets.SingleOrDefaultAsync(d => d.Id == datasetId, ct);
        if (dataset is null || dataset.Status == DatasetStatus.Ready)
        {
            return;
        }

        dataset.Status = DatasetStatus.Queued;
        dataset.Failure = Truncate(note, 4000);
        dataset.ProgressBytes = 0;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Deletes a dataset with its accounts, posts and dip samples.</summary>
    public async Task DeleteAsync(int datasetId, ProcessContext ctx, CancellationToken ct = default)
    {
        await db.InTransactionAsync(async ct =>
        {
            var dataset = await db.SocialDatasets.SingleOrDefaultAsync(d => d.Id == datasetId, ct) ?? throw new NotFoundException("There is no such dataset.");
            if (dataset.Status == DatasetStatus.Importing)
            {
                throw new DomainRuleException($"'{dataset.Name}' is being imported; wait for the import to finish before deleting it.");
            }

            await db.DipSampleItems.Where(i => i.DatasetId == datasetId).ExecuteDeleteAsync(ct);
            await db.DipSamples.Where(s => s.DatasetId == datasetId).ExecuteDeleteAsync(ct);
            await db.SocialPostKeywords.Where(k => k.DatasetId == datasetId).ExecuteDeleteAsync(ct);
            await db.SocialPosts.Where(p => p.DatasetId == datasetId).ExecuteDeleteAsync(ct);
            await db.SocialAccounts.Where(a => a.DatasetId == datasetId).ExecuteDeleteAsync(ct);
            foreach (var upload in new[] { dataset.AccountsUploadId, dataset.PostsUploadId }.OfType<Guid>())
            {
                await db.StagedUploadChunks.Where(c => c.UploadId == upload).ExecuteDeleteAsync(ct);
                await db.StagedUploads.Where(u => u.Id == upload).ExecuteDeleteAsync(ct);
            }

            db.SocialDatasets.Remove(dataset);
            AuditLog.Record(db, ctx, "social-dataset.deleted", nameof(SocialDataset), dataset.Id, dataset.ForceId, before: new { dataset.Name, dataset.PostCount });
            await db.SaveChangesAsync(ct);
        }, ct);
    }

    private static bool IsDatabaseFailure(Exception ex) => ex is DbUpdateException or System.Data.Common.DbException or InvalidOperationException { InnerException: System.Data.Common.DbException };

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
