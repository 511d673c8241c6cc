using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Evenhand.Data;

/// <summary>
/// Transactions that work with the provider's execution strategy. On PostgreSQL commands are retried after a transient
/// failure (<see cref="DatabaseRetry"/>), and EF Core then refuses a transaction begun by hand: a retry of one command cannot
/// repeat the commands before it. So a unit of several saves runs here, as a whole: on a transient failure the transaction
/// is rolled back, the context forgets what it was tracking, and <c>work</c> runs again from the start.
/// </summary>
public static class DbTransactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in one transaction that the execution strategy may retry as a unit. <paramref name="work"/>
    /// must load what it changes and create what it adds itself (nothing tracked before the call survives a retry), and must
    /// not have effects outside the database that cannot be repeated.
    /// </summary>
    public static Task<T> InTransactionAsync<T>(this DbContext db, Func<CancellationToken, Task<T>> work, CancellationToken ct = default)
    {
        var attempts = 0;
        return db.Database.CreateExecutionStrategy().ExecuteAsync(async innerCt =>
        {
            if (attempts++ > 0)
            {
                // The failed attempt's entities carry keys and states from a transaction that was rolled back.
                db.ChangeTracker.Clear();
            }

            await using var tx = await db.Database.BeginTransactionAsync(innerCt);
            var result = await work(innerCt);
            await tx.CommitAsync(innerCt);
            return result;
        }, ct);
    }

    /// <inheritdoc cref="InTransactionAsync{T}(DbContext, Func{CancellationToken, Task{T}}, CancellationToken)"/>
    public static Task InTransactionAsync(this DbContext db, Func<CancellationToken, Task> work, CancellationToken ct = default) =>
        db.InTransactionAsync(async innerCt =>
        {
            await work(innerCt);
            return true;
        }, ct);

    /// <summary>
    /// Runs <paramref name="work"/> once, never retried, with query results streamed rather than buffered. A retrying strategy
    /// makes EF Core read every row of a result into memory before the first is used (so that a retry gives the same rows);
    /// that is wrong for an export that streams a million rows, and for work that cannot be repeated (a bulk import reading
    /// its file once, a readiness probe that must answer at once). A transaction begun inside is allowed.
    /// </summary>
    public static Task<T> OnceAsync<T>(this DbContext db, Func<CancellationToken, Task<T>> work, CancellationToken ct = default) =>
        new SingleAttempt(db).ExecuteAsync(work, ct);

    /// <inheritdoc cref="OnceAsync{T}(DbContext, Func{CancellationToken, Task{T}}, CancellationToken)"/>
    public static Task OnceAsync(this DbContext db, Func<CancellationToken, Task> work, CancellationToken ct = default) =>
        db.OnceAsync(async innerCt =>
        {
            await work(innerCt);
            return true;
        }, ct);

    /// <summary>
    /// An execution strategy that never retries. While it runs it is EF Core's current strategy, so nested operations neither
    /// retry nor buffer, and it does not object to a transaction begun by hand.
    /// </summary>
    private sealed class SingleAttempt(DbContext context) : ExecutionStrategy(context, maxRetryCount: 0, maxRetryDelay: TimeSpan.Zero)
    {
        protected override bool ShouldRetryOn(Exception exception) => false;
    }
}
