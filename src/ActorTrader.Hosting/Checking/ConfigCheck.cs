using ActorTrader.Backtest.Forecasting;
using ActorTrader.Hosting.Alerts;
using ActorTrader.Backtest.Settings;
using ActorTrader.Brokers.Paper;
using ActorTrader.Data.Settings;
using ActorTrader.Hocon;
using ActorTrader.Hosting.Configuration;
using ActorTrader.Hosting.Settings;
using ActorTrader.Persistence;
using ActorTrader.Persistence.Sqlite;
using ActorTrader.Research.Settings;
using ActorTrader.Strategies.Settings;
using ActorTrader.Trading.Accounts;
using ActorTrader.Trading.Backup;
using ActorTrader.Trading.Day;
using ActorTrader.Trading.Ledger;
using ActorTrader.Trading.Meta;
using ActorTrader.Trading.Sleeves;
using ActorTrader.Trading.Universe;

namespace ActorTrader.Hosting.Checking;

/// <summary>
/// The offline preflight behind <c>actortrader config-check</c>: parses every layer, flags unknown keys with the closest
/// known one, and reads every section with the reader the node starts with — node, persistence, data, strategies,
/// backtest, sleeves, meta and the trading sections (risk, the paper broker, the trading account with its orders and
/// broker connection, the ledger, backups, the trading day) — so a configuration it passes is one the node accepts
/// (required keys, types, ranges, a PostgreSQL journal without a connection string, unknown strategy, parameter and
/// engine names). It also checks that the state directories (the SQLite database's included) are writable, that a broker
/// or data provider named alpaca has credentials, lints the scanner files and reads every sleeve file. Never touches the
/// network. The live gate runs it too: a live broker starts only when it finds nothing.
/// </summary>
public static class ConfigCheck
{
    /// <summary>Every problem found, each with its position and fix; empty means the configuration is fine.</summary>
    public static ConfigCheckReport Run(ConfigSources sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var layers = ConfigLoader.LoadLayers(sources);
        // A layer that does not parse leaves nothing reliable to check further.
        if (layers.Problems.Count > 0) return new ConfigCheckReport(layers.NodeFile, layers.Problems);

        var problems = new List<ConfigProblem>();
        problems.AddRange(UnknownKeys(layers));
        var merged = layers.Merge();
        var (settings, settingProblems) = NodeSettings.Read(merged, sources.WorkingDirectory);
        problems.AddRange(settingProblems);
        var (persistence, persistenceProblems) = PersistenceSettings.Read(merged);
        problems.AddRange(persistenceProblems);
        var (data, dataProblems) = DataSettings.Read(merged, sources.WorkingDirectory);
        problems.AddRange(dataProblems);
        problems.AddRange(UnwritableDirectories(settings, persistence, data, merged));
        problems.AddRange(MissingCredentials(settings, data, merged));
        problems.AddRange(ScannerFilesCheck.Run(data.ScannersDir, merged));
        problems.AddRange(StrategySettings.Read(merged).Problems);
        problems.AddRange(BacktestSettings.Read(merged).Problems);
        problems.AddRange(UniverseSettings.Read(merged).Problems);
        var (meta, metaProblems) = MetaSettings.Read(merged);
        problems.AddRange(metaProblems);
        var (sleeves, sleeveProblems) = SleeveSettings.Read(merged, sources.WorkingDirectory);
        problems.AddRange(sleeveProblems);
        var sleeveFileProblems = SleeveFilesCheck.Run(sleeves.Directory, merged, meta, problems).ToList();
        problems.AddRange(sleeveFileProblems);
        problems.AddRange(TradingProblems(merged, settings.Node.DataDir));
        // Read whatever the roles: a node given the research role later must not be the first to find a bad value.
        problems.AddRange(ResearchSettings.Read(merged).Problems);
        problems.AddRange(ClusterSettings.Read(merged).Problems);
        problems.AddRange(AlertSettings.Read(merged).Problems);
        problems.AddRange(TelemetrySettings.Read(merged).Problems);
        problems.AddRange(ForecastingSettings.Read(merged).Problems);
        // The node and data readers both read actortrader.node.data-dir; one report of the same problem is enough.
        return new ConfigCheckReport(layers.NodeFile, [.. problems.Distinct()]);
    }

    /// <summary>
    /// Subtrees whose keys are names the operator chooses, checked by their own readers instead: meta profiles (any name,
    /// the meta reader checks each profile's keys) and strategies (the strategies reader names the closest strategy or
    /// parameter, a better hint than the closest key of all).
    /// </summary>
    private static readonly string[] ReaderCheckedPrefixes = [MetaSettings.Section + ".profiles.", StrategySettings.Section + "."];

    /// <summary>Keys a sleeve default may set that reference.conf leaves out because they have no default.</summary>
    private static readonly string[] OptionalSleeveDefaults = ["actortrader.sleeves.defaults.window.from", "actortrader.sleeves.defaults.window.to"];

