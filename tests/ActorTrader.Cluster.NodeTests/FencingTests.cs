using ActorTrader.Cluster.NodeTests.Harness;
using ActorTrader.Node.Tests.EndToEnd;
using Xunit.Abstractions;

namespace ActorTrader.Cluster.NodeTests;

/// <summary>
/// Issue 11: the account holder is paused (SIGSTOP, as a long GC pause or a frozen VM would) past its lease TTL; the
/// standby takes over. When the old holder is continued it must not write one more event — the database rejects its
/// stale epoch — and it stops its account core by itself.
/// </summary>
[Collection(ClusterNodesCollection.Name)]
public sealed class FencingTests(ClusterServer server, ITestOutputHelper output)
{
    private const int Days = 40;

    [Fact]
    public async Task A_holder_paused_past_its_lease_cannot_write_after_the_takeover_and_stops_itself()
    {
        await using var replay = await TwoTraderReplay.StartAsync(server.Postgres, Days);
        var (setup, holder, standby) = (replay.Setup, replay.Holder, replay.Standby);

        var pausedAt = await holder.SignalOnLineAsync(l => ClusterNode.DayLine().IsMatch(l), PosixSignals.SigStop, TimeSpan.FromMinutes(2), "a replay day line");
        // The standby takes the lease once the TTL ran out; the paused holder still has the paper account's file open, so
        // the new holder waits for it while holding the lease.
        var takenAt = await standby.WhenLineAsync(l => ClusterNode.LeaseTakenLine().IsMatch(l), TimeSpan.FromMinutes(1), "taking the lease");
        var continuedAt = holder.Signal(PosixSignals.SigCont);
        var stoppedAt = await holder.WhenLineAsync(l => l.StartsWith("The replay stops on this node:", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "stopping after losing the lease");
        var oldExit = await holder.WaitForExitAsync(TimeSpan.FromSeconds(60));
        var readyAt = await standby.WhenLineAsync(ClusterNode.IsTradingReady, TimeSpan.FromMinutes(1), "trading ready after the takeover");
        var newExit = await standby.WaitForExitAsync(TimeSpan.FromMinutes(4));

        output.WriteLine($"{holder.Name} paused at {pausedAt.TotalSeconds:0.00} s; {standby.Name} took the lease {(takenAt - pausedAt).TotalSeconds:0.00} s later; " +
            $"{holder.Name} continued at {continuedAt.TotalSeconds:0.00} s and stopped its account core {(stoppedAt - continuedAt).TotalSeconds:0.00} s later (exit {oldExit}); " +
            $"{standby.Name} trading-ready {(readyAt - continuedAt).TotalSeconds:0.00} s after the continue");
        output.WriteLine(holder.Tail(10));
        Assert.Equal(6, oldExit); // NodeHost.ExitLeaseLost
        Assert.True(newExit == 0, standby.Tail());
        Assert.Contains(standby.Lines, l => l.StartsWith($"Replay finished: {Days}/{Days} days", StringComparison.Ordinal));

        // Per epoch, the account's journal rows: the old holder's all come before the new holder's first.
        var rows = await setup.QueryAsync(
            "SELECT writer_epoch, min(ordering), max(ordering), count(*) FROM journal WHERE persistence_id IN ('orders-paper', 'ledger-paper', 'risk-paper', 'replay-cursor') GROUP BY writer_epoch ORDER BY writer_epoch");
        foreach (var row in rows) output.WriteLine($"epoch {row[0]}: rows {row[3]}, ordering {row[1]}..{row[2]}");
        var oldEpoch = holder.LeaseEpoch!.Value;
        var newEpoch = standby.LeaseEpoch!.Value;
        Assert.True(newEpoch > oldEpoch);
        Assert.DoesNotContain(rows, r => (long)r[0]! == 0L);
        var oldRows = rows.Single(r => (long)r[0]! == oldEpoch);
        var newRows = rows.Single(r => (long)r[0]! == newEpoch);
        Assert.True((long)oldRows[2]! < (long)newRows[1]!, $"the old holder (epoch {oldEpoch}) wrote ordering {oldRows[2]} after the new holder's first {newRows[1]}");
    }
}
