using System.Net;
using ActorTrader.Actors;
using ActorTrader.Hocon;
using ActorTrader.Hosting.Configuration;
using ActorTrader.Trading.Risk;
using Serilog.Events;

namespace ActorTrader.Hosting.Settings;

/// <summary>Everything a node reads from <c>actortrader.*</c>, typed, with paths made absolute.</summary>
public sealed record NodeSettings(
    NodeIdentity Node,
    ManagementSettings Management,
    LoggingSettings Logging,
    ControlSettings Control,
    ShutdownSettings Shutdown,
    ActorSettings Actors,
    BrokerSettings Broker,
    RiskSettings Risk,
    TradingRunSettings TradingRun)
{
    /// <summary>Reads the settings; throws <see cref="ConfigLoadException"/> listing every problem found.</summary>
    public static NodeSettings FromConfig(LoadedConfig loaded)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        var (settings, problems) = Read(loaded.Config, loaded.WorkingDirectory);
        if (problems.Count > 0) throw new ConfigLoadException(problems);
        return settings;
    }

    /// <summary>Reads the settings, returning them (with fallbacks where values were bad) and the problems found.</summary>
    public static (NodeSettings Settings, IReadOnlyList<ConfigProblem> Problems) Read(Config config, string workingDirectory)
    {
        var r = new SettingsReader(config);
        const string n = "actortrader.node.";
        var dataDir = Path.GetFullPath(r.String(n + "data-dir") is { Length: > 0 } d ? d : "data", workingDirectory);
        var roles = r.StringList(n + "roles");
        if (roles.Count == 0)
            r.Report(n + "roles", "actortrader.node.roles is empty, so the node would start no role.", $"List at least one of {string.Join(", ", NodeIdentity.KnownRoles)}.");
        foreach (var role in roles.Where(role => !NodeIdentity.KnownRoles.Contains(role)))
            r.Report(n + "roles", $"actortrader.node.roles contains unknown role \"{role}\".", $"Use only {string.Join(", ", NodeIdentity.KnownRoles)}.");
        var node = new NodeIdentity(r.String(n + "name"), roles, dataDir);

        const string m = "actortrader.management.";
        var host = r.String(m + "host");
        if (host.Length > 0 && !(IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address)))
            r.Report(m + "host", $"actortrader.management.host = \"{host}\" is not a loopback IP address; the management API must not be reachable from other machines.", "Set it to 127.0.0.1 (or ::1).");
        var dashboard = new DashboardSettings(r.Boolean(m + "dashboard.enabled"), r.PositiveDuration(m + "dashboard.update-interval"), r.OptionalString(m + "dashboard.benchmark")?.Trim() ?? "");
        if (dashboard.UpdateInterval > TimeSpan.FromMinutes(1))
            r.Report(m + "dashboard.update-interval", $"actortrader.management.dashboard.update-interval = {dashboard.UpdateInterval} is longer than a minute; the dashboard would look frozen.", "Set it to 1s (the default) or a few seconds.");
        var management = new ManagementSettings(host, r.Int(m + "port", 0, 65535), InData(r.String(m + "token-file")), InData(r.String(m + "endpoint-file"))) { Dashboard = dashboard };

        const string l = "actortrader.logging.";
        var levelText = r.String(l + "level");
        if (!Enum.TryParse<LogEventLevel>(levelText, ignoreCase: true, out var level) || !Enum.IsDefined(level) || int.TryParse(levelText, out _))
        {
            if (levelText.Length > 0)
                r.Report(l + "level", $"actortrader.logging.level = \"{levelText}\" is not a log level.", $"Use one of {string.Join(", ", Enum.GetNames<LogEventLevel>())}.");
            level = LogEventLevel.Information;
        }
        var logging = new LoggingSettings(level, r.Boolean(l + "console"), InData(r.String(l + "dir")), r.Int(l + "retained-files", 1, 366), InData(r.String(l + "errors-file")));

        const string c = "actortrader.control.";
        var control = new ControlSettings(InData(r.String(c + "kill-switch-dir")), InData(r.String(c + "halt-file")), r.PositiveDuration(c + "watch-interval"));

        const string s = "actortrader.shutdown.";
        var phases = CoordinatedShutdown.OrderedPhases.ToDictionary(phase => phase, phase => r.PositiveDuration($"{s}phase-timeouts.{phase}"), StringComparer.Ordinal);
        var shutdown = new ShutdownSettings(r.PositiveDuration(s + "timeout"), phases);
        // Phases run one after another, so their timeouts must fit in the overall timeout or the last ones never get their turn.
        var phaseTotal = phases.Values.Aggregate(TimeSpan.Zero, (sum, t) => sum + t);
        if (phaseTotal > shutdown.Timeout)
            r.Report(s + "timeout", $"actortrader.shutdown.timeout = {shutdown.Timeout.TotalSeconds:0.###} s is shorter than the phase timeouts together ({phaseTotal.TotalSeconds:0.###} s), so a slow shutdown would be forced before its last phases ran.",
                $"Raise actortrader.shutdown.timeout to at least {phaseTotal.TotalSeconds:0.###} s or lower the phase timeouts.");

        const string a = "actortrader.actors.";
        var actors = new ActorSettings(r.Int(a + "dispatcher-throughput", 1, 1_000_000), r.PositiveDuration(a + "ask-timeout"));

        const string b = "actortrader.broker.";
        var kind = r.String(b + "kind");
        if (kind.Length > 0 && !BrokerSettings.KnownKinds.Contains(kind))
            r.Report(b + "kind", $"actortrader.broker.kind = \"{kind}\" is not a known broker.", $"Use one of {string.Join(", ", BrokerSettings.KnownKinds)}.");
        var baseUrl = r.String(b + "alpaca.base-url");
        if (baseUrl.Length > 0 && !(Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
            r.Report(b + "alpaca.base-url", $"actortrader.broker.alpaca.base-url = \"{baseUrl}\" is not an https URL.", "Set it to https://paper-api.alpaca.markets or https://api.alpaca.markets.");
        var broker = new BrokerSettings(kind, new AlpacaSettings(r.OptionalString(b + "alpaca.key-id"), r.OptionalString(b + "alpaca.secret-key"), baseUrl, r.Boolean(b + "alpaca.live"))
        {
            LiveConfirmToken = r.OptionalString(b + "alpaca.live-confirm-token"),
        });

        // The risk manager reads its own section (limits, circuit breakers); the node only carries the result.
        var (risk, riskProblems) = RiskSettings.Read(config);

        var (run, runProblems) = TradingRunSettings.Read(config, dataDir);

        return (new NodeSettings(node, management, logging, control, shutdown, actors, broker, risk, run), [.. r.Problems, .. riskProblems, .. runProblems]);

        string InData(string path) => Path.GetFullPath(path.Length > 0 ? path : ".", dataDir);
    }

    /// <summary>The actor-system settings these settings describe.</summary>
    public ActorSystemSetup ToActorSystemSetup(Serilog.ILogger logger) => new()
    {
        DefaultDispatcherThroughput = Actors.DispatcherThroughput,
        DefaultAskTimeout = Actors.AskTimeout,
        Logger = logger,
        // The node handles signals itself: the first starts coordinated shutdown, a second forces the exit.
        RunCoordinatedShutdownOnSignals = false,
        PhaseTimeouts = Shutdown.PhaseTimeouts,
    };
}
