using System.Globalization;
using ActorTrader.Actors;
using ActorTrader.Hosting.Alerts;
using ActorTrader.Hosting.Configuration;
using ActorTrader.Hosting.Logging;
using ActorTrader.Hosting.Management;
using ActorTrader.Hosting.Security;
using ActorTrader.Hosting.Settings;
using ActorTrader.Node.Cluster;
using ActorTrader.Node.Control;
using ActorTrader.Node.Dashboard;
using ActorTrader.Node.Management;
using ActorTrader.Node.Operations;
using ActorTrader.Node.Research;
using ActorTrader.Node.Trading;
using ActorTrader.Persistence;
using ActorTrader.Persistence.Journal;
using ActorTrader.Trading.Host.Replay;
using ActorTrader.Trading.Panels;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace ActorTrader.Node.Hosting;

/// <summary>
/// Runs one node: loads the configuration, sets up logging, creates the token file, starts the actor
/// system with <c>/user/control</c> and the management API, with <c>--replay</c> or <c>--live-clock</c> (role trader) the
/// trading core under <c>/user/trading</c>, with role research the research supervisor under <c>/user/research</c> (it follows
/// the overnight window), and on SIGTERM/SIGINT stops them through coordinated shutdown (web host first,
/// logs flushed last). A replay prints one line per day on standard output (its logs go to the files, warnings also to
/// standard error), writes its report and stops the node when it ends.
/// </summary>
internal static class NodeHost
{
    public const int ExitOk = 0;
    public const int ExitConfigInvalid = 1;
    public const int ExitUsage = 2;
    public const int ExitStartFailed = 3;
    public const int ExitLiveRefused = 4;
    public const int ExitReplayIncomplete = 5;

    /// <summary>A cluster node whose replay moved to another node: this node lost the account's lease.</summary>
    public const int ExitLeaseLost = 6;

