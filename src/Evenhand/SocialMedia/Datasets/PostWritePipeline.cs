using System.Collections.Concurrent;

namespace Evenhand.SocialMedia.Datasets;

/// <summary>
/// Two stages of an import on two threads: the caller's thread reads, checks, classifies and counts posts into batches; a
/// second thread writes the batches, in file order, through the bulk writer. At most a few batches exist at once (the reader
/// waits when the writer is behind), and written batches are reused, so memory stays flat however long the file.
/// </summary>
internal sealed class PostWritePipeline : IDisposable
{
    private const int Waiting = 4;
    private readonly SocialBulkWriter _writer;
    private readonly CancellationToken _ct;
    private readonly BlockingCollection<PostRowBatch> _full = new(boundedCapacity: Waiting);
    private readonly ConcurrentBag<PostRowBatch> _free = [];
    private readonly Task _writing;
    private volatile bool _abandoned;
    private bool _completed;

    public PostWritePipeline(SocialBulkWriter writer, CancellationToken ct)
    {
        _writer = writer;
        _ct = ct;
        _writing = Task.Factory.StartNew(Write, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>The batch being filled; call <see cref="Hand"/> when it is full.</summary>
    public PostRowBatch Current { get; private set; } = new();

    /// <summary>Passes the current batch to the writer (waiting while it is behind) and starts another.</summary>
    public void Hand()
    {
        ThrowIfWritingFailed();
        try
        {
            _full.Add(Current, _ct);
        }
        catch (InvalidOperationException) when (_full.IsAddingCompleted)
        {
            // The writer stopped taking batches because it failed: its failure is the one to report.
            _writing.GetAwaiter().GetResult();
            throw;
        }

        Current = _free.TryTake(out var batch) ? batch : new PostRowBatch();
    }

    /// <summary>Passes the last batch and waits until everything has been written (rethrowing the writer's failure, if any).</summary>
    public void Complete()
    {
        if (Current.Count > 0)
        {
            Hand();
        }

        _completed = true;
        _full.CompleteAdding();
        _writing.GetAwaiter().GetResult();
    }

    /// <summary>Stops the writer, without writing what is waiting, if the import ended before <see cref="Complete"/>.</summary>
    public void Dispose()
    {
        if (!_completed)
        {
            _abandoned = true;
            _full.CompleteAdding();
            try
            {
                _writing.GetAwaiter().GetResult();
            }
            catch (Exception)
            {
                // The reader's failure is already on its way out; the transaction is rolled back either way.
            }
        }

        _full.Dispose();
    }

    private void ThrowIfWritingFailed()
    {
        if (_writing.IsFaulted || _writing.IsCanceled)
        {
            _writing.GetAwaiter().GetResult();
        }
    }

    private void Write()
    {
        try
        {
            foreach (var batch in _full.GetConsumingEnumerable())
            {
                if (_abandoned)
                {
                    continue;
                }

                _ct.ThrowIfCancellationRequested();
                _writer.Write(batch);
                batch.Clear();
                _free.Add(batch);
            }
        }
        catch
        {
            // Stop the reader from waiting on a full queue; it rethrows this failure.
            _full.CompleteAdding();
            throw;
        }
    }
}
