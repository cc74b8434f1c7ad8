using System.Globalization;
using ActorTrader.Actors;
using ActorTrader.Cluster.Leases;
using ActorTrader.Hosting.Configuration;
using ActorTrader.Hosting.Settings;
using ActorTrader.Node.Cluster.Sleeves;
using ActorTrader.Node.Hosting;
using ActorTrader.Node.Trading;
using ActorTrader.Persistence;
using ActorTrader.Trading.Host.Replay;
using ActorTrader.Trading.Ledger;
using ActorTrader.Trading.Orders;
using ActorTrader.Trading.Risk;

namespace ActorTrader.Node.Cluster;

/// <summary>
/// The trading core of a cluster node with role trader: a standby until it takes the account's lease, then the account
/// core recovered from the shared journal (a replay continues after the last day any node completed). When the lease is
/// lost, the core stops; a replaying node then exits with <see cref="NodeHost.ExitLeaseLost"/>, a live-clock node stays a
/// standby.
/// </summary>
internal sealed class ClusterTrading(
    NodeCluster cluster,
    NodeContext node,
    ActorSystem system,
    LoadedConfig loaded,
    ConfigSources sources,
    NodeSettings settings,
    NodeArguments arguments,
    IActorRef control,
    PersistenceSettings persistence,
    PersistenceStores stores,
    TimeProvider time,
    Serilog.ILogger log,
    ShutdownSignals signals,
    Action<int> setExitCode)
{
    private volatile RunningTrading? _running;
    private string _accountId = "";
    private NodeSleeves? _sleeves;

    private bool Replay => arguments.Mode == TradingMode.Replay;

    /// <summary>The trading core this node last started as the lease holder (the node disposes it at its end).</summary>
    public RunningTrading? Running => _running;

    public void Start()
    {
        var accountId = AccountId();
        _accountId = accountId;
        // Every trader node runs the sleeves placed on it, also while it stands by for the account.
        _sleeves = ClusterSleeveHost.Start(system, cluster, loaded, time, log);
        var lease = NodeCluster.AccountLeasePrefix + accountId;
        // Every journal id of the account core is fenced by the account's lease.
        List<LeaseScope> scopes =
        [
            LeaseScope.Exact(OrderManagerActor.PersistenceIdPrefix + accountId),
            LeaseScope.Exact(LedgerActor.PersistenceIdOf(accountId)),
            LeaseScope.Exact(RiskActor.PersistenceIdPrefix + accountId),
        ];
        if (Replay) scopes.Add(LeaseScope.Exact(ReplayCursor.PersistenceId));
        var lifecycle = new TradingSingleton(node, StartTradingAsync, LostAsync, log, Console.Out);
        cluster.StartSingleton(system, lease, scopes, lifecycle, "cluster-account-" + accountId);
        log.Information("Account {AccountId}: standby for lease {Lease}; the account core starts when this node holds it", accountId, lease);
        Console.Out.WriteLine($"Cluster: standby for lease {lease}; the account core starts on this node when it holds the lease");
        Console.Out.Flush();
    }

    private async Task<RunningTrading?> StartTradingAsync(LeaseGrant grant, CancellationToken cancellationToken)
    {
        ReplayCursor? cursor = null;
        if (Replay)
        {
            cursor = await ReplayCursor.LoadAsync(stores.Journal, NodePersistence.CreateSerializer(), cancellationToken).ConfigureAwait(false);
            var (start, days) = (arguments.Start!.Value, arguments.Days!.Value);
            if (cursor.Started is { } started && !cursor.Resumes(start, days))
            {
                if (cursor.Finished && started.Start == start && started.Days == days)
                {
                    await Console.Out.WriteLineAsync($"Replay {started.RunId} already finished (the cluster's journal holds its last day); nothing to do on this node.").ConfigureAwait(false);
                    StopNode(NodeHost.ExitOk, "the replay had finished");
                    return null;
                }
                var message = string.Create(CultureInfo.InvariantCulture,
                    $"The cluster's journal holds replay {started.RunId} ({started.Start:yyyy-MM-dd}, {started.Days} days, {(cursor.Finished ? "finished" : "not finished")}), not this one ({start:yyyy-MM-dd}, {days} days). Fix: start every node with the same --start and --days, or give this replay a fresh schema (actortrader.persistence.postgresql.schema).");
                log.Fatal("{Error}", message);
                await Console.Error.WriteLineAsync(message).ConfigureAwait(false);
                StopNode(NodeHost.ExitConfigInvalid, "the replay does not match the cluster's journal");
                return null;
            }
        }
        var context = new TradingHostContext(system, loaded, sources, settings, arguments, control, persistence, cursor,
            Replay ? settings.TradingRun.ReplayDir : settings.Node.DataDir, time, log, Console.Out)
        {
            SleeveProxies = _sleeves is { } sleeves ? ClusterSleeveHost.Proxies(cluster, sleeves) : null,
        };
        RunningTrading trading;
        try
        {
            trading = await StartWhenBrokerFreeAsync(context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TradingStartException or ActorTrader.Trading.Panels.PanelLoadException or AskTimeoutException or ArgumentException)
        {
            var code = e is TradingStartException start ? start.ExitCode : NodeHost.ExitStartFailed;
            log.Fatal("The trading core cannot start: {Error}", e.Message);
            await Console.Error.WriteLineAsync($"The trading core cannot start: {e.Message}").ConfigureAwait(false);
            StopNode(code, "the trading core could not start");
            return null;
        }
        _running = trading;
        if (trading.Handle.AccountId != _accountId)
        {
            // The lease and its fencing scopes name another account than the broker opened: trading unfenced is not allowed.
            var message = $"The broker opened account {trading.Handle.AccountId}, but this node holds the lease of account {_accountId}. Fix: set actortrader.broker.paper.account-id (or the Alpaca settings) the same on every node.";
            log.Fatal("{Error}", message);
            await Console.Error.WriteLineAsync(message).ConfigureAwait(false);
            StopNode(NodeHost.ExitStartFailed, "the account does not match its lease");
            return null;
        }
        if (trading.Replay is { } replayTask)
        {
            _ = replayTask.ContinueWith(async done =>
            {
                // A replay cancelled because the lease moved is reported by LostAsync, not as a failed replay.
                if (cancellationToken.IsCancellationRequested) return;
                var code = await NodeHost.ReportReplayAsync(done, log).ConfigureAwait(false);
                StopNode(code, "the replay ended");
            }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        }
        return trading;
    }

    /// <summary>
    /// Starts the core; while the paper account's file is still held by the previous holder (a paused process that has not
    /// noticed it lost the lease), waits for it to let go. The lease holder is the rightful owner: it keeps the lease and
    /// retries every second, until the lease is lost (the token) or the file is free.
    /// </summary>
    private async Task<RunningTrading> StartWhenBrokerFreeAsync(TradingHostContext context, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TradingHost.StartAsync(context, cancellationToken).ConfigureAwait(false);
            }
            catch (TradingStartException e) when (e.InnerException is ActorTrader.Brokers.Paper.PaperBrokerStateException { InUse: true } && !cancellationToken.IsCancellationRequested)
            {
                if (attempt == 1) log.Warning("The paper account is still held by another process (the previous lease holder?); retrying every second: {Error}", e.Message);
                await Task.Delay(BrokerRetry, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static readonly TimeSpan BrokerRetry = TimeSpan.FromSeconds(1);

    private async Task LostAsync(string reason)
    {
        if (CoordinatedShutdown.Get(system).ShutdownReason is not null) return;
        if (!Replay) return;
        await Console.Out.WriteLineAsync($"The replay stops on this node: {reason}. The node holding the lease continues it.").ConfigureAwait(false);
        StopNode(NodeHost.ExitLeaseLost, "the account's lease was lost");
    }

    private void StopNode(int exitCode, string why)
    {
        setExitCode(exitCode);
        signals.Begin(new NodeHost.TradingStoppedReason(why));
    }

    /// <summary>The account the broker settings name: the paper account's id, or Alpaca's live or paper account.</summary>
    private string AccountId() => settings.Broker.Kind switch
    {
        BrokerSettings.AlpacaKind => AlpacaIsLive() ? "alpaca-live" : "alpaca-paper",
        _ => loaded.Config.HasPath("actortrader.broker.paper.account-id") ? loaded.Config.GetString("actortrader.broker.paper.account-id") : "paper",
    };

    private bool AlpacaIsLive()
    {
        try
        {
            return ActorTrader.Brokers.Alpaca.AlpacaBrokerOptions.FromConfig(loaded.Config).IsLive;
        }
        catch (ActorTrader.Brokers.Alpaca.AlpacaBrokerOptionsException)
        {
            // The trading core reports the problem when it starts; the lease name only needs the account kind.
            return settings.Broker.Alpaca.Live;
        }
    }
}
