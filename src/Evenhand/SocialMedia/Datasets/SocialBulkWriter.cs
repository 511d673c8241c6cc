using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;
using SQLitePCL;

namespace Evenhand.SocialMedia.Datasets;

/// <summary>
/// Writes posts and their keywords in bulk inside the caller's transaction: PostgreSQL's binary COPY, or on SQLite one
/// prepared INSERT per table run straight through SQLite's own interface (as the sqlite3 shell's .import does). This is the
/// only provider-specific SQL of the feature (DESIGN.md: "no provider-specific SQL outside the bulk-load paths"); column
/// names follow the EF model. <see cref="Write"/> may run on another thread than the one that created the writer, but never
/// on two at once.
/// </summary>
internal abstract class SocialBulkWriter : IAsyncDisposable
{
    public static SocialBulkWriter Create(Data.EvenhandDbContext db, int datasetId)
    {
        var connection = db.Database.GetDbConnection();
        _ = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("Bulk writes need a transaction.");
        return db.Database.IsNpgsql()
            ? new PostgresWriter((NpgsqlConnection)connection, datasetId)
            : new SqliteWriter((SqliteConnection)connection, datasetId);
    }

    /// <summary>Writes a batch of posts and their keywords.</summary>
    public abstract void Write(PostRowBatch batch);

