using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;

namespace Evenhand.SocialMedia.Datasets;

/// <summary>
/// Writes posts and their keywords in bulk inside the caller's transaction: PostgreSQL's binary COPY, or on SQLite one
/// prepared INSERT reused for every row. This is the only provider-specific SQL of the feature (DESIGN.md: "no
/// provider-specific SQL outside the bulk-load paths"); column names follow the EF model.
/// </summary>
internal abstract class SocialBulkWriter : IAsyncDisposable
{
    public static SocialBulkWriter Create(Data.EvenhandDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("Bulk writes need a transaction.");
        return db.Database.IsNpgsql()
            ? new PostgresWriter((NpgsqlConnection)connection)
            : new SqliteWriter((SqliteConnection)connection, (SqliteTransaction)transaction);
    }

    public abstract void WritePost(SocialPost post);

    public abstract void WriteKeyword(int datasetId, string keyword, int seq);

    /// <summary>Finishes the copy; nothing is visible until the caller commits the transaction.</summary>
    public abstract Task CompleteAsync(CancellationToken ct);

    public abstract ValueTask DisposeAsync();

    private sealed class SqliteWriter : SocialBulkWriter
    {
        private static readonly Func<DateTimeOffset, long> Instant = new DateTimeOffsetToBinaryConverter().ConvertToProviderTyped;
        private readonly SqliteCommand _post, _keyword;
        private readonly SqliteParameter[] _p, _k;

        public SqliteWriter(SqliteConnection connection, SqliteTransaction transaction)
        {
            string[] columns = ["DatasetId", "Seq", "AccountRowId", "PostId", "PostedAt", "Text", "Likes", "Reposts", "Quotes", "Replies", "Impressions",
                "IsRepost", "OriginalAuthor", "Engagement", "NonOperational", "Topics"];
            (_post, _p) = Prepare(connection, transaction, "SocialPosts", columns);
            (_keyword, _k) = Prepare(connection, transaction, "SocialPostKeywords", ["DatasetId", "Keyword", "Seq"]);
        }

        public override void WritePost(SocialPost p)
        {
            _p[0].Value = p.DatasetId;
            _p[1].Value = p.Seq;
            _p[2].Value = p.AccountRowId;
            _p[3].Value = p.PostId;
            _p[4].Value = Instant(p.PostedAt);
            _p[5].Value = p.Text;
            _p[6].Value = p.Likes;
            _p[7].Value = p.Reposts;
            _p[8].Value = p.Quotes;
            _p[9].Value = p.Replies;
            _p[10].Value = p.Impressions is { } i ? i : DBNull.Value;
            _p[11].Value = p.IsRepost;
            _p[12].Value = (object?)p.OriginalAuthor ?? DBNull.Value;
            _p[13].Value = p.Engagement;
            _p[14].Value = p.NonOperational;
            _p[15].Value = p.Topics;
            _post.ExecuteNonQuery();
        }

        public override void WriteKeyword(int datasetId, string keyword, int seq)
        {
            _k[0].Value = datasetId;
            _k[1].Value = keyword;
            _k[2].Value = seq;
            _keyword.ExecuteNonQuery();
        }

        public override Task CompleteAsync(CancellationToken ct) => Task.CompletedTask;

        public override ValueTask DisposeAsync()
        {
            _post.Dispose();
            _keyword.Dispose();
            return ValueTask.CompletedTask;
        }

        private static (SqliteCommand, SqliteParameter[]) Prepare(SqliteConnection connection, SqliteTransaction transaction, string table, string[] columns)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
            var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
            command.Prepare();
            return (command, parameters);
        }
    }

    private sealed class PostgresWriter(NpgsqlConnection connection) : SocialBulkWriter
    {
        private NpgsqlBinaryImporter? _posts = connection.BeginBinaryImport(
            "COPY \"SocialPosts\" (\"DatasetId\", \"Seq\", \"AccountRowId\", \"PostId\", \"PostedAt\", \"Text\", \"Likes\", \"Reposts\", \"Quotes\", \"Replies\", \"Impressions\", \"IsRepost\", \"OriginalAuthor\", \"Engagement\", \"NonOperational\", \"Topics\") FROM STDIN (FORMAT BINARY)");
        private readonly List<(int DatasetId, string Keyword, int Seq)> _keywords = [];

        public override void WritePost(SocialPost p)
        {
            var w = _posts!;
            w.StartRow();
            w.Write(p.DatasetId, NpgsqlDbType.Integer);
            w.Write(p.Seq, NpgsqlDbType.Integer);
            w.Write(p.AccountRowId, NpgsqlDbType.Integer);
            w.Write(p.PostId, NpgsqlDbType.Varchar);
            w.Write(p.PostedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
            w.Write(p.Text, NpgsqlDbType.Text);
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
            if (p.OriginalAuthor is { } author)
            {
                w.Write(author, NpgsqlDbType.Varchar);
            }
            else
            {
                w.WriteNull();
            }

            w.Write(p.Engagement, NpgsqlDbType.Bigint);
            w.Write(p.NonOperational, NpgsqlDbType.Boolean);
            w.Write(p.Topics, NpgsqlDbType.Integer);
        }

        // One COPY at a time per connection: keywords (a few per cent of posts) are kept and copied after the posts.
        public override void WriteKeyword(int datasetId, string keyword, int seq) => _keywords.Add((datasetId, keyword, seq));

        public override async Task CompleteAsync(CancellationToken ct)
        {
            if (_posts is not null)
            {
                await _posts.CompleteAsync(ct);
                await _posts.DisposeAsync();
                _posts = null;
            }

            await using var k = await connection.BeginBinaryImportAsync("COPY \"SocialPostKeywords\" (\"DatasetId\", \"Keyword\", \"Seq\") FROM STDIN (FORMAT BINARY)", ct);
            foreach (var (datasetId, keyword, seq) in _keywords)
            {
                await k.StartRowAsync(ct);
                await k.WriteAsync(datasetId, NpgsqlDbType.Integer, ct);
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
