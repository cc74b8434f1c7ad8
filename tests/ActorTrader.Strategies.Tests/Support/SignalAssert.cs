using ActorTrader.Strategies.Signals;

namespace ActorTrader.Strategies.Tests.Support;

/// <summary>Exact comparison of two evaluations (same symbols, targets bit for bit, reasons and events).</summary>
internal static class SignalAssert
{
    /// <summary>Why <paramref name="a"/> and <paramref name="b"/> differ, or null when they are identical.</summary>
    public static string? Difference(SignalSet a, SignalSet b)
    {
        if (a.DecisionTime != b.DecisionTime) return $"decision times {a.DecisionTime:O} vs {b.DecisionTime:O}";
        if (!a.Signals.SequenceEqual(b.Signals))
            return $"signals [{string.Join("; ", a.Signals)}] vs [{string.Join("; ", b.Signals)}]";
        if (!a.Events.SequenceEqual(b.Events))
            return $"events [{string.Join("; ", a.Events)}] vs [{string.Join("; ", b.Events)}]";
        return null;
    }
}
