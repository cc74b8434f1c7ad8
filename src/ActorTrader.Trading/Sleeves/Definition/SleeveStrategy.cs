using ActorTrader.Strategies;
using ActorTrader.Strategies.Settings;

namespace ActorTrader.Trading.Sleeves.Definition;

/// <summary>
/// A strategy of a sleeve with its resolved settings: its defaults, overlaid by <c>actortrader.strategies.&lt;name&gt;</c>,
/// overlaid by the sleeve's own block. The allocation caps the share of the sleeve its candidates may take together.
/// </summary>
public sealed record SleeveStrategy(IStrategy Strategy, StrategySetting Setting)
{
    public string Name => Strategy.Name;
}
