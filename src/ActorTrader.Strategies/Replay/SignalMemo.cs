using System.Runtime.InteropServices;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Parameters;
using ActorTrader.Strategies.Signals;

namespace ActorTrader.Strategies.Replay;

/// <summary>
/// The decisions of the last <see cref="SignalReplay"/> of one strategy instance, kept so the next replay over an
/// overlapping panel — a refit on a window moved by a bar — evaluates only the bars it has not seen. A decision is reused
/// only when the strategy declares a trailing window (<see cref="ITrailingWindow"/>), the parameters, timeframe, symbols
/// and fundamentals are the same, both panels hold the decision bar's whole window, and every bar of that window is
/// bit-for-bit the same in both; anything else is evaluated again, so a replay with the memo gives exactly the targets
/// and events of one without it. Safe to share between threads (each replay reads one snapshot and publishes a new one).
/// </summary>
public sealed class SignalMemo
{
    private volatile Snapshot? _last;

    /// <summary>Decisions the last replay took from the memo.</summary>
    public int Reused => _last?.Reused ?? 0;

    /// <summary>Decisions the last replay evaluated.</summary>
    public int Evaluated => _last?.Evaluated ?? 0;

    /// <summary>For each bar of <paramref name="panel"/>, the remembered decision that may stand for its evaluation, else null.</summary>
    internal SignalSet?[] Recall(IStrategy strategy, BarPanel panel, ParameterSet parameters)
    {
        var known = new SignalSet?[panel.TimeCount];
        if (strategy is not ITrailingWindow trailing || _last is not { } last || !ReferenceEquals(last.Strategy, strategy)
            || !last.Parameters.Equals(parameters) || !Comparable(last.Panel, panel)) return known;
        var window = trailing.WindowBars(parameters);
        if (window < 1 || Shift(last.Panel, panel) is not { } shift) return known;
        // New bar t is old bar t + shift; the overlap is [lo, hi) in new bars, and its bars agree up to `same`.
        var lo = Math.Max(0, -shift);
        var hi = Math.Min(panel.TimeCount, last.Panel.TimeCount - shift);
        var same = SamePrefix(last.Panel, panel, shift, lo, hi);
        for (var t = lo + window - 1; t < same; t++) known[t] = last.Decisions[t + shift];
        return known;
    }

    /// <summary>Keeps the replay's decisions (null where it made none) for the next one.</summary>
    internal void Remember(IStrategy strategy, BarPanel panel, ParameterSet parameters, SignalSet?[] decisions, int reused, int evaluated) =>
        _last = new Snapshot(strategy, panel, parameters, decisions, reused, evaluated);

    private static bool Comparable(BarPanel a, BarPanel b) =>
        a.Timeframe == b.Timeframe
        && a.Symbols.SequenceEqual(b.Symbols)
        && a.Fundamentals.Count == b.Fundamentals.Count
        && a.Fundamentals.All(kv => b.Fundamentals.TryGetValue(kv.Key, out var other) && Equals(kv.Value, other));

    /// <summary>Old index minus new index of the same bar time, or null when neither panel's first bar is in the other.</summary>
    private static int? Shift(BarPanel old, BarPanel current)
    {
        if (current.TimeCount == 0 || old.TimeCount == 0) return null;
        var p = Array.BinarySearch(old.TimeArray, current.TimeArray[0]);
        if (p >= 0) return p;
        var q = Array.BinarySearch(current.TimeArray, old.TimeArray[0]);
        return q >= 0 ? -q : null;
    }

    /// <summary>The first new bar in [lo, hi) whose time or any value differs from the old panel's (hi when none).</summary>
    private static int SamePrefix(BarPanel old, BarPanel current, int shift, int lo, int hi)
    {
        if (hi <= lo) return lo;
        var end = lo;
        while (end < hi && Same(old.TimeArray[end + shift], current.TimeArray[end])) end++;
        for (var s = 0; s < current.SymbolCount; s++)
        {
            end = Math.Min(end, lo + CommonBits(old.Open[s], current.Open[s], shift, lo, end));
            end = Math.Min(end, lo + CommonBits(old.High[s], current.High[s], shift, lo, end));
            end = Math.Min(end, lo + CommonBits(old.Low[s], current.Low[s], shift, lo, end));
            end = Math.Min(end, lo + CommonBits(old.Close[s], current.Close[s], shift, lo, end));
            end = Math.Min(end, lo + CommonBits(old.Volume[s], current.Volume[s], shift, lo, end));
        }
        return end;
    }

    // Times must agree to the offset too: a decision carries its bar's time.
    private static bool Same(DateTimeOffset a, DateTimeOffset b) => a.UtcTicks == b.UtcTicks && a.Offset == b.Offset;

    // Bit patterns, not ==: NaN (no bar) must match NaN, and -0.0 must not pass for 0.0.
    private static int CommonBits(double[] old, double[] current, int shift, int lo, int end) =>
        end <= lo ? 0 : MemoryMarshal.Cast<double, long>(old.AsSpan(lo + shift, end - lo)).CommonPrefixLength(MemoryMarshal.Cast<double, long>(current.AsSpan(lo, end - lo)));

    private sealed record Snapshot(IStrategy Strategy, BarPanel Panel, ParameterSet Parameters, SignalSet?[] Decisions, int Reused, int Evaluated);
}