    /// <summary>Finishes the writing; nothing is visible until the caller commits the transaction.</summary>
    public abstract Task CompleteAsync(CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    private static readonly string[] PostColumns = ["DatasetId", "Seq", "AccountRowId", "PostId", "PostedAt", "Text", "Likes", "Reposts", "Quotes",
        "Replies", "Impressions", "IsRepost", "OriginalAuthor", "Engagement", "NonOperational", "Topics"];

    private static readonly string[] KeywordColumns = ["DatasetId", "Keyword", "Seq"];

    private static string Columns(string[] columns) => string.Join(", ", columns.Select(c => $"\"{c}\""));

    private sealed class SqliteWriter : SocialBulkWriter
    {
        // The import's page cache: a post goes into the table (appended) and three indexes whose order is by engagement,
        // so each post lands on a different index page. With SQLite's default 2 MB cache those pages are written out and
        // read back again and again; 64 MB holds the indexes of an 857,000-post dataset (about 52 MB) and cut the time to
        // load one by about a third. It is a ceiling, not a reservation, and is put back when the import ends, so memory
        // stays the same whatever the file's size.
        private const int ImportCacheKib = 64 * 1024;
        private static readonly Func<DateTimeOffset, long> Instant = new DateTimeOffsetToBinaryConverter().ConvertToProviderTyped;

        private readonly SqliteConnection _connection;
        private readonly sqlite3 _db;
        private readonly sqlite3_stmt _post, _keyword;
        private readonly int _datasetId;
        private readonly long _cacheSize;
        private byte[] _utf8 = new byte[4096];

        public SqliteWriter(SqliteConnection connection, int datasetId)
        {
            _connection = connection;
            _datasetId = datasetId;
            _db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
            _cacheSize = Scalar("PRAGMA cache_size");
            Scalar($"PRAGMA cache_size = -{ImportCacheKib}");
            _post = Prepare($"INSERT INTO \"SocialPosts\" ({Columns(PostColumns)}) VALUES ({string.Join(", ", PostColumns.Select((_, i) => $"?{i + 1}"))})");
            _keyword = Prepare($"INSERT INTO \"SocialPostKeywords\" ({Columns(KeywordColumns)}) VALUES (?1, ?2, ?3)");
        }

        public override void Write(PostRowBatch batch)
        {
            var s = _post;
            foreach (ref readonly var p in batch.Rows)
            {
                Check(raw.sqlite3_bind_int(s, 1, _datasetId));
                Check(raw.sqlite3_bind_int(s, 2, p.Seq));
                Check(raw.sqlite3_bind_int(s, 3, p.AccountRowId));
                BindText(s, 4, batch.Chars(p.PostId));
                Check(raw.sqlite3_bind_int64(s, 5, Instant(p.PostedAt)));
                BindText(s, 6, batch.Chars(p.Text));
                Check(raw.sqlite3_bind_int64(s, 7, p.Likes));
                Check(raw.sqlite3_bind_int64(s, 8, p.Reposts));
                Check(raw.sqlite3_bind_int64(s, 9, p.Quotes));
                Check(raw.sqlite3_bind_int64(s, 10, p.Replies));
                Check(p.Impressions is { } i ? raw.sqlite3_bind_int64(s, 11, i) : raw.sqlite3_bind_null(s, 11));
                Check(raw.sqlite3_bind_int(s, 12, p.IsRepost ? 1 : 0));
                if (p.OriginalAuthor.IsNull)
                {
                    Check(raw.sqlite3_bind_null(s, 13));
                }
                else
                {
                    BindText(s, 13, batch.Chars(p.OriginalAuthor));
                }

                Check(raw.sqlite3_bind_int64(s, 14, p.Engagement));
                Check(raw.sqlite3_bind_int(s, 15, p.NonOperational ? 1 : 0));
                Check(raw.sqlite3_bind_int(s, 16, p.Topics));
                Step(s);
            }

            foreach (var (seq, keyword) in batch.Keywords)
            {
                Check(raw.sqlite3_bind_int(_keyword, 1, _datasetId));
                BindText(_keyword, 2, keyword);
                Check(raw.sqlite3_bind_int(_keyword, 3, seq));
                Step(_keyword);
            }
        }

        public override Task CompleteAsync(CancellationToken ct) => Task.CompletedTask;

        public override ValueTask DisposeAsync()
        {
            _post.Dispose();
            _keyword.Dispose();
            if (_connection.State == System.Data.ConnectionState.Open)
            {
                Scalar($"PRAGMA cache_size = {_cacheSize}");
            }

            return ValueTask.CompletedTask;
        }

        private void BindText(sqlite3_stmt statement, int index, ReadOnlySpan<char> text)
        {
            // As Microsoft.Data.Sqlite binds a string: UTF-8, which SQLite copies (SQLITE_TRANSIENT) before the call returns.
            var most = Encoding.UTF8.GetMaxByteCount(text.Length);
            if (most > _utf8.Length)
            {
                _utf8 = new byte[Math.Max(most, _utf8.Length * 2)];
            }

            var length = Encoding.UTF8.GetBytes(text, _utf8);
            Check(raw.sqlite3_bind_text(statement, index, _utf8.AsSpan(0, length)));
        }

        private void Step(sqlite3_stmt statement)
        {
            var rc = raw.sqlite3_step(statement);
            // Reset at once so a failed statement never holds the write open; the error is the step's.
            raw.sqlite3_reset(statement);
            if (rc != raw.SQLITE_DONE)
            {
                SqliteException.ThrowExceptionForRC(rc, _db);
            }
        }

        private void Check(int rc)
        {
            if (rc != raw.SQLITE_OK)
            {
                SqliteException.ThrowExceptionForRC(rc, _db);
            }
        }

        private sqlite3_stmt Prepare(string sql)
        {
            Check(raw.sqlite3_prepare_v2(_db, sql, out var statement));
            return statement;
        }

        private long Scalar(string sql)
        {
            using var command = _connection.CreateCommand();
            command.CommandText = sql;
            return command.ExecuteScalar() is long value ? value : 0;
        }
    }

    private sealed class PostgresWriter : SocialBulkWriter
    {
        // Not the connection's command timeout (30 s by default): at the end of a COPY the server checks every row's foreign
        // keys before it answers, which for 857,000 posts on a busy server took longer than that. An hour still ends an
        // import whose server has gone silent.
        private static readonly TimeSpan CopyTimeout = TimeSpan.FromHours(1);
        private readonly NpgsqlConnection _connection;
        private readonly int _datasetId;
        private NpgsqlBinaryImporter? _posts;
        // One COPY at a time per connection: keywords (a few per cent of posts) are kept and copied after the posts. The
        // keyword strings are the lexicon's own, so each costs its sequence number and a reference.
        private readonly List<(int Seq, string Keyword)> _keywords = [];

        public PostgresWriter(NpgsqlConnection connection, int datasetId)
        {
            _connection = connection;
            _datasetId = datasetId;
            _posts = connection.BeginBinaryImport($"COPY \"SocialPosts\" ({Columns(PostColumns)}) FROM STDIN (FORMAT BINARY)");
            _posts.Timeout = CopyTimeout;
        }

        public override void Write(PostRowBatch batch)
        {
            var w = _posts ?? throw new InvalidOperationException("The posts have already been completed.");
            foreach (ref readonly var p in batch.Rows)
            {
                w.StartRow();
                w.Write(_datasetId, NpgsqlDbType.Integer);
                w.Write(p.Seq, NpgsqlDbType.Integer);
                w.Write(p.AccountRowId, NpgsqlDbType.Integer);
                w.Write(batch.Memory(p.PostId), NpgsqlDbType.Varchar);
                w.Write(p.PostedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
                w.Write(batch.Memory(p.Text), NpgsqlDbType.Text);
                w.Write(p.Likes, NpgsqlDbType.Bigint);
                w.Write(p.Reposts, NpgsqlDbType.Bigint);
                w.Write(p.Quotes, NpgsqlDbType.Bigint);
                w.Write(p.Replies, NpgsqlDbType.Bigint);
                if (p.Impressions is { } i)
                {
                    w.Write(i, NpgsqlDbType.Bigint);
                }
                else
                {
                    w.WriteNull();
                }

                w.Write(p.IsRepost, NpgsqlDbType.Boolean);
                if (p.OriginalAuthor.IsNull)
                {
                    w.WriteNull();
                }
                else
                {
                    w.Write(batch.Memory(p.OriginalAuthor), NpgsqlDbType.Varchar);
                }

                w.Write(p.Engagement, NpgsqlDbType.Bigint);
                w.Write(p.NonOperational, NpgsqlDbType.Boolean);
                w.Write(p.Topics, NpgsqlDbType.Integer);
            }

            _keywords.AddRange(batch.Keywords);
        }

        public override async Task CompleteAsync(CancellationToken ct)
        {
            if (_posts is not null)
            {
                await _posts.CompleteAsync(ct);
                await _posts.DisposeAsync();
                _posts = null;
            }

            await using var k = await _connection.BeginBinaryImportAsync($"COPY \"SocialPostKeywords\" ({Columns(KeywordColumns)}) FROM STDIN (FORMAT BINARY)", ct);
            k.Timeout = CopyTimeout;
            foreach (var (seq, keyword) in _keywords)
            {
                await k.StartRowAsync(ct);
                await k.WriteAsync(_datasetId, NpgsqlDbType.Integer, ct);
                await k.WriteAsync(keyword, NpgsqlDbType.Varchar, ct);
                await k.WriteAsync(seq, NpgsqlDbType.Integer, ct);
            }

            await k.CompleteAsync(ct);
        }

        public override async ValueTask DisposeAsync()
        {
            if (_posts is not null)
            {
                // Disposing without Complete cancels the COPY; the caller's transaction is rolled back.
                await _posts.DisposeAsync();
                _posts = null;
            }
        }
    }
}
