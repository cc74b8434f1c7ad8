using System.Globalization;
using System.Runtime.InteropServices;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Ingestion;

/// <summary>
/// The toxic guard and OHLC sanity checks. Pure: bars in, the first problem (or null) out. A symbol with any bad
/// bar is refused as a whole, because writing the good part would leave a silent gap or a wrong return.
/// </summary>
public static class BarValidator
{
    /// <summary>
    /// Checks bars in order: strictly increasing timestamps, positive prices, low ≤ open/close ≤ high, volume ≥ 0,
    /// and |close_t / close_{t-1} − 1| &lt; <paramref name="toxicReturn"/> — the first bar also against
    /// <paramref name="lastStored"/>, the newest bar already in the lakehouse, when it is older.
    /// </summary>
    public static SymbolRejection? Validate(Symbol symbol, IReadOnlyList<Bar> bars, decimal toxicReturn, Bar? lastStored = null)
    {
        ArgumentNullException.ThrowIfNull(bars);
        // A span avoids copying each 112-byte bar out of the list's indexer twice per bar.
        var span = bars switch
        {
            List<Bar> list => CollectionsMarshal.AsSpan(list),
            Bar[] array => array,
            _ => bars.ToArray(),
        };
        Bar? previous = lastStored is { } stored && bars.Count > 0 && stored.Timestamp < bars[0].Timestamp ? stored : null;
        var previousIsStored = previous is not null;
        for (var i = 0; i < span.Length; i++)
        {
            ref readonly var bar = ref span[i];
            if (i > 0)
            {
                var before = span[i - 1].Timestamp;
                if (bar.Timestamp == before)
                    return Reject(RejectionKind.DuplicateTimestamp, $"duplicate timestamp {Time(bar.Timestamp)} (bars {i} and {i + 1} of {bars.Count})");
                if (bar.Timestamp < before)
                    return Reject(RejectionKind.OutOfOrder, $"bar {Time(bar.Timestamp)} comes after {Time(before)}; timestamps must strictly increase");
            }
            // With low > 0 and low ≤ open/close ≤ high checked below, every price is positive.
            if (bar.Low <= 0 || bar.Open <= 0 || bar.Close <= 0)
                return Reject(RejectionKind.NonPositivePrice, $"bar {Time(bar.Timestamp)} has a price at or below zero (open {N(bar.Open)}, high {N(bar.High)}, low {N(bar.Low)}, close {N(bar.Close)})");
            if (bar.High < bar.Low)
                return Reject(RejectionKind.InvalidOhlc, $"bar {Time(bar.Timestamp)} has high {N(bar.High)} below low {N(bar.Low)}");
            if (bar.Open < bar.Low || bar.Open > bar.High)
                return Reject(RejectionKind.InvalidOhlc, $"bar {Time(bar.Timestamp)} has open {N(bar.Open)} outside [low {N(bar.Low)}, high {N(bar.High)}]");
            if (bar.Close < bar.Low || bar.Close > bar.High)
                return Reject(RejectionKind.InvalidOhlc, $"bar {Time(bar.Timestamp)} has close {N(bar.Close)} outside [low {N(bar.Low)}, high {N(bar.High)}]");
            if (bar.Volume < 0)
                return Reject(RejectionKind.NegativeVolume, $"bar {Time(bar.Timestamp)} has negative volume {N(bar.Volume)}");
            if (previous is { } p)
            {
                // |c/p − 1| ≥ t  ⇔  |c − p| ≥ t·p for p > 0: a multiplication per bar instead of a decimal division.
                if (Math.Abs(bar.Close - p.Close) >= toxicReturn * p.Close)
                {
                    var change = bar.Close / p.Close - 1m;
                    var against = previousIsStored ? $"the last stored close {N(p.Close)} at {Time(p.Timestamp)}" : $"the previous close {N(p.Close)} at {Time(p.Timestamp)}";
                    return Reject(RejectionKind.ToxicReturn,
                        $"bar {Time(bar.Timestamp)} close {N(bar.Close)} is a {(change * 100m).ToString("0.#", CultureInfo.InvariantCulture)}% return against {against} (toxic at ±{(toxicReturn * 100m).ToString("0.#", CultureInfo.InvariantCulture)}%)");
                }
            }
            previous = bar;
            previousIsStored = false;
        }
        return null;

        SymbolRejection Reject(RejectionKind kind, string reason) => new(symbol, kind, reason);
    }

    internal static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);

    private static string N(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
