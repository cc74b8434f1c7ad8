using ActorTrader.Hocon;
using ActorTrader.Strategies.Catalog;

namespace ActorTrader.Strategies.Settings;

/// <summary>
/// Every catalogued strategy's <see cref="StrategySetting"/>, read from <c>actortrader.strategies</c>:
/// <code>
/// actortrader.strategies.mean_reversion { enabled = true, allocation = 0.1, parameters { z_window = 20, trigger = either } }
/// </code>
/// A strategy without a block keeps <see cref="StrategySetting.DefaultFor"/>; parameters not named keep their defaults.
/// Booleans are written true/false and choices by name (<c>direction = both</c>).
/// </summary>
public sealed class StrategySettings
{
    public const string Section = "actortrader.strategies";

    private readonly SortedDictionary<string, StrategySetting> _byName = new(StringComparer.Ordinal);

    public StrategySettings(IEnumerable<StrategySetting> strategies)
    {
        ArgumentNullException.ThrowIfNull(strategies);
        foreach (var s in strategies)
        {
            if (!_byName.TryAdd(s.Name, s)) throw new ArgumentException($"Strategy {s.Name} is configured twice.", nameof(strategies));
        }
        All = [.. _byName.Values];
        Enabled = [.. All.Where(s => s.Enabled)];
    }

    /// <summary>Every strategy's settings in name order.</summary>
    public IReadOnlyList<StrategySetting> All { get; }

    /// <summary>The enabled strategies in name order.</summary>
    public IReadOnlyList<StrategySetting> Enabled { get; }

    /// <summary>The settings of <paramref name="name"/>; an unknown name throws <see cref="UnknownStrategyException"/> with a suggestion.</summary>
    public StrategySetting Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.TryGetValue(name, out var s) ? s : throw new UnknownStrategyException(name, ClosestKey.Find(name, _byName.Keys), [.. _byName.Keys]);
    }

    /// <summary>Every strategy of <paramref name="catalog"/> (default: <see cref="StrategyCatalog.Default"/>) at its defaults.</summary>
    public static StrategySettings Defaults(StrategyCatalog? catalog = null) =>
        new((catalog ?? StrategyCatalog.Default).All.Select(StrategySetting.DefaultFor));

    /// <summary>Reads <paramref name="section"/> of <paramref name="config"/>; throws <see cref="StrategySettingsException"/> listing every problem.</summary>
    public static StrategySettings FromConfig(Config config, StrategyCatalog? catalog = null, string section = Section)
    {
        var (settings, problems) = Read(config, catalog, section);
        if (problems.Count > 0) throw new StrategySettingsException(problems);
        return settings;
    }

    /// <summary>
    /// Reads <paramref name="section"/> (default <c>actortrader.strategies</c>; a sleeve file may pass its own path) and
    /// returns the settings — defaults wherever a value is missing or bad — and every problem found, each positioned where
    /// the value was written, naming the key and the fix; unknown strategy and parameter names come with the closest known name.
    /// </summary>
    public static (StrategySettings Settings, IReadOnlyList<ConfigProblem> Problems) Read(Config config, StrategyCatalog? catalog = null, string section = Section)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentException.ThrowIfNullOrWhiteSpace(section);
        var reader = new StrategySettingsReader(config, catalog ?? StrategyCatalog.Default, section);
        var settings = reader.ReadAll();
        return (settings, reader.Problems);
    }
}
