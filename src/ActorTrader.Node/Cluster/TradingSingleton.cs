using System.Globalization;
using ActorTrader.Cluster.Leases;
using ActorTrader.Cluster.Singleton;
using ActorTrader.Node.Hosting;
using ActorTrader.Node.Trading;

namespace ActorTrader.Node.Cluster;

/// <summary>
/// The account core as a cluster singleton: started on the node that takes the lease <c>trading/account-&lt;id&gt;</c>
/// (recovering orders, ledger and risk from the shared journal, then reconciling with the broker before the gate opens),
/// stopped when the lease is lost. Once it runs, it prints <c>Cluster: trading ready …</c> when the gate first permits
/// trading, which is what failover is measured to.
/// </summary>
internal sealed class TradingSingleton(
    NodeContext node,
    Func<LeaseGrant, CancellationToken, Task<RunningTrading?>> start,
    Func<string, Task> lost,
    Serilog.ILogger log,
    TextWriter output) : ISingletonLifecycle
{
    private static readonly TimeSpan ReadyPoll = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromMinutes(2);

    private CancellationTokenSource? _running;
    private RunningTrading? _trading;

    public async Task StartAsync(LeaseGrant grant, CancellationToken cancellationToken)
    {
        var running = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _running = running;
        log.Warning("Lease {Lease} taken at epoch {Epoch}: this node now runs the account core", grant.Name, grant.Epoch);
        await WriteAsync(string.Create(CultureInfo.InvariantCulture, $"Cluster: lease {grant.Name} taken at epoch {grant.Epoch}; starting the account core")).ConfigureAwait(false);
        _trading = await start(grant, running.Token).ConfigureAwait(false);
        if (_trading is null) return;
        node.Trading = _trading.Handle;
        _ = Task.Run(() => AnnounceReadyAsync(grant, _trading.Handle, running.Token), CancellationToken.None);
    }

    public async Task StopAsync(string reason)
    {
        log.Warning("The account core stops on this node: {Reason}", reason);
        await WriteAsync($"Cluster: the account core stops on this node: {reason}").ConfigureAwait(false);
        node.Trading = null;
        // First: a replay cancelled below must be reported as moved, not as failed.
        await lost(reason).ConfigureAwait(false);
        if (_running is { } running) await running.CancelAsync().ConfigureAwait(false);
        if (_trading is { } trading) await trading.StopAsync().ConfigureAwait(false);
        _trading = null;
    }

    private async Task AnnounceReadyAsync(LeaseGrant grant, NodeTrading trading, CancellationToken cancellationToken)
    {
        using var poll = new PeriodicTimer(ReadyPoll);
        var deadline = DateTimeOffset.UtcNow + ReadyWithin;
        try
        {
            while (await poll.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false) && DateTimeOffset.UtcNow < deadline)
            {
                var status = await trading.StatusAsync(cancellationToken).ConfigureAwait(false);
                if (!status.TradingAllowed) continue;
                await WriteAsync(string.Create(CultureInfo.InvariantCulture,
                    $"Cluster: trading ready on {node.Settings.Node.Name} (lease {grant.Name} epoch {grant.Epoch}): recovered, reconciled, gate open")).ConfigureAwait(false);
                return;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException or ActorTrader.Actors.AskTimeoutException)
        {
            log.Debug("Stopped waiting for the gate to open: {Error}", e.Message);
        }
    }

    private async Task WriteAsync(string line)
    {
        await output.WriteLineAsync(line).ConfigureAwait(false);
        await output.FlushAsync().ConfigureAwait(false);
    }
}
