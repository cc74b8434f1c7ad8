using ActorTrader.Hocon;
using ActorTrader.Strategies.FactorMomentum;
using ActorTrader.Strategies.GapFill;
using ActorTrader.Strategies.MeanReversion;
using ActorTrader.Strategies.Pairs;
using ActorTrader.Strategies.QualitySmallCapValue;
using ActorTrader.Strategies.RelativeVolumeBreakout;
using ActorTrader.Strategies.SectorRotation;
using ActorTrader.Strategies.TrendFollowing;
using ActorTrader.Strategies.VixRegimeRotation;
using ActorTrader.Strategies.VolManagedMomentum;

namespace ActorTrader.Strategies.Catalog;

/// <summary>
/// Strategies by their snake_case name. <see cref="Default"/> holds the ten built-in ones; strategies are stateless, so one
/// catalog (and one instance of each strategy) serves every sleeve, backtest and research run.
/// </summary>
public sealed class StrategyCatalog
{
    private readonly SortedDictionary<string, IStrategy> _byName = new(StringComparer.Ordinal);

    public StrategyCatalog(IEnumerable<IStrategy> strategies)
    {
        ArgumentNullException.ThrowIfNull(strategies);
        foreach (var strategy in strategies)
        {
            ArgumentNullException.ThrowIfNull(strategy, nameof(strategies));
            if (!_byName.TryAdd(strategy.Name, strategy))
                throw new ArgumentException($"Two strategies are named \"{strategy.Name}\"; names must be unique.", nameof(strategies));
        }
        Names = [.. _byName.Keys];
        All = [.. _byName.Values];
    }

    /// <summary>The ten built-in strategies.</summary>
    public static StrategyCatalog Default { get; } = new([
        new MeanReversionStrategy(),
        new VolManagedMomentumStrategy(),
        new RelativeVolumeBreakoutStrategy(),
        new GapFillStrategy(),
        new VixRegimeRotationStrategy(),
        new FactorMomentumStrategy(),
        new SectorRotationStrategy(),
        new QualitySmallCapValueStrategy(),
        new PairsStrategy(),
        new TrendFollowingStrategy(),
    ]);

    /// <summary>Names in ordinal order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Strategies in name order.</summary>
    public IReadOnlyList<IStrategy> All { get; }

    public bool Contains(string name) => _byName.ContainsKey(name);

    public bool TryGet(string name, out IStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.TryGetValue(name, out strategy!);
    }

    /// <summary>The strategy named <paramref name="name"/>; an unknown name throws <see cref="UnknownStrategyException"/> suggesting the closest one.</summary>
    public IStrategy Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.TryGetValue(name, out var strategy) ? strategy : throw new UnknownStrategyException(name, Suggest(name), Names);
    }

    /// <summary>The known name closest to <paramref name="name"/> by edit distance (null for an empty catalog).</summary>
    public string? Suggest(string name) => ClosestKey.Find(name, Names);
}
