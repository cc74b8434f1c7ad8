using System.Text.RegularExpressions;
using ActorTrader.Domain.Instruments;
using ActorTrader.Hocon;

namespace ActorTrader.Data.Scanners;

/// <summary>
/// Reads and checks a scanner file before any data is fetched: unknown keys (with the closest known key), wrong
/// types, min &gt; max, negative bounds, windows ≤ 0, unsupported profiles and providers, and contradictions (a short
/// scanner over crypto only, a long scanner whose momentum only admits falling prices, filter profiles outside the
/// universe). Every problem names file:line:col and the fix. Only a file with no problem yields a definition.
/// </summary>
public static partial class ScannerLint
{
    private static readonly string[] RootKeys = ["scanner"];
    private static readonly string[] ScannerKeys = ["name", "description", "direction", "universe", "filters", "lookback-days", "limit"];
    private static readonly string[] UniverseKeys = ["provider", "symbols", "exchanges", "profiles"];
    private static readonly string[] FilterKeys = ["price", "avg-dollar-volume", "volatility", "listing-age-days", "momentum", "profiles"];
    private static readonly string[] BoundKeys = ["min", "max"];
    private static readonly string[] WindowedKeys = ["min", "max", "window-days"];
    private static readonly string[] Providers = ["synthetic", "csv", "alpaca"];

