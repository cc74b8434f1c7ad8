using System.Globalization;
using ActorTrader.Actors;
using ActorTrader.Hosting.Configuration;
using ActorTrader.Hosting.Logging;
using ActorTrader.Hosting.Management;
using ActorTrader.Hosting.Security;
using ActorTrader.Hosting.Settings;
using ActorTrader.Node.Control;
using ActorTrader.Node.Management;
using ActorTrader.Persistence;
using ActorTrader.Persistence.Journal;
using Serilog.Core;

namespace ActorTrader.Node.Hosting;

/// <summary>
/// Runs one node: loads the configuration, sets up logging, creates the token file, starts the actor
/// system with <c>/user/control</c> and the management API, and on SIGTERM/SIGINT stops them through
/// coordinated shutdown (web host first, logs flushed last).
/// </summary>
internal static class NodeHost
{
    public const int ExitOk = 0;
    public const int ExitConfigInvalid = 1;
    public const int ExitUsage = 2;
    public const int ExitStartFailed = 3;

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
        try
        {
            loaded = ConfigLoader.Load(new ConfigSources { ConfigFile = arguments.ConfigFile, Sets = arguments.Sets });
            settings = NodeSettings.FromConfig(loaded);
        }
        catch (ConfigLoadException e)
        {
            await Console.Error.WriteLineAsync($"The node cannot start: its configuration has problems.{Environment.NewLine}{e.Message}{Environment.NewLine}Check it with ./actortrader config-check.").ConfigureAwait(false);
            return ExitConfigInvalid;
        }

        Directory.CreateDirectory(settings.Node.DataDir);
        var logger = NodeLogging.CreateLogger(settings);
        try
        {
            return await RunAsync(loaded, settings, logger, time).ConfigureAwait(false);
        }
        finally
        {
            // Last: every event, including the final line, reaches its sink.
            await logger.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<int> RunAsync(LoadedConfig loaded, NodeSettings settings, Logger logger, TimeProvider time)
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
        try
        {
            (stores, persistenceSettings) = await NodePersistence.OpenAsync(loaded, settings).ConfigureAwait(false);
        }
        catch (Exception e) when (e is PersistenceStoreException or PersistenceSettingsException)
        {
            log.Fatal("The node cannot open its journal: {Error}", e.Message);
            return ExitStartFailed;
        }
        await using var journal = stores;

        var startedAt = time.GetUtcNow();
        var system = ActorSystem.Create(SystemName(settings.Node.Name), settings.ToActorSystemSetup(logger));
        NodePersistence.Install(system, stores, persistenceSettings);
        // The halt state is journaled: a control actor that cannot write or replay stops (fail-closed) and is
        // started again from the journal with backoff; until it answers, the API tells callers to treat the node as halted.
        var control = system.ActorOf(BackoffSupervisor.Props(Backoff.OnStop(ControlActor.CreateProps(settings.Control), "state",
            TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 0.2)), "control");
        var node = new NodeContext(settings, loaded, control, token, startedAt, time);
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

        await system.WhenTerminated.ConfigureAwait(false);
        var elapsed = signals.ShutdownStartedTimestamp is { } started ? time.GetElapsedTime(started) : time.GetUtcNow() - startedAt;
        log.Information("Node {NodeName} stopped cleanly in {Seconds} s", settings.Node.Name, elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture));
        return ExitOk;
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
