using System.Threading.Channels;
using ActorTrader.Persistence.Journal;

namespace ActorTrader.Persistence.Sql;

/// <summary>
/// The single writer loop of a journal: <see cref="EnqueueAsync"/> queues a call, the loop drains every call
/// waiting (up to the batch size) into one transaction, so concurrent persistent actors share one durable
/// commit instead of paying one each.
/// </summary>
internal sealed class JournalWriteBatcher : IAsyncDisposable
{
    private readonly Channel<PendingJournalWrite> _queue = Channel.CreateUnbounded<PendingJournalWrite>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false, AllowSynchronousContinuations = false });

    private readonly IJournalBatchWriter _writer;
    private readonly int _maxBatchSize;
    private readonly string _store;
    private Task? _loop;

    public JournalWriteBatcher(IJournalBatchWriter writer, int maxBatchSize, string store)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchSize, 1);
        _writer = writer;
        _maxBatchSize = maxBatchSize;
        _store = store;
    }

    public void Start() => _loop ??= Task.Run(RunAsync);

    public Task EnqueueAsync(IReadOnlyList<PersistentRepr> events, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_loop is null)
        {
            throw new InvalidOperationException($"The journal on {_store} has not been started. Fix: await StartAsync before writing.");
        }

        var write = new PendingJournalWrite(events, cancellationToken);
        if (!_queue.Writer.TryWrite(write))
        {
            throw new PersistenceStoreException($"The journal on {_store} is stopped; the write of '{write.PersistenceId}' {write.FirstSequenceNr}..{write.LastSequenceNr} was not stored.");
        }

        return write.Completion;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }
    }

    private async Task RunAsync()
    {
        var reader = _queue.Reader;
        var writes = new List<PendingJournalWrite>(_maxBatchSize);
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            writes.Clear();
            while (writes.Count < _maxBatchSize && reader.TryRead(out var write))
            {
                if (write.CancellationToken.IsCancellationRequested)
                {
                    write.Cancel();
                }
                else
                {
                    writes.Add(write);
                }
            }

            if (writes.Count > 0)
            {
                await WriteAsync(new JournalWriteBatch(writes.ToArray())).ConfigureAwait(false);
            }
        }
    }

    private async Task WriteAsync(JournalWriteBatch batch)
    {
        try
        {
            await _writer.WriteBatchAsync(batch, CancellationToken.None).ConfigureAwait(false);
        }
        catch (PersistenceStoreException ex)
        {
            batch.FailAll(ex);
            return;
        }
#pragma warning disable CA1031 // Every failure reaches the callers of the batch; the loop must keep serving later writes.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            batch.FailAll(new PersistenceStoreException($"Writing {batch.EventCount} events to {_store} failed: {ex.Message}", ex));
            return;
        }

        batch.CompleteCommitted();
    }
}