    public static async Task<int> RunAsync(string[] args, TimeProvider time)
    {
        NodeArguments arguments;
        try
        {
            arguments = NodeArguments.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return ExitUsage;
        }

        LoadedConfig loaded;
        NodeSettings settings;
        NodeResearchSettings? research = null;
        ClusterSettings cluster;
        AlertSettings alerts;
        TelemetrySettings telemetry;
        var sources = new ConfigSources { ConfigFile = arguments.ConfigFile, Sets = arguments.Sets };
        try
        {
            loaded = ConfigLoader.Load(sources);
            settings = NodeSettings.FromConfig(loaded);
            var (clusterSettings, clusterProblems) = ClusterSettings.Read(loaded.Config);
            if (clusterProblems.Count > 0) throw new ConfigLoadException(clusterProblems);
            cluster = clusterSettings;
            var (alertSettings, alertProblems) = AlertSettings.Read(loaded.Config);
            if (alertProblems.Count > 0) throw new ConfigLoadException(alertProblems);
            alerts = alertSettings;
            var (telemetrySettings, telemetryProblems) = TelemetrySettings.Read(loaded.Config);
            if (telemetryProblems.Count > 0) throw new ConfigLoadException(telemetryProblems);
            telemetry = telemetrySettings;
            // A research node with a bad research section refuses to start, listing every problem, before it opens anything.
            // A replay runs no research (its journal is the replay's own), so it does not read the section.
            if (settings.Node.Roles.Contains(NodeResearchSettings.Role) && arguments.Mode != TradingMode.Replay) research = NodeResearchSettings.Read(loaded);
            if (settings.Node.Roles.Contains(ClusterIngestion.Role) && cluster.Enabled) ClusterIngestion.ReadSettings(loaded);
        }
        catch (ConfigLoadException e)
        {
            await Console.Error.WriteLineAsync($"The node cannot start: its configuration has problems.{Environment.NewLine}{e.Message}{Environment.NewLine}Check it with ./actortrader config-check.").ConfigureAwait(false);
            return ExitConfigInvalid;
        }

        if (arguments.Mode != TradingMode.Off && !settings.Node.Roles.Contains("trader"))
        {
            await Console.Error.WriteLineAsync($"--replay and --live-clock run the trading core, which needs role trader; actortrader.node.roles = [{string.Join(", ", settings.Node.Roles)}]. Fix: add trader to the roles.").ConfigureAwait(false);
            return ExitUsage;
        }

        Directory.CreateDirectory(settings.Node.DataDir);
        // A replay's standard output is its day lines: the console log shows warnings and errors only, on standard error.
        var files = NodeLogging.CreateLogger(arguments.Mode == TradingMode.Replay ? settings with { Logging = settings.Logging with { Console = false } } : settings);
        var logger = arguments.Mode == TradingMode.Replay ? ReplayConsole(files, settings.Logging.Level) : files;
        try
        {
            return await RunAsync(loaded, sources, settings, cluster, alerts, telemetry, research, arguments, logger, time).ConfigureAwait(false);
        }
        finally
        {
            // Last: every event, including the final line, reaches its sink.
            await logger.DisposeAsync().ConfigureAwait(false);
            if (!ReferenceEquals(files, logger)) await files.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static Logger ReplayConsole(Logger files, LogEventLevel level) => new LoggerConfiguration()
        .MinimumLevel.Is(level)
        .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
        .WriteTo.Logger(files)
        .WriteTo.Logger(console => console.MinimumLevel.Warning().WriteTo.Console(
            outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}",
            standardErrorFromLevel: LogEventLevel.Verbose, formatProvider: CultureInfo.InvariantCulture))
        .CreateLogger();

    private static async Task<int> RunAsync(LoadedConfig loaded, ConfigSources sources, NodeSettings settings, ClusterSettings clusterSettings, AlertSettings alertSettings,
        TelemetrySettings telemetry, NodeResearchSettings? research,
        NodeArguments arguments, Logger logger, TimeProvider time)
    {
        var log = logger.ForContext(Serilog.Core.Constants.SourceContextPropertyName, "ActorTrader.Node");
        string token;
        try
        {
            var (value, created) = TokenFile.EnsureExists(settings.Management.TokenFile);
            token = value;
            if (created) log.Information("Created the management token file {TokenFile} (mode 0600); the CLI reads the token from there", settings.Management.TokenFile);
            else token = TokenFile.Read(settings.Management.TokenFile);
        }
        catch (TokenFileException e)
        {
            log.Fatal("{Error}", e.Message);
            return ExitStartFailed;
        }

        PersistenceStores stores;
        PersistenceSettings persistenceSettings;
        ReplayCursor? cursor = null;
        var replay = arguments.Mode == TradingMode.Replay;
        if (replay)
        {
            try
            {
                var (start, days) = ReplayArguments(loaded, arguments);
                arguments = arguments with { Start = start, Days = days };
            }
            catch (ConfigLoadException e)
            {
                log.Fatal("The replay's settings have problems: {Error}", e.Message);
                return ExitConfigInvalid;
            }
        }
        NodeCluster? cluster = null;
        try
        {
            if (replay && !clusterSettings.Enabled)
            {
                (stores, persistenceSettings, cursor) = await ReplayState.OpenAsync(loaded, settings.TradingRun, arguments.Start!.Value, arguments.Days!.Value, log, CancellationToken.None).ConfigureAwait(false);
            }
            else
            {
                // A cluster's replay shares the PostgreSQL journal; the node that takes the account's lease reads its cursor.
                (stores, persistenceSettings) = await NodePersistence.OpenAsync(loaded, replay ? settings.TradingRun.ReplayDir : settings.Node.DataDir).ConfigureAwait(false);
            }
            if (clusterSettings.Enabled)
            {
                try
                {
                    cluster = await NodeCluster.OpenAsync(clusterSettings, settings, persistenceSettings, CancellationToken.None).ConfigureAwait(false);
                }
                catch
                {
                    await stores.DisposeAsync().ConfigureAwait(false);
                    throw;
                }
                stores = cluster.Fence(stores);
            }
        }
        catch (Exception e) when (e is PersistenceStoreException or PersistenceSettingsException or IOException or UnauthorizedAccessException)
        {
            log.Fatal("The node cannot open its journal: {Error}", e.Message);
            return ExitStartFailed;
        }
        await using var journal = stores;
        await using var clusterDatabase = cluster;

        var startedAt = time.GetUtcNow();
        var system = ActorSystem.Create(SystemName(settings.Node.Name), settings.ToActorSystemSetup(logger));
        NodePersistence.Install(system, stores, persistenceSettings);
        // The halt state is journaled: a control actor that cannot write or replay stops (fail-closed) and is
        // started again from the journal with backoff; until it answers, the API tells callers to treat the node as halted.
        var controlProps = cluster is null ? ControlActor.CreateProps(settings.Control) : ControlActor.CreateProps(settings.Control, settings.Node.Name);
        var control = system.ActorOf(BackoffSupervisor.Props(Backoff.OnStop(controlProps, "state",
            TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0.2)), "control");
        await using var operations = NodeOperations.Start(system, settings.Node.Name, alertSettings, telemetry, logger, time);
        var node = new NodeContext(settings, loaded, control, token, startedAt, time)
        {
            Alerts = operations.Alerts,
            Freshness = operations.Freshness,
            Metrics = operations.Metrics,
            MetricsSummary = operations.Summary,
            Journal = new NodeJournal(persistenceSettings, replay ? settings.TradingRun.ReplayDir : settings.Node.DataDir),
        };
        system.ActorOf(OrderHistory.Listener(node.OrderHistory), "dashboard-order-history");
        if (research is not null && cluster is null) node.Research = StartResearch(system, research, settings, log);
        else if (replay && settings.Node.Roles.Contains(NodeResearchSettings.Role)) log.Information("Role research does not run during a replay (the replay has a journal of its own)");
        var shutdown = CoordinatedShutdown.Get(system);
        var unbindTimeout = shutdown.PhaseTimeout(CoordinatedShutdown.PhaseBeforeServiceUnbind);
        await using var web = ManagementServer.Build(node, logger, unbindTimeout);
        using var signals = new ShutdownSignals(system, settings.Shutdown.Timeout, time, log, code =>
        {
            logger.Dispose();
            Environment.Exit(code);
        });

        try
        {
            await web.StartAsync().ConfigureAwait(false);
        }
        catch (IOException e)
        {
            log.Fatal(e, "The management API cannot listen on {Host}:{Port}. Fix: free the port or set actortrader.management.port", settings.Management.Host, settings.Management.Port);
            await system.Terminate().ConfigureAwait(false);
            return ExitStartFailed;
        }
        var url = ManagementServer.BoundUrl(web);
        EndpointFile.Write(settings.Management.EndpointFile, new NodeEndpoint(url, Environment.ProcessId, settings.Node.Name, startedAt));

        shutdown.AddTask(CoordinatedShutdown.PhaseBeforeServiceUnbind, "stop-management-api", async () =>
        {
            RemoveEndpointFile(settings, log);
            await web.StopAsync().ConfigureAwait(false);
            return Done.Instance;
        });

        log.Information("Node {NodeName} started with roles {NodeRoles}; management API on {Url}; config {ConfigSource}",
            settings.Node.Name, string.Join(",", settings.Node.Roles), url, loaded.Description);
        if (cluster is not null)
        {
            node.Cluster = cluster;
            cluster.StartActors(system, node, url, ProfileSleeves(loaded, settings), log);
            if (research is not null) ClusterResearch.Start(system, cluster, node, research, settings, log);
            if (settings.Node.Roles.Contains(ClusterIngestion.Role)) ClusterIngestion.Start(system, cluster, settings, loaded, time, log);
            log.Information("Node {NodeName} joined the cluster on PostgreSQL {Server} (lease TTL {Ttl} s)", settings.Node.Name, cluster.Database.Server,
                clusterSettings.LeaseTtl.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture));
        }

        var exitCode = ExitOk;
        RunningTrading? trading = null;
        ClusterTrading? clusterTrading = null;
        if (arguments.Mode != TradingMode.Off && cluster is not null)
        {
            var hosting = clusterTrading = new ClusterTrading(cluster, node, system, loaded, sources, settings, arguments, control, persistenceSettings, stores, time, log, signals,
                code => exitCode = code);
            hosting.Start();
        }
        else if (arguments.Mode != TradingMode.Off)
        {
            var context = new TradingHostContext(system, loaded, sources, settings, arguments, control, persistenceSettings, cursor,
                replay ? settings.TradingRun.ReplayDir : settings.Node.DataDir, time, log, Console.Out);
            try
            {
                trading = await TradingHost.StartAsync(context, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception e) when (e is TradingStartException or PanelLoadException or AskTimeoutException or ArgumentException)
            {
                var code = e is TradingStartException start ? start.ExitCode : ExitStartFailed;
                log.Fatal("The trading core cannot start: {Error}", e.Message);
                await Console.Error.WriteLineAsync($"The trading core cannot start: {e.Message}").ConfigureAwait(false);
                signals.Begin(new TradingStoppedReason("the trading core could not start"));
                await system.WhenTerminated.ConfigureAwait(false);
                return code;
            }
            node.Trading = trading.Handle;
            if (trading.Replay is { } replayTask)
            {
                _ = replayTask.ContinueWith(async done =>
                {
                    exitCode = await ReportReplayAsync(done, log).ConfigureAwait(false);
                    if (settings.TradingRun.ReplayStay)
                        log.Information("The replay ended; the node keeps serving its management API and dashboard until it is stopped (actortrader.trading.run.replay-stay = on)");
                    else
                        signals.Begin(new TradingStoppedReason("the replay ended"));
                }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
            }
        }

        await system.WhenTerminated.ConfigureAwait(false);
        if (trading is not null) await trading.DisposeAsync().ConfigureAwait(false);
        if (clusterTrading?.Running is { } clustered) await clustered.DisposeAsync().ConfigureAwait(false);
        var elapsed = signals.ShutdownStartedTimestamp is { } started ? time.GetElapsedTime(started) : time.GetUtcNow() - startedAt;
        log.Information("Node {NodeName} stopped cleanly in {Seconds} s", settings.Node.Name, elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture));
        return exitCode;
    }

    /// <summary>The research supervisor at <c>/user/research</c> over the node's journal, following the window.</summary>
    private static NodeResearch StartResearch(ActorSystem system, NodeResearchSettings research, NodeSettings settings, Serilog.ILogger log)
    {
        var started = NodeResearch.Start(system, research, settings.Actors.AskTimeout);
        log.Information("Research supervisor started at /user/research: strategies {Strategies}, window {Window}; populations evolve while the window is open",
            research.Research.Strategies.Count == 0 ? "none" : string.Join(", ", research.Research.Strategies), research.Research.Window.ToString());
        return started;
    }

    /// <summary>The replay's first date and length: the command line's, else actortrader.trading.day.replay.</summary>
    private static (DateOnly Start, int Days) ReplayArguments(LoadedConfig loaded, NodeArguments arguments)
    {
        var (day, problems) = ActorTrader.Trading.Day.TradingDaySettings.Read(loaded.Config);
        if (problems.Count > 0) throw new ConfigLoadException(problems);
        return (arguments.Start ?? day.Replay.Start, arguments.Days ?? day.Replay.Days);
    }

    /// <summary>The sleeves of the trading profile (actortrader.trading.run.profile), which a cluster places over its trader nodes; none when the meta section has problems.</summary>
    private static IReadOnlyList<string> ProfileSleeves(LoadedConfig loaded, NodeSettings settings)
    {
        var (meta, problems) = ActorTrader.Trading.Meta.MetaSettings.Read(loaded.Config);
        return problems.Count == 0 && meta.TryGetProfile(settings.TradingRun.Profile, out var profile, out _) ? profile.Sleeves : [];
    }

    /// <summary>Prints how the replay ended (standard output) and returns the node's exit code.</summary>
    internal static async Task<int> ReportReplayAsync(Task<ReplayResult> done, Serilog.ILogger log)
    {
        if (!done.IsCompletedSuccessfully)
        {
            var error = done.Exception?.GetBaseException();
            log.Fatal(error, "The replay failed: {Error}", error?.Message);
            await Console.Error.WriteLineAsync($"The replay failed: {error?.Message} (see data/logs and ./actortrader errors)").ConfigureAwait(false);
            return ExitReplayIncomplete;
        }
        var result = done.Result;
        var cursor = result.Cursor;
        var started = cursor.Started;
        var first = cursor.Completed.Count > 0 ? cursor.Completed[0] : null;
        var last = cursor.Last;
        var initial = first is null ? (decimal?)null : first.NetAssetValue - first.DayPnl;
        var change = initial is > 0m && last is not null ? (last.NetAssetValue / initial.Value - 1m) * 100m : 0m;
        var line = string.Create(CultureInfo.InvariantCulture,
            $"Replay {(result.Succeeded ? "finished" : "stopped")}: {cursor.Completed.Count}/{started?.Days ?? 0} days {first?.Date:yyyy-MM-dd}..{last?.Date:yyyy-MM-dd}, NAV {last?.NetAssetValue ?? 0m:0.00} ({change:+0.00;-0.00;0.00}%), orders {cursor.Completed.Sum(d => d.Orders)}, fills {result.Ledger.FillCount}");
        await Console.Out.WriteLineAsync(line).ConfigureAwait(false);
        if (result.ReportDirectory is { } report) await Console.Out.WriteLineAsync($"Report: {Path.Combine(report, "summary.md")}").ConfigureAwait(false);
        await Console.Out.FlushAsync().ConfigureAwait(false);
        if (result.Error is { } why)
        {
            log.Error("The replay did not complete: {Error}", why);
            await Console.Error.WriteLineAsync($"The replay did not complete: {why}").ConfigureAwait(false);
            return ExitReplayIncomplete;
        }
        return ExitOk;
    }

    /// <summary>Why the node stops by itself: the replay ended, or the trading core could not start.</summary>
    internal sealed class TradingStoppedReason(string why) : CoordinatedShutdown.Reason
    {
        public override string ToString() => why;
    }

    /// <summary>Removes the endpoint file; a failure is logged, and must not keep the web host from stopping.</summary>
    private static void RemoveEndpointFile(NodeSettings settings, Serilog.ILogger log)
    {
        try
        {
            EndpointFile.DeleteIfOwned(settings.Management.EndpointFile, Environment.ProcessId);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            log.Error(e, "Could not remove the endpoint file {EndpointFile}; the CLI will find it names a stopped process", settings.Management.EndpointFile);
        }
    }

    // Actor-system names allow letters, digits, '-' and '_'.
    private static string SystemName(string nodeName)
    {
        var chars = nodeName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray();
        return chars.Length == 0 ? "node" : new string(chars);
    }
}
