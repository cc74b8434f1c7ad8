using ActorTrader.Data.Lakehouse;

namespace ActorTrader.Data.Ingestion;

/// <summary>
/// The write stage: one <see cref="IBarStore.Write"/> per group of symbols. Quarantined partitions become that
/// symbol's failure. When the whole write throws (disk full, permissions, a value the lakehouse cannot store), each
/// symbol is written on its own so the error lands on the symbol that caused it and the others are still written; a
/// symbol alone in its group simply fails. Either way the run goes on.
/// </summary>
internal sealed class BatchWriter(IBarStore store, BarWriteSource source)
{
    public IReadOnlyList<SymbolOutcome> Write(IReadOnlyList<SymbolOutcome> group)
    {
        var batches = group.Where(o => o.Batch is not null).Select(o => o.Batch!).ToList();
        if (batches.Count == 0) return group;
        BarWriteResult result;
        try
        {
            result = store.Write(batches, source);
        }
        catch (Exception e) when (IsWriteFailure(e))
        {
            // Alone in its write, the symbol is the one that caused the error; otherwise find it by writing each alone.
            return batches.Count == 1
                ? group.Select(o => o.Batch is null ? o : Failed(o, e)).ToList()
                : group.Select(o => o.Batch is null ? o : WriteAlone(o)).ToList();
        }
        return group.Select(o => o.Batch is null ? o : Apply(o, result)).ToList();
    }

    private SymbolOutcome WriteAlone(SymbolOutcome outcome)
    {
        try
        {
            return Apply(outcome, store.Write([outcome.Batch!], source));
        }
        catch (Exception e) when (IsWriteFailure(e))
        {
            return Failed(outcome, e);
        }
    }

    private static SymbolOutcome Failed(SymbolOutcome outcome, Exception e) =>
        outcome with { Batch = null, Failure = new SymbolFailure(outcome.Symbol, $"lakehouse write failed: {e.GetType().Name}: {e.Message}", 0) };

    private static SymbolOutcome Apply(SymbolOutcome outcome, BarWriteResult result)
    {
        var batch = outcome.Batch!;
        var quarantined = result.Quarantined.FirstOrDefault(q => q.Symbol == batch.Symbol && q.Timeframe == batch.Timeframe);
        if (quarantined is not null)
        {
            return outcome with
            {
                Batch = null,
                Failure = new SymbolFailure(outcome.Symbol, $"partition quarantined to {quarantined.MovedTo}: {quarantined.Reason}", 0),
                Quarantine = new PartitionQuarantine(outcome.Symbol, quarantined.MovedTo, quarantined.Reason),
            };
        }
        result.RowsAdded.TryGetValue((batch.Symbol, batch.Timeframe), out var added);
        // Drop the bars: the summary needs only the counts, and the batch must not outlive the write.
        return outcome with { Batch = null, Written = true, BarsWritten = added };
    }

    // ArgumentException: a value the lakehouse cannot store (e.g. more decimals than its DECIMAL column) in otherwise valid bars.
    private static bool IsWriteFailure(Exception e) =>
        e is IOException or UnauthorizedAccessException or CorruptPartitionException or InvalidOperationException or ArgumentException;
}
