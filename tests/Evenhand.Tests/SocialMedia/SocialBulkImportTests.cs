using System.Globalization;
using System.Text;
using Evenhand.Common;
using Evenhand.Data;
using Evenhand.SocialMedia;
using Evenhand.SocialMedia.Datasets;
using Evenhand.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Tests.SocialMedia;

/// <summary>The bulk path of <c>social import</c>: the repeat check, the batches and the thread that writes them.</summary>
public sealed class SocialBulkImportTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static readonly ProcessContext Ctx = new("u1", "Comms officer", new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void PostIdSet_FindsEveryRepeat_AcrossGrowth_AndTellsApartIdsThatOnlyLookAlike()
    {
        var set = new PostIdSet();
        for (var i = 0; i < 300_000; i++)
        {
            Assert.True(set.Add($"p{i:D9}"));
        }

        for (var i = 0; i < 300_000; i += 7)
        {
            Assert.False(set.Add($"p{i:D9}"));
        }

        Assert.Equal(300_000, set.Count);
        // Case, accents, other scripts and lone surrogates (which UTF-8 would turn into the same replacement character).
        string[] distinct = ["P000000001", "p00000000١", "café", "cafe\u0301", "\uD800x", "\uDC00x", "😀", "", " "];
        foreach (var id in distinct)
        {
            Assert.True(set.Add(id), id);
        }

        foreach (var id in distinct)
        {
            Assert.False(set.Add(id), id);
        }

        // An id longer than a page of the set gets a page of its own and is still found.
        var huge = new string('x', 3_000_000);
        Assert.True(set.Add(huge));
        Assert.False(set.Add(new string('x', 3_000_000)));
        Assert.True(set.Add(huge.AsSpan(1)));
        Assert.True(set.Add("after the long one"));
        Assert.False(set.Add("after the long one"));
    }

    [Fact]
    public void Pipeline_WhenTheWriterFails_TheReaderGetsItsError_AndNothingWaitsForever()
    {
        var writer = new FakeWriter(failOnBatch: 3);
        using var pipeline = new PostWritePipeline(writer, CancellationToken.None);

        var ex = Assert.Throws<InvalidOperationException>(() =>
        {
            for (var i = 1; i <= 100 * PostRowBatch.Capacity; i++)
            {
                Add(pipeline.Current, i);
                if (pipeline.Current.IsFull)
                {
                    pipeline.Hand();
                }
            }

            pipeline.Complete();
        });

        Assert.Equal("disk full", ex.Message);
        Assert.Equal(2, writer.Batches);
    }

    [Fact]
    public async Task Pipeline_WhenTheReaderStops_TheWriterStopsWithoutWritingTheRest()
    {
        using var gate = new ManualResetEventSlim();
        var writer = new FakeWriter(failOnBatch: int.MaxValue, gate);
        var pipeline = new PostWritePipeline(writer, CancellationToken.None);
        // Five full batches: the writer holds the first (waiting at the gate), four wait in the queue.
        for (var i = 1; i <= 5 * PostRowBatch.Capacity; i++)
        {
            Add(pipeline.Current, i);
            if (pipeline.Current.IsFull)
            {
                pipeline.Hand();
            }
        }

        // The reader failed here (a bad row in strict mode, say). The gate opens while Dispose waits for the writer. The task
        // that opens it is waited for, not disposed: it may still be finishing when Dispose returns.
        var open = Task.Delay(500).ContinueWith(_ => gate.Set(), TaskScheduler.Default);
        pipeline.Dispose();
        await open;

        Assert.Equal(1, writer.Batches);
    }

    [Fact]
    public void Pipeline_WritesEveryBatchInOrder()
    {
        var writer = new FakeWriter(failOnBatch: int.MaxValue);
        using (var pipeline = new PostWritePipeline(writer, CancellationToken.None))
        {
            for (var i = 1; i <= (5 * PostRowBatch.Capacity) + 17; i++)
            {
                Add(pipeline.Current, i);
                if (pipeline.Current.IsFull)
                {
                    pipeline.Hand();
                }
            }

            pipeline.Complete();
        }

        Assert.Equal(Enumerable.Range(1, (5 * PostRowBatch.Capacity) + 17), writer.Seqs);
        Assert.Equal(writer.Seqs.Select(s => $"id{s}"), writer.Ids);
    }

    /// <summary>
    /// Thousands of posts (many batches on the writing thread) with text in other scripts, emoji, quotes and line breaks,
    /// and with and without impressions and original authors, are stored exactly as read, in file order.
    /// </summary>
    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Import_OfManyBatches_StoresEveryPostExactly(string provider)
    {
        TestDatabases.SkipIfUnavailable(provider);
        using var database = TestDatabases.Create(provider);
        await using var db = database.CreateContext();
        await DatabaseInitializer.InitialiseAsync(db);
        const int count = (3 * PostRowBatch.Capacity) + 5;
        var csv = new StringBuilder("post_id,account_id,posted_at,text,likes,reposts,quotes,replies,is_repost,original_author,impressions\n");
        string Text(int i) => i % 3 == 0 ? $"Café «{i}» — 警察 😀 \"quoted\"\nsecond line racism" : $"Road closed on the A{i}";
        for (var i = 1; i <= count; i++)
        {
            var text = Text(i);
            var author = i % 5 == 0 ? "@Someone" : "";
            var impressions = i % 2 == 0 ? (i * 10).ToString(CultureInfo.InvariantCulture) : "";
            csv.Append(CultureInfo.InvariantCulture, $"id-{i},{(i % 2 == 0 ? "a1" : "a3")},2021-01-01T10:00:00+01:00,\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\",{i},1,0,0,{(author.Length > 0 ? "true" : "false")},{author},{impressions}\n");
        }

        // A repeated id in the middle of a batch is skipped; the posts after it keep their order.
        csv.Append("id-7,a1,2021-01-01T10:00:00Z,again,1,0,0,0,false,,\n");
        var posts = csv.ToString();
        var service = new SocialDatasetService(db, TimeProvider.System);
        var dataset = await service.CreateAsync(new DatasetUpload("Many", null, "accounts.csv", "posts.csv", false), Ctx);
        dataset = await service.ImportAsync(dataset.Id, new DatasetFiles(() => SocialTestData.Stream(SocialTestData.Accounts), () => SocialTestData.Stream(posts), posts.Length), Ctx);

        Assert.Equal((count, 1L), (dataset.PostCount, dataset.SkippedRows));
        await using var check = database.CreateContext();
        var stored = await check.SocialPosts.Where(p => p.DatasetId == dataset.Id).OrderBy(p => p.Seq).ToListAsync();
        var accounts = await check.SocialAccounts.Where(a => a.DatasetId == dataset.Id).ToDictionaryAsync(a => a.Id, a => a.AccountId);
        Assert.Equal(count, stored.Count);
        for (var i = 1; i <= count; i++)
        {
            var p = stored[i - 1];
            Assert.Equal((i, $"id-{i}", Text(i), (long)i, (long)i + 1), (p.Seq, p.PostId, p.Text, p.Likes, p.Engagement));
            Assert.Equal(i % 2 == 0 ? "a1" : "a3", accounts[p.AccountRowId]);
            Assert.Equal(new DateTimeOffset(2021, 1, 1, 9, 0, 0, TimeSpan.Zero), p.PostedAt.ToUniversalTime());
            Assert.Equal(i % 2 == 0 ? i * 10L : null, p.Impressions);
            Assert.Equal(i % 5 == 0 ? "@Someone" : null, p.OriginalAuthor);
            Assert.Equal(i % 5 == 0, p.IsRepost);
        }

        var racism = await check.SocialPostKeywords.Where(k => k.DatasetId == dataset.Id && k.Keyword == "racism").Select(k => k.Seq).OrderBy(s => s).ToListAsync();
        Assert.Equal(Enumerable.Range(1, count).Where(i => i % 3 == 0), racism);
        Assert.Equal(count, (await check.SocialAccounts.Where(a => a.DatasetId == dataset.Id).SumAsync(a => a.Posts)));
    }

    [Fact]
    public async Task Import_OnSqlite_PutsTheConnectionsPageCacheBack()
    {
        using var database = TestDatabases.Create(TestDatabases.Sqlite);
        await using var db = database.CreateContext();
        await DatabaseInitializer.InitialiseAsync(db);
        await db.Database.OpenConnectionAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        long CacheSize()
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA cache_size";
            return (long)command.ExecuteScalar()!;
        }

        var before = CacheSize();
        var service = new SocialDatasetService(db, TimeProvider.System);
        var dataset = await service.CreateAsync(new DatasetUpload("Cache", null, "accounts.csv", "posts.csv", false), Ctx);
        await service.ImportAsync(dataset.Id, new DatasetFiles(() => SocialTestData.Stream(SocialTestData.Accounts), () => SocialTestData.Stream(SocialTestData.Posts), SocialTestData.Posts.Length), Ctx);

        Assert.Equal(before, CacheSize());
    }

    private static void Add(PostRowBatch batch, int seq)
    {
        var id = $"id{seq}";
        batch.Add(new PostView
        {
            Line = seq + 1,
            PostId = id,
            AccountId = "a1",
            AccountIndex = 0,
            PostedAt = DateTimeOffset.UnixEpoch,
            Text = "text",
            Likes = 1,
            Reposts = 0,
            Quotes = 0,
            Replies = 0,
            IsRepost = false,
            OriginalAuthor = default,
            Impressions = null,
        }, seq, 1, false, 0);
    }

    private sealed class FakeWriter(int failOnBatch, ManualResetEventSlim? gate = null) : SocialBulkWriter
    {
        private int _batches;

        public int Batches => Volatile.Read(ref _batches);

        public List<int> Seqs { get; } = [];

        public List<string> Ids { get; } = [];

        public override void Write(PostRowBatch batch)
        {
            if (_batches + 1 == failOnBatch)
            {
                throw new InvalidOperationException("disk full");
            }

            gate?.Wait();
            foreach (var row in batch.Rows)
            {
                Seqs.Add(row.Seq);
                Ids.Add(batch.Chars(row.PostId).ToString());
            }

            Interlocked.Increment(ref _batches);
        }

        public override Task CompleteAsync(CancellationToken ct) => Task.CompletedTask;

        public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
