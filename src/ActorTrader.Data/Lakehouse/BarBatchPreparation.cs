using System.Runtime.InteropServices;
using ActorTrader.Domain.Bars;

namespace ActorTrader.Data.Lakehouse;

/// <summary>
/// Checks a write's batches before anything is written: batches of the same partition are joined, bars are put in
/// timestamp order, and duplicate timestamps or values the file format cannot hold exactly are rejected with an
/// <see cref="ArgumentException"/> naming the symbol, timeframe and bar.
/// </summary>
internal static class BarBatchPreparation
{
    /// <summary>One partition's bars, ascending and unique by timestamp; backed by an array or a <see cref="List{T}"/> so it can be viewed as a span.</summary>
    public readonly record struct PreparedBatch(PartitionKey Key, IReadOnlyList<Bar> Bars);

    public static IReadOnlyList<PreparedBatch> Prepare(IReadOnlyList<BarBatch> batches)
    {
        var groups = new Dictionary<PartitionKey, List<BarBatch>>();
        var order = new List<PartitionKey>();
        for (var i = 0; i < batches.Count; i++)
        {
            var batch = batches[i] ?? throw new ArgumentException($"Batch {i} is null; pass one BarBatch per partition.", nameof(batches));
            if (batch.Timeframe is null || batch.Bars is null)
                throw new ArgumentException($"Batch {i} ({batch.Symbol}) has no timeframe or no bars list; pass an empty list when there are no bars.", nameof(batches));
            var key = new PartitionKey(batch.Symbol, batch.Timeframe);
            if (!groups.TryGetValue(key, out var group))
            {
                groups[key] = group = [];
                order.Add(key);
            }

            group.Add(batch);
        }

        var prepared = new PreparedBatch[order.Count];
        var errors = new ArgumentException?[order.Count];
        Parallel.For(0, order.Count, i =>
        {
            try
            {
                prepared[i] = PrepareOne(order[i], groups[order[i]]);
            }
            catch (ArgumentException e)
            {
                errors[i] = e;
            }
        });

        // The first bad partition in the caller's order, whichever thread found it first.
        var error = Array.Find(errors, e => e is not null);
        if (error is not null) throw error;
        return prepared;
    }

    /// <summary>A span over bars held in an array or a list, copying anything else.</summary>
    public static ReadOnlySpan<Bar> SpanOf(IReadOnlyList<Bar> bars) => bars switch
    {
        Bar[] array => array,
        List<Bar> list => CollectionsMarshal.AsSpan(list),
        _ => bars.ToArray(),
    };

    private static PreparedBatch PrepareOne(PartitionKey key, List<BarBatch> group)
    {
        IReadOnlyList<Bar> bars = group.Count == 1 && group[0].Bars is Bar[] or List<Bar>
            ? group[0].Bars
            : group.SelectMany(b => b.Bars).ToArray();
        var span = SpanOf(bars);
        if (!IsStrictlyAscending(span))
        {
            // OrderBy is stable, so the duplicate reported is the later one the caller passed.
            var ordered = span.ToArray().OrderBy(b => b.Timestamp.UtcTicks).ToArray();
            for (var i = 1; i < ordered.Length; i++)
            {
                if (ordered[i].Timestamp.UtcTicks == ordered[i - 1].Timestamp.UtcTicks)
                    throw new ArgumentException($"{key}: two bars at {ordered[i].Timestamp.UtcDateTime:O} in one write; the lakehouse keeps one bar per timestamp. Fix: drop the duplicate before writing.");
            }

            bars = ordered;
            span = ordered;
        }

        foreach (ref readonly var bar in span)
        {
            var problem = BarFileFormat.Problem(bar);
            if (problem is not null) throw new ArgumentException($"{key}: bar at {bar.Timestamp.UtcDateTime:O}: {problem}");
        }

        return new PreparedBatch(key, bars);
    }

    private static bool IsStrictlyAscending(ReadOnlySpan<Bar> bars)
    {
        for (var i = 1; i < bars.Length; i++)
        {
            if (bars[i].Timestamp.UtcTicks <= bars[i - 1].Timestamp.UtcTicks) return false;
        }

        return true;
    }
}
