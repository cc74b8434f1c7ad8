using ActorTrader.Brokers.Paper;
using ActorTrader.Trading.CrashTests.Harness;
using ActorTrader.Trading.Host;
using Xunit.Abstractions;

namespace ActorTrader.Trading.CrashTests;

/// <summary>
/// Issue 9's crash test: the real node replaying the bundled data, killed with SIGKILL at random points (between the
/// journaled OrderSubmitted and the broker call, between a broker fill and the ledger, after day lines, ...), started
/// again each time, then run to the end. What the broker and the journal hold afterwards must show that no order was
/// sent twice, every fill was booked once, and the ledger agrees with the broker.
/// </summary>
public sealed class ReplayCrashTests(CrashSeries series, ITestOutputHelper output) : IClassFixture<CrashSeries>
{
    private readonly FinalState _state = series.State;

    [Fact]
    public void The_node_is_killed_at_least_30_times_at_every_crash_point_and_still_finishes_the_replay()
    {
        output.WriteLine(series.Describe());
        Assert.True(series.Kills.Count >= 30, $"only {series.Kills.Count} kills");
        Assert.All(CrashPoints.Names, point => Assert.Contains(series.Kills, k => k.CrashPoint == point));
        Assert.StartsWith($"Replay finished: {CrashTestSetup.Days}/{CrashTestSetup.Days} days", series.FinalLine, StringComparison.Ordinal);
        Assert.NotEmpty(_state.Executions);
    }

    [Fact]
    public void No_client_order_id_is_sent_to_the_broker_twice()
    {
        output.WriteLine(series.Describe());
        var sentTwice = _state.Submissions.GroupBy(r => r.ClientOrderId, StringComparer.Ordinal).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(r => $"#{r.Sequence} {r.Outcome}"))}").ToList();
        Assert.DoesNotContain(_state.Submissions, r => r.Outcome == SubmissionOutcome.Duplicate);
        Assert.Empty(sentTwice);
        Assert.NotEmpty(_state.Submissions);
    }

    [Fact]
    public void Every_order_the_broker_received_is_in_the_order_journal()
    {
        output.WriteLine(series.Describe());
        var journaled = _state.OrdersSubmitted.Select(o => o.ClientOrderId).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(_state.Submissions.Where(r => !journaled.Contains(r.ClientOrderId)).Select(r => $"#{r.Sequence} {r.ClientOrderId} {r.Outcome}"));
    }

    [Fact]
    public void Every_broker_fill_is_booked_in_the_ledger_exactly_once()
    {
        output.WriteLine(series.Describe());
        var bookings = _state.Bookings.ToList();
        // No execution booked twice, and none the broker never made.
        Assert.Empty(bookings.GroupBy(b => b.ExecutionId, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"{g.Key} booked {g.Count()} times"));
        var brokerIds = _state.Executions.Select(e => e.ExecutionId).ToHashSet(StringComparer.Ordinal);
        var brokerOrders = _state.Executions.Select(e => e.ClientOrderId).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(bookings.Where(b => !brokerIds.Contains(b.ExecutionId) && !brokerOrders.Contains(b.ClientOrderId)).Select(b => $"{b.ExecutionId} of {b.ClientOrderId}"));
        // A fill whose trade update was lost to a kill is booked from the broker's order by reconciliation under an id of
        // its own; per order, the ledger holds exactly the quantity the broker filled.
        var filled = _state.Executions.GroupBy(e => e.ClientOrderId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(e => e.Quantity), StringComparer.Ordinal);
        var booked = bookings.GroupBy(b => b.ClientOrderId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(b => b.Quantity), StringComparer.Ordinal);
        Assert.Equal(filled.OrderBy(kv => kv.Key, StringComparer.Ordinal), booked.OrderBy(kv => kv.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void Ledger_positions_equal_broker_positions_after_the_last_reconciliation()
    {
        output.WriteLine(series.Describe());
        Assert.NotEmpty(_state.BrokerPositionsBySymbol());
        Assert.Equal(_state.BrokerPositionsBySymbol().OrderBy(kv => kv.Key, StringComparer.Ordinal), _state.LedgerPositions().OrderBy(kv => kv.Key, StringComparer.Ordinal));
    }
}
