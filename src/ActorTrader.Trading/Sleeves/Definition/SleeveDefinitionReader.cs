using System.Globalization;
using System.Text.RegularExpressions;
using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;
using ActorTrader.Hocon;
using ActorTrader.Quant.Portfolio;
using ActorTrader.Strategies.Availability;
using ActorTrader.Strategies.Catalog;
using ActorTrader.Strategies.Settings;
using ActorTrader.Trading.Panels;

namespace ActorTrader.Trading.Sleeves.Definition;

/// <summary>
/// Reads and checks a sleeve file (<c>sleeve { ... }</c>) before anything runs. Each key is looked up in the file, then in
/// <c>actortrader.sleeves.defaults</c> of the node configuration, then takes its built-in default. Strategy blocks are
/// read by the strategies' own settings reader and laid over <c>actortrader.strategies</c>. Every problem — unknown keys,
/// strategies and engines (with the closest known name), wrong types, out-of-range values, contradictions such as short
/// legs on a cash account — is a <see cref="ConfigProblem"/> naming file:line:col and the fix; only a file without any
/// yields a definition.
/// </summary>
public static partial class SleeveDefinitionReader
{
    /// <summary>Where the node configuration keeps defaults for every sleeve key.</summary>
    public const string DefaultsPath = "actortrader.sleeves.defaults";

    private static readonly string[] RootKeys = ["sleeve"];
    private static readonly string[] SleeveKeys =
        ["name", "description", "account", "universe", "window", "strategies", "health", "selection", "synthesis", "pre-opt", "optimisation", "validation"];
    private static readonly Dictionary<string, string[]> SectionKeys = new(StringComparer.Ordinal)
    {
        ["universe"] = ["symbols", "timeframe", "source"],
        ["window"] = ["lookback-bars", "from", "to"],
        ["health"] = ["min-observations"],
        ["selection"] = ["min-candidates", "levels"],
        ["synthesis"] = ["short-legs", "sign-gate"],
        ["pre-opt"] = ["correlation-threshold", "max-per-cluster", "cluster-cap", "short-cap", "fragile-cap"],
        ["optimisation"] = ["engines", "primary", "max-weight", "covariance"],
        ["validation"] = ["backtest", "cost-bps"],
    };
    private static readonly string[] LevelKeys = ["min-sharpe", "max-drawdown", "min-trades", "min-hit-rate"];
    private static readonly string[] Accounts = ["cash", "margin"];
    private static readonly string[] Covariances = ["sample", "ledoit-wolf"];

