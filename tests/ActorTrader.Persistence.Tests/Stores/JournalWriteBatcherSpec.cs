using ActorTrader.Persistence.Journal;
using ActorTrader.Persistence.Sql;
using static ActorTrader.Persistence.Tests.Stores.TestEvents;

namespace ActorTrader.Persistence.Tests.Stores;

/// <summary>The single writer loop groups the writes that queue up while a transaction runs, and settles each write on its own.</summary>
public sealed class JournalWriteBatcherSpec
{
    [Fact]
    public async Task Writes_queued_while_a_batch_is_being_written_share_the_next_batch()
    {
        var writer = new HeldFirstBatchWriter();
        await using var batcher = new JournalWriteBatcher(writer, maxBatchSize: 100, "test store");
        batcher.Start();
        var first = batcher.EnqueueAsync([Event("a", 1)], CancellationToken.None);
        await writer.FirstBatchEntered.Task;

        var queued = Enumerable.Range(1, 10).Select(i => batcher.EnqueueAsync([Event($"b-{i}", 1)], CancellationToken.None)).ToList();
        writer.ReleaseFirstBatch.SetResult();
        await Task.WhenAll(queued.Append(first));

        Assert.Equal([1, 10], writer.BatchSizes);
    }

    [Fact]
    public async Task A_batch_never_holds_more_writes_than_the_max_batch_size()
    {
        var writer = new HeldFirstBatchWriter();
        await using var batcher = new JournalWriteBatcher(writer, maxBatchSize: 4, "test store");
        batcher.Start();
        var first = batcher.EnqueueAsync([Event("a", 1)], CancellationToken.None);
        await writer.FirstBatchEntered.Task;

        var queued = Enumerable.Range(1, 10).Select(i => batcher.EnqueueAsync([Event($"b-{i}", 1)], CancellationToken.None)).ToList();
        writer.ReleaseFirstBatch.SetResult();
        await Task.WhenAll(queued.Append(first));

        Assert.Equal([1, 4, 4, 2], writer.BatchSizes);
    }

    [Fact]
    public async Task A_write_cancelled_while_queued_is_not_written()
    {
        var writer = new HeldFirstBatchWriter();
        await using var batcher = new JournalWriteBatcher(writer, maxBatchSize: 100, "test store");
        batcher.Start();
        var first = batcher.EnqueueAsync([Event("a", 1)], CancellationToken.None);
        await writer.FirstBatchEntered.Task;
        using var cancellation = new CancellationTokenSource();

        var cancelled = batcher.EnqueueAsync([Event("cancelled", 1)], cancellation.Token);
        var kept = batcher.EnqueueAsync([Event("kept", 1)], CancellationToken.None);
        await cancellation.CancelAsync();
        writer.ReleaseFirstBatch.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        await Task.WhenAll(first, kept);
        Assert.DoesNotContain("cancelled", writer.WrittenIds);
        Assert.Contains("kept", writer.WrittenIds);
    }

    [Fact]
    public async Task A_rejected_write_fails_alone_and_the_rest_of_its_batch_succeeds()
    {
        var writer = new HeldFirstBatchWriter { RejectId = "intruder" };
        await using var batcher = new JournalWriteBatcher(writer, maxBatchSize: 100, "test store");
        batcher.Start();

        var writes = new[] { "a", "intruder", "b" }.Select(id => batcher.EnqueueAsync([Event(id, 1)], CancellationToken.None)).ToList();
        writer.ReleaseFirstBatch.SetResult();

        await writes[0];
        await Assert.ThrowsAsync<JournalConcurrencyException>(() => writes[1]);
        await writes[2];
    }

    [Fact]
    public async Task An_unexpected_failure_fails_every_write_of_the_batch_as_a_store_error_and_later_writes_still_run()
    {
        var writer = new HeldFirstBatchWriter { FailFirstBatch = true };
        await using var batcher = new JournalWriteBatcher(writer, maxBatchSize: 100, "test store");
        batcher.Start();
        writer.ReleaseFirstBatch.SetResult();

        var error = await Assert.ThrowsAsync<PersistenceStoreException>(() => batcher.EnqueueAsync([Event("a", 1)], CancellationToken.None));
        await batcher.EnqueueAsync([Event("b", 1)], CancellationToken.None);

        Assert.Contains("test store", error.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(error.InnerException);
    }

    [Fact]
    public async Task Writes_queued_when_the_batcher_is_disposed_are_written_before_disposal_completes()
    {
        var writer = new HeldFirstBatchWriter();
        var batcher = new JournalWriteBatcher(writer, maxBatchSize: 100, "test store");
        batcher.Start();
        var first = batcher.EnqueueAsync([Event("a", 1)], CancellationToken.None);
        await writer.FirstBatchEntered.Task;
        var queued = batcher.EnqueueAsync([Event("queued", 1)], CancellationToken.None);

        var disposal = batcher.DisposeAsync().AsTask();
        writer.ReleaseFirstBatch.SetResult();
        await disposal;

        Assert.True(first.IsCompletedSuccessfully);
        Assert.True(queued.IsCompletedSuccessfully);
        Assert.Contains("queued", writer.WrittenIds);
    }

    [Fact]
    public async Task A_write_after_disposal_is_refused_with_a_store_error()
    {
        var writer = new HeldFirstBatchWriter();
        var batcher = new JournalWriteBatcher(writer, maxBatchSize: 100, "test store");
        batcher.Start();
        await batcher.DisposeAsync();

        await Assert.ThrowsAsync<PersistenceStoreException>(() => batcher.EnqueueAsync([Event("a", 1)], CancellationToken.None));
    }

    /// <summary>Records batch sizes; holds the first batch until released so later writes queue up behind it.</summary>
    private sealed class HeldFirstBatchWriter : IJournalBatchWriter
    {
        private readonly Lock _gate = new();

        public TaskCompletionSource FirstBatchEntered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource ReleaseFirstBatch { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<int> BatchSizes { get; } = [];

        public List<string> WrittenIds { get; } = [];

        public string? RejectId { get; init; }

        public bool FailFirstBatch { get; init; }

        public async Task WriteBatchAsync(JournalWriteBatch batch, CancellationToken cancellationToken)
        {
            bool first;
            lock (_gate)
            {
                BatchSizes.Add(batch.Writes.Count);
                first = BatchSizes.Count == 1;
            }

            if (first)
            {
                FirstBatchEntered.SetResult();
                await ReleaseFirstBatch.Task;
                if (FailFirstBatch)
                {
                    throw new InvalidOperationException("simulated driver failure");
                }
            }

            foreach (var write in batch.Writes)
            {
                if (write.PersistenceId == RejectId)
                {
                    batch.Reject(write, JournalConflict.Create("test store", write.PersistenceId, write.FirstSequenceNr));
                }
                else
                {
                    lock (_gate)
                    {
                        WrittenIds.Add(write.PersistenceId);
                    }
                }
            }
        }
    }
}
