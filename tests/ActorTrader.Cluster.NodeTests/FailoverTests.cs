using ActorTrader.Cluster.NodeTests.Harness;
using ActorTrader.Node.Tests.EndToEnd;
using ActorTrader.Trading.CrashTests.Harness;
using Xunit.Abstractions;

namespace ActorTrader.Cluster.NodeTests;

/// <summary>
/// Issue 11: two trader nodes replay the same account; the one holding the account's lease is killed with SIGKILL in the
/// middle of the replay. The standby takes the lease once its TTL ran out, recovers orders, ledger and risk from the
/// shared journal, reconciles with the broker and finishes the replay — sending no client order id twice.
/// </summary>
[Collection(ClusterNodesCollection.Name)]
public sealed class FailoverTests(ClusterServer server, ITestOutputHelper output)
{
    private const int Days = 40;

    [Fact]
    public async Task Killing_the_account_holder_mid_replay_moves_trading_to_the_standby_which_sends_no_order_twice()
    {
        await using var replay = await TwoTraderReplay.StartAsync(server.Postgres, Days);
        var (setup, holder, standby) = (replay.Setup, replay.Holder, replay.Standby);

        var killedAt = await holder.SignalOnLineAsync(l => ClusterNode.DayLine().IsMatch(l), PosixSignals.SigKill, TimeSpan.FromMinutes(2), "a replay day line");
        Assert.Equal(ClusterNode.KilledExitCode, await holder.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        var readyAt = await standby.WhenLineAsync(ClusterNode.IsTradingReady, TimeSpan.FromMinutes(1), "trading ready after the failover");
        var exit = await standby.WaitForExitAsync(TimeSpan.FromMinutes(4));

        var failover = readyAt - killedAt;
        output.WriteLine($"failover: SIGKILL of {holder.Name} after {holder.DayLines} day(s) -> {standby.Name} trading-ready in {failover.TotalSeconds:0.00} s (lease TTL 5 s)");
        output.WriteLine(standby.Tail(8));
        Assert.True(exit == 0, standby.Tail());
        Assert.Contains(standby.Lines, l => l.StartsWith($"Replay finished: {Days}/{Days} days", StringComparison.Ordinal));
        Assert.True(standby.LeaseEpoch > holder.LeaseEpoch, $"epochs {holder.LeaseEpoch} then {standby.LeaseEpoch}");

        await using var journal = await setup.OpenJournalAsync();
        var state = await FinalState.ReadAsync(setup.PaperStateFile, journal, ClusterTestSetup.AccountId);
        output.WriteLine($"broker: {state.Submissions.Count} submissions, {state.Executions.Count} fills; journal: {state.OrdersSubmitted.Count()} orders, {state.Bookings.Count()} bookings");
        Assert.NotEmpty(state.Submissions);
        Assert.Empty(BrokerChecks.SentTwice(state));
        Assert.Empty(BrokerChecks.NotJournaled(state));
        Assert.Empty(BrokerChecks.FillsNotBookedOnce(state));
        Assert.Equal(state.BrokerPositionsBySymbol().OrderBy(p => p.Key, StringComparer.Ordinal), state.LedgerPositions().OrderBy(p => p.Key, StringComparer.Ordinal));
    }
}
