using Evenhand.Data;
using Evenhand.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Evenhand.Tests.Data;

public sealed class SqlitePoolsTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("evenhand-pools-");

    private string ConnectionString(string name) => $"Data Source={Path.Combine(folder.FullName, name)}";

    [Fact]
    public void Release_ClosesThatDatabasesPooledConnections_AndLeavesAnotherDatabasesOpenConnectionWorking()
    {
        var released = ConnectionString("released.db");
        using var inUse = new SqliteConnection(ConnectionString("other.db"));
        inUse.Open();
        Scalar(inUse, "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);");
        var pooled = HandleOfAConnectionTo(released); // closed back into the pool, still open on the file
        Assert.Same(pooled, HandleOfAConnectionTo(released)); // the pool hands the same one out again

        SqlitePools.Release(released);

        var afterwards = HandleOfAConnectionTo(released);
        Assert.NotSame(pooled, afterwards);
        Assert.True(pooled.IsClosed, "the released pool's connection to the file was not closed");
        Assert.Equal(1L, Scalar(inUse, "SELECT x FROM t;")); // the other database's connection, open throughout, still works
    }

    [Fact]
    public void NoCode_ClearsEverySqlitePoolInTheProcess()
    {
        // SqliteConnection.ClearAllPools, run while another test's connection is being opened, disposed that connection's handle
        // ("Cannot access a disposed object. Object name: 'SQLitePCL.sqlite3'"; a shuffled run, seed 109374).
        var offenders = TestPaths.SourceFiles("src", ".cs").Concat(TestPaths.SourceFiles("tests", ".cs"))
            .Where(f => !f.EndsWith("SqlitePoolsTests.cs", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains("SqliteConnection.ClearAllPools()", StringComparison.Ordinal))
            .Select(TestPaths.Relative)
            .ToList();
        Assert.Empty(offenders);
    }

    public void Dispose()
    {
        SqlitePools.Release(ConnectionString("released.db"));
        SqlitePools.Release(ConnectionString("other.db"));
        folder.Delete(recursive: true);
    }

    private static SQLitePCL.sqlite3 HandleOfAConnectionTo(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        return connection.Handle!;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