    /// <summary>Parses and reads <paramref name="path"/>; the sleeve's name is the file name without <c>.conf</c>.</summary>
    public static SleeveReadResult ReadFile(string path, Config? node = null, StrategyCatalog? strategies = null, OptimizerCatalog? optimizers = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            return new SleeveReadResult(path, null, [new ConfigProblem(null, null, $"Sleeve file {path} does not exist.",
                "Create it (see hocon/sleeves/README.md) or check the sleeve name and actortrader.sleeves.dir.")]);
        }
        Config config;
        try
        {
            config = ConfigurationFactory.ParseFile(path, new HoconParseOptions { SourceName = path, UseEnvironment = false });
        }
        catch (HoconException e)
        {
            return new SleeveReadResult(path, null, [ConfigProblem.FromHocon(e, path, "Correct the HOCON syntax at that position.")]);
        }
        return Read(config, path, Path.GetFileNameWithoutExtension(path), node, strategies, optimizers);
    }

    /// <summary>
    /// Reads a parsed sleeve file. <paramref name="expectedName"/> (the file name) is the sleeve's name; a <c>name</c> key
    /// must agree with it. <paramref name="node"/> supplies <c>actortrader.sleeves.defaults</c> and <c>actortrader.strategies</c>.
    /// </summary>
    public static SleeveReadResult Read(Config file, string source, string? expectedName = null, Config? node = null,
        StrategyCatalog? strategies = null, OptimizerCatalog? optimizers = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentException.ThrowIfNullOrEmpty(source);
        var walker = new Walker(file, node ?? ConfigurationFactory.Empty, source, strategies ?? StrategyCatalog.Default, optimizers ?? OptimizerCatalog.Default);
        var definition = walker.Read(expectedName);
        var problems = walker.Problems
            .OrderBy(p => p.Position?.Source == source ? 0 : 1)
            .ThenBy(p => p.Position?.Line ?? int.MaxValue)
            .ThenBy(p => p.Position?.Column ?? 0)
            .ToList();
        return new SleeveReadResult(source, problems.Count == 0 ? definition : null, problems);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex NamePattern();

    private sealed class Walker(Config file, Config node, string source, StrategyCatalog strategies, OptimizerCatalog optimizers)
    {
        public List<ConfigProblem> Problems { get; } = [];

        public SleeveDefinition? Read(string? expectedName)
        {
            Keys(file.Root, "", RootKeys);
            if (!file.Root.TryGetField("sleeve", out var sleeve) || !sleeve.IsObject)
            {
                Report(file.Root.Position, "sleeve", "The file has no sleeve { ... } object.", "Wrap the definition in sleeve { universe { ... }, strategies { ... } } (see hocon/sleeves/README.md).");
                return null;
            }
            Keys(sleeve, "sleeve", SleeveKeys);
            foreach (var (section, known) in SectionKeys)
            {
                if (Field(sleeve, section) is { IsObject: true } block) Keys(block, "sleeve." + section, known);
                if (node.GetValue($"{DefaultsPath}.{section}") is { IsObject: true } defaults) Keys(defaults, $"{DefaultsPath}.{section}", known);
            }

            var name = Text("name", null) ?? expectedName ?? "";
            if (name.Length == 0)
                Report(sleeve.Position, "sleeve.name", "The sleeve has no name.", "Add name = my_sleeve, or read it from a file named my_sleeve.conf.");
            else if (!NamePattern().IsMatch(name))
                Report(Lookup("name").Value?.Position, "sleeve.name", $"sleeve.name = \"{name}\" is not a plain name.", "Use lower-case letters, digits, '_' and '-', e.g. core_equity.");
            else if (expectedName is not null && name != expectedName)
                Report(Lookup("name").Value?.Position, "sleeve.name", $"sleeve.name = \"{name}\" differs from the file name \"{expectedName}\".", $"Set name = {expectedName} or rename the file to {name}.conf.");
            var description = Text("description", "") ?? "";

            var account = Choice("account", Accounts, "cash") == "margin" ? AccountKind.Margin : AccountKind.Cash;
            var universe = ReadUniverse();
            var window = ReadWindow();
            var strategyList = ReadStrategies();
            var health = new HealthSettings(Int("health.min-observations", HealthSettings.Default.MinObservations, 2, 1_000_000));
            var selection = ReadSelection();
            var synthesis = new SynthesisSettings(Bool("synthesis.short-legs", SynthesisSettings.Default.ShortLegs), Bool("synthesis.sign-gate", SynthesisSettings.Default.SignGate));
            if (synthesis.ShortLegs && account == AccountKind.Cash)
            {
                Report(Lookup("synthesis.short-legs").Value?.Position, "sleeve.synthesis.short-legs",
                    "synthesis.short-legs = on needs a margin account to sell short, but the sleeve's account is cash.",
                    "Set account = margin, or short-legs = off to drop short candidates.");
            }
            var d = PreOptimisationSettings.Default;
            var preOpt = new PreOptimisationSettings(
                Double("pre-opt.correlation-threshold", d.CorrelationThreshold, -0.999, 1.0),
                Int("pre-opt.max-per-cluster", d.MaxPerCluster, 1, 10_000),
                Double("pre-opt.cluster-cap", d.ClusterCap, 1e-6, 1.0),
                Double("pre-opt.short-cap", d.ShortCap, 1e-6, 1.0),
                Double("pre-opt.fragile-cap", d.FragileCap, 1e-6, 1.0));
            var optimisation = ReadOptimisation();
            var validation = new ValidationSettings(Bool("validation.backtest", ValidationSettings.Default.Backtest),
                Double("validation.cost-bps", ValidationSettings.Default.CostBps, 0, 10_000));
            return new SleeveDefinition(name, description, source, account, universe, window, strategyList, health, selection, synthesis, preOpt, optimisation, validation);
        }

        private SleeveUniverse ReadUniverse()
        {
            var (node, key) = Lookup("universe.symbols");
            var symbols = new List<Symbol>();
            if (node is null || node.IsNull)
            {
                Report(Lookup("universe").Value?.Position, "sleeve.universe.symbols", "The sleeve has no universe.symbols to trade.",
                    "Add universe { symbols = [NYSE:AAPL, NYSE:MSFT] }.");
            }
            else if (!node.IsArray)
            {
                Report(node.Position, key, $"{key} must be a list of EXCHANGE:TICKER symbols.", "Write symbols = [NYSE:AAPL, NYSE:MSFT].");
            }
            else
            {
                foreach (var item in node.Items)
                {
                    if (!item.IsScalar) Report(item.Position ?? node.Position, key, $"{key} holds a {Kind(item)}, not a symbol.", "List symbols as EXCHANGE:TICKER.");
                    else if (!Symbol.TryParse(item.AsString(), out var symbol, out var error)) Report(item.Position ?? node.Position, key, error, "Write symbols as EXCHANGE:TICKER, e.g. NYSE:AAPL or CRYPTO:BTC/USD.");
                    else if (symbols.Contains(symbol)) Report(item.Position ?? node.Position, key, $"{symbol} is listed twice in {key}.", "List each symbol once.");
                    else symbols.Add(symbol);
                }
                if (symbols.Count == 0 && node.Items.Count == 0) Report(node.Position, key, $"{key} is empty.", "List at least one symbol.");
            }
            var timeframeText = Text("universe.timeframe", Timeframe.Day1.Name) ?? Timeframe.Day1.Name;
            var timeframe = Timeframe.All.FirstOrDefault(t => string.Equals(t.Name, timeframeText.Trim(), StringComparison.OrdinalIgnoreCase));
            if (timeframe is null)
            {
                var names = Timeframe.All.Select(t => t.Name).ToList();
                Report(Lookup("universe.timeframe").Value?.Position, "sleeve.universe.timeframe", $"universe.timeframe = \"{timeframeText}\" is not supported.",
                    $"Use one of {string.Join(", ", names)}{Hint(timeframeText, names)}.");
                timeframe = Timeframe.Day1;
            }
            // Choice has already reported an unknown name and fallen back to auto.
            var panelSource = PanelSourceNames.TryParse(Choice("universe.source", PanelSourceNames.All, "auto"), out var parsed) ? parsed : PanelSourceKind.Auto;
            return new SleeveUniverse(symbols, timeframe, panelSource);
        }

        private SleeveWindow ReadWindow()
        {
            int? lookback = Lookup("window.lookback-bars").Value is { IsNull: false } ? Int("window.lookback-bars", 0, 2, 10_000_000) : null;
            var from = Date("window.from", endOfDay: false);
            var to = Date("window.to", endOfDay: true);
            if (lookback is null && from is null)
            {
                Report(Lookup("window").Value?.Position, "sleeve.window", "The window has neither lookback-bars nor from, so it is unbounded.",
                    "Add window { lookback-bars = 756 } or window { from = 2015-01-02 }.");
            }
            if (from is { } f && to is { } t && f >= t)
                Report(Lookup("window.from").Value?.Position, "sleeve.window.from", string.Create(CultureInfo.InvariantCulture, $"window.from ({f:yyyy-MM-dd}) is not before window.to."), "Swap them or correct one date.");
            return new SleeveWindow(lookback, from, to);
        }

        private List<SleeveStrategy> ReadStrategies()
        {
            const string section = "sleeve.strategies";
            var block = file.GetValue(section);
            if (block is null || block.IsNull || (block.IsObject && block.Keys.Count == 0))
            {
                Report(block?.Position ?? file.GetValue("sleeve")?.Position, section, "The sleeve names no strategies.",
                    $"Add strategies {{ mean_reversion {{}} }} with any of: {string.Join(", ", strategies.Names)}.");
                return [];
            }
            // Unknown names and bad values in the sleeve's blocks come back as positioned problems with the closest name.
            var (sleeveSettings, sleeveProblems) = StrategySettings.Read(file, strategies, section);
            Problems.AddRange(sleeveProblems);
            if (!block.IsObject) return [];
            var (baseSettings, baseProblems) = StrategySettings.Read(node, strategies);
            Problems.AddRange(baseProblems);
            var result = new List<SleeveStrategy>();
            foreach (var name in block.Keys)
            {
                if (!strategies.TryGet(name, out var strategy)) continue;
                var path = $"{section}.{HoconPath.FormatKey(name)}";
                var own = sleeveSettings.Get(name);
                var setting = baseSettings.Get(name);
                // Only what the sleeve writes overrides actortrader.strategies; the rest keeps that layer's values.
                if (file.HasPath(path + ".enabled")) setting = setting with { Enabled = own.Enabled };
                if (file.HasPath(path + ".allocation")) setting = setting with { Allocation = own.Allocation };
                var parameters = setting.Parameters;
                if (file.GetValue(path + ".parameters") is { IsObject: true } overrides)
                {
                    foreach (var parameter in overrides.Keys.Where(k => own.Parameters.ContainsKey(k)))
                        parameters = parameters.With(parameter, own.Parameters[parameter]);
                }
                result.Add(new SleeveStrategy(strategy, setting with { Parameters = parameters }));
            }
            return result;
        }

        private SelectionSettings ReadSelection()
        {
            var minCandidates = Int("selection.min-candidates", SelectionSettings.Default.MinCandidates, 1, 100_000);
            var (node, key) = Lookup("selection.levels");
            if (node is null || node.IsNull) return SelectionSettings.Default with { MinCandidates = minCandidates };
            if (!node.IsArray || node.Items.Count == 0)
            {
                Report(node.Position, key, $"{key} must be a non-empty list of levels from strict to loose.",
                    "Write levels = [ { min-sharpe = 0.5, max-drawdown = 0.25, min-trades = 10, min-hit-rate = 0.5 }, { ... } ].");
                return SelectionSettings.Default with { MinCandidates = minCandidates };
            }
            var levels = new List<SelectionLevel>();
            for (var i = 0; i < node.Items.Count; i++)
            {
                var item = node.Items[i];
                var path = $"{key}[{i}]";
                if (!item.IsObject)
                {
                    Report(item.Position ?? node.Position, path, $"{path} must be an object of thresholds.", $"Write {{ {string.Join(" = ..., ", LevelKeys)} = ... }}.");
                    continue;
                }
                Keys(item, path, LevelKeys);
                var level = new SelectionLevel(
                    LevelDouble(item, path, "min-sharpe", -100, 100, -100),
                    LevelDouble(item, path, "max-drawdown", 0, 1, 1),
                    (int)LevelDouble(item, path, "min-trades", 0, 1_000_000, 0, whole: true),
                    LevelDouble(item, path, "min-hit-rate", 0, 1, 0));
                if (levels.Count > 0 && levels[^1] is var previous
                    && (level.MinSharpe > previous.MinSharpe || level.MaxDrawdown < previous.MaxDrawdown || level.MinTrades > previous.MinTrades || level.MinHitRate > previous.MinHitRate))
                {
                    Report(item.Position ?? node.Position, path, $"{path} is stricter than the level before it in at least one threshold; relaxation must only loosen.",
                        "Order the levels from strict to loose: each level's min-* no higher and max-drawdown no lower than the previous one's.");
                }
                levels.Add(level);
            }
            return new SelectionSettings(minCandidates, levels.Count > 0 ? levels : SelectionSettings.Default.Levels);
        }

        private OptimisationSettings ReadOptimisation()
        {
            var d = OptimisationSettings.Default;
            var (node, key) = Lookup("optimisation.engines");
            var engines = new List<string>();
            if (node is null || node.IsNull)
            {
                engines.AddRange(d.Engines);
            }
            else if (!node.IsArray || node.Items.Count == 0)
            {
                Report(node.Position, key, $"{key} must be a non-empty list of optimiser names.", $"Write engines = [min-vol, hrp] using {string.Join(", ", optimizers.Names)}.");
            }
            else
            {
                foreach (var item in node.Items)
                {
                    var text = item.IsScalar ? item.AsString().Trim() : item.ToString();
                    if (!optimizers.TryGet(text, out var optimizer))
                        Report(item.Position ?? node.Position, key, $"Unknown optimisation engine \"{text}\"{Hint(text, optimizers.Names)}", $"Use one of {string.Join(", ", optimizers.Names)}.");
                    else if (engines.Contains(optimizer.Name)) Report(item.Position ?? node.Position, key, $"Engine {optimizer.Name} is listed twice in {key}.", "List each engine once.");
                    else engines.Add(optimizer.Name);
                }
            }
            var primaryText = Text("optimisation.primary", null);
            var primary = engines.FirstOrDefault() ?? d.Primary;
            if (primaryText is not null)
            {
                var position = Lookup("optimisation.primary").Value?.Position;
                if (!optimizers.TryGet(primaryText.Trim(), out var optimizer))
                    Report(position, "sleeve.optimisation.primary", $"Unknown optimisation engine \"{primaryText}\"{Hint(primaryText, optimizers.Names)}", $"Use one of {string.Join(", ", optimizers.Names)}.");
                else if (!engines.Contains(optimizer.Name) && engines.Count > 0)
                    Report(position, "sleeve.optimisation.primary", $"optimisation.primary = {optimizer.Name} is not one of the engines [{string.Join(", ", engines)}].", $"Add {optimizer.Name} to engines or pick a primary from them.");
                else primary = optimizer.Name;
            }
            var maxWeight = Double("optimisation.max-weight", d.MaxWeight, 1e-6, 1.0);
            var covariance = Choice("optimisation.covariance", Covariances, "ledoit-wolf") == "sample" ? CovarianceKind.Sample : CovarianceKind.LedoitWolf;
            return new OptimisationSettings(engines, primary, maxWeight, covariance);
        }

        // The value of a sleeve key: the file's, else the node's default block's; with the full key for messages.
        private (HoconValue? Value, string Key) Lookup(string relative)
        {
            var own = $"sleeve.{relative}";
            if (file.GetValue(own) is { } value) return (value, own);
            var fallback = $"{DefaultsPath}.{relative}";
            return node.GetValue(fallback) is { } defaulted ? (defaulted, fallback) : (null, own);
        }

        private string? Text(string relative, string? fallback)
        {
            var (value, key) = Lookup(relative);
            if (value is null || value.IsNull) return fallback;
            if (value.IsScalar) return value.AsString();
            Report(value.Position, key, $"{key} must be text, not a {Kind(value)}.", "Write a plain value.");
            return fallback;
        }

        private string Choice(string relative, IReadOnlyList<string> choices, string fallback)
        {
            var text = Text(relative, fallback) ?? fallback;
            var match = choices.FirstOrDefault(c => string.Equals(c, text.Trim(), StringComparison.OrdinalIgnoreCase));
            if (match is not null) return match;
            var (value, key) = Lookup(relative);
            Report(value?.Position, key, $"{key} = \"{text}\" is not supported.", $"Use one of {string.Join(", ", choices)}{Hint(text, choices)}.");
            return fallback;
        }

        private bool Bool(string relative, bool fallback)
        {
            var (value, key) = Lookup(relative);
            if (value is null || value.IsNull) return fallback;
            switch (value.IsScalar ? value.AsString().Trim().ToLowerInvariant() : "")
            {
                case "true" or "on" or "yes": return true;
                case "false" or "off" or "no": return false;
            }
            Report(value.Position, key, $"{key} must be on or off, not {value}.", $"Write {relative[(relative.LastIndexOf('.') + 1)..]} = on (or off).");
            return fallback;
        }

        private double Double(string relative, double fallback, double min, double max)
        {
            var (value, key) = Lookup(relative);
            return value is null || value.IsNull ? fallback : Number(value, key, min, max, fallback, whole: false);
        }

        private int Int(string relative, int fallback, int min, int max)
        {
            var (value, key) = Lookup(relative);
            return value is null || value.IsNull ? fallback : (int)Number(value, key, min, max, fallback, whole: true);
        }

        private double LevelDouble(HoconValue level, string path, string key, double min, double max, double fallback, bool whole = false)
        {
            var value = Field(level, key);
            return value is null || value.IsNull ? fallback : Number(value, $"{path}.{key}", min, max, fallback, whole);
        }

        private double Number(HoconValue value, string key, double min, double max, double fallback, bool whole)
        {
            var range = $"{Format(min)}..{Format(max)}";
            if (!value.IsScalar || !double.TryParse(value.AsString().Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
            {
                Report(value.Position, key, $"{key} must be a number, not {value}.", $"Write a {(whole ? "whole number" : "number")} in {range} (plain digits, no units).");
                return fallback;
            }
            if (whole && number != Math.Floor(number))
            {
                Report(value.Position, key, $"{key} = {Format(number)} must be a whole number.", $"Use a whole number in {range}.");
                return fallback;
            }
            if (number < min || number > max)
            {
                Report(value.Position, key, $"{key} = {Format(number)} is outside {range}.", $"Use a value in {range}.");
                return fallback;
            }
            return number;
        }

        private DateTimeOffset? Date(string relative, bool endOfDay)
        {
            var (value, key) = Lookup(relative);
            if (value is null || value.IsNull) return null;
            var text = value.IsScalar ? value.AsString().Trim() : "";
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                // A date names whole days: from its first instant, or up to the end of the day (the end is exclusive).
                var day = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
                return endOfDay ? day.AddDays(1) : day;
            }
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
                return instant;
            Report(value.Position, key, $"{key} = {value} is not a date.", $"Write {relative[(relative.LastIndexOf('.') + 1)..]} = \"2022-12-28\" (yyyy-MM-dd, UTC).");
            return null;
        }

        private void Keys(HoconValue value, string path, IReadOnlyList<string> known)
        {
            foreach (var key in value.Keys)
            {
                if (known.Contains(key)) continue;
                var full = path.Length == 0 ? key : $"{path}.{key}";
                Report(value[key]?.Position ?? value.Position, full, $"Unknown key {full}{Hint(key, known)}", $"Remove it or use a known key (known: {string.Join(", ", known)}).");
            }
        }

        private static HoconValue? Field(HoconValue parent, string key) => parent.IsObject && parent.TryGetField(key, out var value) ? value : null;

        private static string Kind(HoconValue value) => value.Kind.ToString().ToLowerInvariant();

        private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

        /// <summary>"; did you mean X?" when a known name is close enough to be a typo of <paramref name="name"/>, else ".".</summary>
        private static string Hint(string name, IEnumerable<string> known)
        {
            var candidates = known.ToList();
            var best = ClosestKey.Find(name.ToLowerInvariant(), candidates.Select(k => k.ToLowerInvariant()));
            if (best is null || ClosestKey.EditDistance(name.ToLowerInvariant(), best) > Math.Max(2, name.Length / 2)) return ".";
            return $"; did you mean {candidates.First(k => k.Equals(best, StringComparison.OrdinalIgnoreCase))}?";
        }

        private void Report(HoconPosition? position, string key, string message, string fix) =>
            Problems.Add(new ConfigProblem(key, position ?? new HoconPosition(source, 1, 1), message, fix));
    }
}
