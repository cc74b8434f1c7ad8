using ActorTrader.Brokers.Paper;
using ActorTrader.Trading.CrashTests.Harness;

namespace ActorTrader.Cluster.NodeTests.Harness;

/// <summary>What must hold between the shared paper account and the journal after a failover (as in the crash tests).</summary>
internal static class BrokerChecks
{
    /// <summary>Client order ids the broker received more than once (with each attempt's outcome).</summary>
    public static IReadOnlyList<string> SentTwice(FinalState state) =>
        [.. state.Submissions.GroupBy(r => r.ClientOrderId, StringComparer.Ordinal).Where(g => g.Count() > 1 || g.Any(r => r.Outcome == SubmissionOutcome.Duplicate))
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(r => $"#{r.Sequence} {r.Outcome}"))}")];

    /// <summary>Orders the broker received that no OrderSubmitted in the journal announced.</summary>
    public static IReadOnlyList<string> NotJournaled(FinalState state)
    {
        var journaled = state.OrdersSubmitted.Select(o => o.ClientOrderId).ToHashSet(StringComparer.Ordinal);
        return [.. state.Submissions.Where(r => !journaled.Contains(r.ClientOrderId)).Select(r => $"#{r.Sequence} {r.ClientOrderId} {r.Outcome}")];
    }

    /// <summary>Per client order id, broker fills and ledger bookings that differ.</summary>
    public static IReadOnlyList<string> FillsNotBookedOnce(FinalState state)
    {
        var filled = state.Executions.GroupBy(e => e.ClientOrderId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(e => e.Quantity), StringComparer.Ordinal);
        var booked = state.Bookings.GroupBy(b => b.ClientOrderId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(b => b.Quantity), StringComparer.Ordinal);
        var twice = state.Bookings.GroupBy(b => b.ExecutionId, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"{g.Key} booked {g.Count()} times");
        var differ = filled.Keys.Union(booked.Keys).Where(k => filled.GetValueOrDefault(k) != booked.GetValueOrDefault(k))
            .Select(k => $"{k}: broker filled {filled.GetValueOrDefault(k)}, ledger booked {booked.GetValueOrDefault(k)}");
        return [.. twice, .. differ];
    }
}