    /// <summary>Parses and lints a scanner file; a syntax error is reported as a problem too.</summary>
    public static ScannerLintResult LintFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Config config;
        try
        {
            config = ConfigurationFactory.ParseFile(path, new HoconParseOptions { SourceName = path, UseEnvironment = false });
        }
        catch (HoconException e)
        {
            return new ScannerLintResult(path, null, [new ConfigProblem(null, e.Position, ConfigProblem.Describe(e), "Correct the HOCON syntax at that position.")]);
        }
        return Lint(config, path);
    }

    /// <summary>Lints a parsed scanner config.</summary>
    public static ScannerLintResult Lint(Config config, string source)
    {
        ArgumentNullException.ThrowIfNull(config);
        var lint = new Walker(source);
        var definition = lint.Read(config.Root);
        var problems = lint.Problems.OrderBy(p => p.Position?.Line ?? int.MaxValue).ThenBy(p => p.Position?.Column ?? 0).ToList();
        return new ScannerLintResult(source, problems.Count == 0 ? definition : null, problems);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex NamePattern();

    private sealed class Walker(string source)
    {
        public List<ConfigProblem> Problems { get; } = [];

        public ScannerDefinition? Read(HoconValue root)
        {
            Keys(root, "", RootKeys);
            if (!root.TryGetField("scanner", out var scanner) || !scanner.IsObject)
            {
                Report(root.Position, "scanner", "The file has no scanner { ... } object.", "Wrap the definition in scanner { name = ..., universe { ... }, filters { ... } }.");
                return null;
            }
            Keys(scanner, "scanner", ScannerKeys);

            var name = String(scanner, "scanner.name", required: true) ?? "";
            if (name.Length > 0 && !NamePattern().IsMatch(name))
                Report(Field(scanner, "name")?.Position, "scanner.name", $"scanner.name = \"{name}\" is not a plain name.", "Use lower-case letters, digits, '_' and '-', e.g. liquid_large_caps.");
            var description = String(scanner, "scanner.description", required: false) ?? "";

            var direction = ScanDirection.Long;
            if (String(scanner, "scanner.direction", required: false) is { } directionText)
            {
                if (!Enum.TryParse(directionText, ignoreCase: true, out direction) || !Enum.IsDefined(direction) || int.TryParse(directionText, out _))
                {
                    Report(Field(scanner, "direction")?.Position, "scanner.direction", $"scanner.direction = \"{directionText}\" is not supported.", "Use long, short or both.");
                    direction = ScanDirection.Long;
                }
            }

            var universe = ReadUniverse(scanner);
            var filters = ReadFilters(scanner);
            var lookback = Int(scanner, "scanner.lookback-days", "lookback-days");
            var limit = Int(scanner, "scanner.limit", "limit");
            if (limit is <= 0)
                Report(Field(scanner, "limit")?.Position, "scanner.limit", $"scanner.limit = {limit} keeps no candidate.", "Set a positive limit or remove it to keep every candidate.");
            var needed = filters.LongestWindow + 1;
            if (lookback is { } days && days < needed)
                Report(Field(scanner, "lookback-days")?.Position, "scanner.lookback-days", $"scanner.lookback-days = {days} is shorter than the longest filter window + 1 ({needed} bars).", $"Set lookback-days to at least {needed}, or remove it to use that.");

            Contradictions(scanner, direction, universe, filters);
            return new ScannerDefinition(name, description, source, direction, universe, filters, Math.Max(lookback ?? needed, needed), limit);
        }

        private ScannerUniverse ReadUniverse(HoconValue scanner)
        {
            var universe = Field(scanner, "universe");
            if (universe is null || !universe.IsObject)
            {
                Report(universe?.Position ?? scanner.Position, "scanner.universe", "The scanner has no universe { ... } to scan.", "Add universe { symbols = [NASDAQ:AAPL, ...] } or universe { exchanges = [NASDAQ], profiles = [us_equity] }.");
                return new ScannerUniverse(null, [], [], []);
            }
            Keys(universe, "scanner.universe", UniverseKeys);
            var provider = String(universe, "scanner.universe.provider", required: false);
            if (provider is not null && !Providers.Contains(provider))
                Report(Field(universe, "provider")?.Position, "scanner.universe.provider", $"scanner.universe.provider = \"{provider}\" is not a known provider.", $"Use one of {string.Join(", ", Providers)}{Hint(provider, Providers)}.");
            var symbols = new List<Symbol>();
            foreach (var (text, position) in List(universe, "scanner.universe.symbols"))
            {
                if (Symbol.TryParse(text, out var symbol, out var error)) symbols.Add(symbol);
                else Report(position, "scanner.universe.symbols", error, "Write symbols as EXCHANGE:TICKER, e.g. NASDAQ:AAPL.");
            }
            var exchanges = List(universe, "scanner.universe.exchanges").Select(e => e.Text.Trim().ToUpperInvariant()).ToList();
            var profiles = Profiles(universe, "scanner.universe.profiles");
            if (symbols.Count == 0 && exchanges.Count == 0 && profiles.Count == 0 && !Problems.Any(p => p.Key == "scanner.universe.symbols"))
                Report(universe.Position, "scanner.universe", "The universe selects no symbols: it has no symbols, exchanges or profiles.", "List symbols = [...] or select exchanges = [...] / profiles = [...].");
            if (provider == "synthetic" && symbols.Count == 0 && (exchanges.Count > 0 || profiles.Count > 0))
                Report(universe.Position, "scanner.universe",
                    "The synthetic provider generates bars for any symbol it is given but lists none, so a universe selected by exchanges or profiles finds nothing.",
                    "Name the symbols: symbols = [NASDAQ:AAPL, NYSE:JPM, ...] (or use provider = alpaca to scan a whole exchange).");
            return new ScannerUniverse(provider, symbols, exchanges, profiles);
        }

        private ScannerFilters ReadFilters(HoconValue scanner)
        {
            var filters = Field(scanner, "filters");
            if (filters is null) return new ScannerFilters();
            if (!filters.IsObject)
            {
                Report(filters.Position, "scanner.filters", "scanner.filters must be an object.", "Write filters { price { min = 5 } ... }.");
                return new ScannerFilters();
            }
            Keys(filters, "scanner.filters", FilterKeys);
            var profiles = Field(filters, "profiles") is null ? null : Profiles(filters, "scanner.filters.profiles");
            if (Field(filters, "profiles") is { IsArray: true, Items.Count: 0 })
                Report(Field(filters, "profiles")?.Position, "scanner.filters.profiles", "scanner.filters.profiles is empty, so no symbol can pass.", $"List at least one of {string.Join(", ", ProfileNames.All)}, or remove the filter.");
            return new ScannerFilters(
                Range(filters, "price", windowed: false, allowNegative: false),
                Range(filters, "avg-dollar-volume", windowed: true, allowNegative: false),
                Range(filters, "volatility", windowed: true, allowNegative: false),
                Range(filters, "listing-age-days", windowed: false, allowNegative: false),
                Range(filters, "momentum", windowed: true, allowNegative: true),
                profiles);
        }

        private ScannerRange? Range(HoconValue filters, string key, bool windowed, bool allowNegative)
        {
            var path = "scanner.filters." + key;
            var node = Field(filters, key);
            if (node is null) return null;
            if (!node.IsObject)
            {
                Report(node.Position, path, $"{path} must be an object.", windowed ? $"Write {key} {{ min = ..., max = ..., window-days = 20 }}." : $"Write {key} {{ min = ..., max = ... }}.");
                return null;
            }
            Keys(node, path, windowed ? WindowedKeys : BoundKeys);
            var min = Number(node, path, "min");
            var max = Number(node, path, "max");
            if (min is null && max is null && !Problems.Any(p => p.Key?.StartsWith(path + ".", StringComparison.Ordinal) == true))
                Report(node.Position, path, $"{path} has neither min nor max, so it filters nothing.", $"Give {key} a min and/or max, or remove it.");
            if (!allowNegative)
            {
                if (min < 0) Report(Field(node, "min")?.Position, path + ".min", $"{path}.min = {min} is negative; {key} cannot be below 0.", "Use 0 or more.");
                if (max < 0) Report(Field(node, "max")?.Position, path + ".max", $"{path}.max = {max} is negative; {key} cannot be below 0.", "Use 0 or more.");
            }
            if (min is { } lo && max is { } hi && lo > hi)
                Report(Field(node, "min")?.Position, path, $"{path}.min = {lo} is greater than max = {hi}, so no symbol can pass.", "Swap them or correct one bound.");
            var window = 0;
            if (windowed)
            {
                var windowValue = Number(node, path, "window-days");
                if (windowValue is null && Field(node, "window-days") is null)
                    Report(node.Position, path + ".window-days", $"{path} has no window-days.", $"Add window-days, e.g. {key} {{ ..., window-days = 20 }}.");
                else if (windowValue is { } w && (w <= 0 || w != decimal.Truncate(w) || w > 10_000))
                    Report(Field(node, "window-days")?.Position, path + ".window-days", $"{path}.window-days = {w} must be a whole number of days from 1 to 10000.", "Use e.g. 20 (a month of sessions) or 60.");
                else if (windowValue is { } ok) window = (int)ok;
            }
            return new ScannerRange(min, max, window);
        }

        private void Contradictions(HoconValue scanner, ScanDirection direction, ScannerUniverse universe, ScannerFilters filters)
        {
            var directionPosition = Field(scanner, "direction")?.Position ?? scanner.Position;
            var profiles = filters.Profiles ?? (universe.Profiles.Count > 0 ? universe.Profiles : null);
            if (direction == ScanDirection.Short && profiles is { Count: > 0 } && profiles.All(p => p == AssetProfile.Crypto))
                Report(directionPosition, "scanner.direction", "scanner.direction = short over crypto only: crypto cannot be sold short at the broker, so no candidate can be traded.", "Use direction = long, or add shortable profiles (us_equity, etf).");
            if (filters.Momentum is { } momentum)
            {
                if (direction == ScanDirection.Long && momentum.Max is <= 0)
                    Report(directionPosition, "scanner.direction", $"scanner.direction = long contradicts filters.momentum.max = {momentum.Max}: a long scanner that only admits falling prices.", "Set direction = short (or both), or raise momentum.max above 0.");
                if (direction == ScanDirection.Short && momentum.Min is >= 0)
                    Report(directionPosition, "scanner.direction", $"scanner.direction = short contradicts filters.momentum.min = {momentum.Min}: a short scanner that only admits rising prices.", "Set direction = long (or both), or lower momentum.min below 0.");
            }
            if (filters.Profiles is { Count: > 0 } wanted && universe.Profiles.Count > 0 && !wanted.Intersect(universe.Profiles).Any())
                Report(Field(Field(scanner, "filters")!, "profiles")?.Position, "scanner.filters.profiles",
                    $"scanner.filters.profiles [{string.Join(", ", wanted.Select(ProfileNames.Name))}] shares no profile with universe.profiles [{string.Join(", ", universe.Profiles.Select(ProfileNames.Name))}], so no symbol can pass.",
                    "Make the filter's profiles a subset of the universe's.");
        }

        private List<AssetProfile> Profiles(HoconValue parent, string path)
        {
            var profiles = new List<AssetProfile>();
            foreach (var (text, position) in List(parent, path))
            {
                if (ProfileNames.TryParse(text, out var profile)) profiles.Add(profile);
                else Report(position, path, $"Profile \"{text}\" is not supported.", $"Use {string.Join(", ", ProfileNames.All)}{Hint(text, ProfileNames.All)}.");
            }
            return profiles;
        }

        private List<(string Text, HoconPosition? Position)> List(HoconValue parent, string path)
        {
            var node = Field(parent, path[(path.LastIndexOf('.') + 1)..]);
            if (node is null || node.IsNull) return [];
            if (!node.IsArray)
            {
                Report(node.Position, path, $"{path} must be a list.", $"Write {path[(path.LastIndexOf('.') + 1)..]} = [a, b].");
                return [];
            }
            var items = new List<(string, HoconPosition?)>();
            foreach (var item in node.Items)
            {
                if (item.IsScalar) items.Add((item.AsString(), item.Position ?? node.Position));
                else Report(item.Position ?? node.Position, path, $"{path} holds a {item.Kind.ToString().ToLowerInvariant()}, not a name.", "List plain names.");
            }
            return items;
        }

        private string? String(HoconValue parent, string path, bool required)
        {
            var node = Field(parent, path[(path.LastIndexOf('.') + 1)..]);
            if (node is null || node.IsNull)
            {
                if (required) Report(parent.Position, path, $"{path} is missing.", $"Add {path[(path.LastIndexOf('.') + 1)..]} = ... to the scanner.");
                return null;
            }
            if (!node.IsScalar)
            {
                Report(node.Position, path, $"{path} must be text, not a {node.Kind.ToString().ToLowerInvariant()}.", "Write a plain value.");
                return null;
            }
            return node.AsString();
        }

        private int? Int(HoconValue parent, string path, string key)
        {
            var value = Number(parent, path[..path.LastIndexOf('.')], key);
            if (value is null) return null;
            if (value != decimal.Truncate(value.Value) || value > int.MaxValue || value < int.MinValue)
            {
                Report(Field(parent, key)?.Position, path, $"{path} = {value} must be a whole number.", "Use a whole number.");
                return null;
            }
            return (int)value.Value;
        }

        private decimal? Number(HoconValue parent, string path, string key)
        {
            var node = Field(parent, key);
            if (node is null || node.IsNull) return null;
            if (node.Kind is HoconValueKind.Number or HoconValueKind.String
                && decimal.TryParse(node.AsString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value))
                return value;
            Report(node.Position, $"{path}.{key}", $"{path}.{key} must be a number, not {node}.", $"Write {key} = 20 (plain digits; no units).");
            return null;
        }

        private void Keys(HoconValue node, string path, string[] known)
        {
            foreach (var key in node.Keys)
            {
                if (known.Contains(key)) continue;
                var full = path.Length == 0 ? key : $"{path}.{key}";
                Report(node[key]?.Position ?? node.Position, full, $"Unknown key {full}.", $"Remove it or use a known key{Hint(key, known)} (known: {string.Join(", ", known)}).");
            }
        }

        private static HoconValue? Field(HoconValue parent, string key) => parent.IsObject && parent.TryGetField(key, out var value) ? value : null;

        private static string Hint(string name, IEnumerable<string> known)
        {
            var byLowerCase = known.GroupBy(k => k.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.First());
            var typed = name.ToLowerInvariant();
            // Far-off names are not typos of anything; a hint would mislead.
            return ClosestKey.Find(typed, byLowerCase.Keys) is { } best && ClosestKey.EditDistance(typed, best) <= Math.Max(2, name.Length / 3)
                ? $"; did you mean {byLowerCase[best]}?"
                : "";
        }

        private void Report(HoconPosition? position, string key, string message, string fix) =>
            Problems.Add(new ConfigProblem(key, position ?? new HoconPosition(source, 1, 1), message, fix));
    }
}