    /// <summary>
    /// The trading sections the node reads when it starts its trading core (risk comes with the node's own settings). The
    /// paper broker's keys are read whichever broker is configured: a replay always trades on it.
    /// </summary>
    private static IEnumerable<ConfigProblem> TradingProblems(Config config, string dataDirectory) =>
    [
        .. PaperBrokerSettings.Read(config, dataDirectory).Problems,
        .. TradingAccountSettings.Read(config).Problems,
        .. LedgerSettings.Read(config).Problems,
        .. BackupSettings.Read(config, dataDirectory).Problems,
        .. TradingDaySettings.Read(config).Problems,
    ];

    private static IEnumerable<ConfigProblem> UnknownKeys(ConfigLayers layers)
    {
        var known = new HashSet<string>(ReferenceConfig.KnownKeys(layers.Reference), StringComparer.Ordinal);
        known.UnionWith(OptionalSleeveDefaults);
        foreach (var layer in layers.OperatorLayers())
        {
            foreach (var key in layer.LeafPaths().Where(k => k.StartsWith("actortrader.", StringComparison.Ordinal) && !known.Contains(k)
                         && !ReaderCheckedPrefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal))))
            {
                var closest = ClosestKey.Find(key, known);
                yield return new ConfigProblem(key, layer.GetPosition(key),
                    $"Unknown key {key}" + (closest is null ? "." : $"; did you mean {closest}?"),
                    closest is null ? "Remove it." : $"Rename it to {closest}, or remove it (every known key is in hocon/reference.conf).");
            }
        }
    }

    private static IEnumerable<ConfigProblem> UnwritableDirectories(NodeSettings settings, PersistenceSettings persistence, DataSettings data, Config config)
    {
        var directories = new List<(string Key, string Directory)>
        {
            ("actortrader.node.data-dir", settings.Node.DataDir),
            ("actortrader.logging.dir", settings.Logging.Directory),
            ("actortrader.logging.errors-file", Path.GetDirectoryName(settings.Logging.ErrorsFile)!),
            ("actortrader.control.kill-switch-dir", settings.Control.KillSwitchDir),
            ("actortrader.control.halt-file", Path.GetDirectoryName(settings.Control.HaltFile)!),
            ("actortrader.management.token-file", Path.GetDirectoryName(settings.Management.TokenFile)!),
            ("actortrader.management.endpoint-file", Path.GetDirectoryName(settings.Management.EndpointFile)!),
        };
        if (persistence.Journal == SqliteStoreFactory.BackendName)
        {
            // Resolved exactly as the node opens it: relative to node.data-dir.
            var database = SqliteStoreOptions.ResolvePath(settings.Node.DataDir, persistence.Sqlite.Path);
            directories.Add(("actortrader.persistence.sqlite.path", Path.GetDirectoryName(database)!));
        }
        directories.Add(("actortrader.data.lakehouse-dir", data.LakehouseDir));
        directories.Add(("actortrader.data.export-dir", data.ExportDir));
        directories.Add(("actortrader.data.runs-dir", data.RunsDir));

        var reported = new List<string>();
        foreach (var (key, directory) in directories)
        {
            // Directories inside one already reported fail for the same reason; one report is enough.
            if (reported.Any(r => directory == r || directory.StartsWith(r + Path.DirectorySeparatorChar, StringComparison.Ordinal))) continue;
            if (DirectoryProbe.WhyNotWritable(directory) is not { } reason) continue;
            reported.Add(directory);
            yield return new ConfigProblem(key, config.GetPosition(key),
                $"{key}: the node cannot write to {directory}: {reason}.",
                $"Point {key} at a directory the node's user can create and write, or fix the permissions.");
        }
    }

    private static IEnumerable<ConfigProblem> MissingCredentials(NodeSettings settings, DataSettings data, Config config)
    {
        var alpaca = settings.Broker.Alpaca;
        if (alpaca.HasCredentials) yield break;
        var missing = string.Join(" and ", new[]
        {
            string.IsNullOrWhiteSpace(alpaca.KeyId) ? "APCA_API_KEY_ID" : null,
            string.IsNullOrWhiteSpace(alpaca.SecretKey) ? "APCA_API_SECRET_KEY" : null,
        }.OfType<string>());
        var verb = missing.Contains(" and ", StringComparison.Ordinal) ? "are" : "is";
        if (settings.Broker.Kind == BrokerSettings.AlpacaKind)
        {
            var account = alpaca.Live ? "a live (real-money) Alpaca account" : "an Alpaca paper account";
            const string key = "actortrader.broker.kind";
            yield return new ConfigProblem(key, config.GetPosition(alpaca.Live ? "actortrader.broker.alpaca.live" : key),
                $"The broker is {account} but {missing} {verb} not set, so the node could not log in.",
                $"Export {missing} in the node's environment (never in a config file), or set actortrader.broker.kind = paper.");
        }
        if (data.Provider == "alpaca")
        {
            const string key = "actortrader.data.provider";
            yield return new ConfigProblem(key, config.GetPosition(key),
                $"{key} = \"alpaca\" but {missing} {verb} not set, so market data could not be fetched.",
                $"Export {missing} in the environment (never in a config file), or use another provider ({string.Join(", ", DataSettings.KnownProviders.Where(p => p != "alpaca"))}).");
        }
    }
}
