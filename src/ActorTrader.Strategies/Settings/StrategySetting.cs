using ActorTrader.Strategies.Parameters;

namespace ActorTrader.Strategies.Settings;

/// <summary>
/// One strategy's settings from <c>actortrader.strategies.&lt;name&gt;</c>: whether it runs, its share of the sleeve's capital
/// (0..1) and its parameters (defaults overlaid with the configured values, validated against its space).
/// </summary>
public sealed record StrategySetting(string Name, bool Enabled, double Allocation, ParameterSet Parameters)
{
    /// <summary>Allocation of a strategy whose block does not set one (ten strategies × 0.1 = the whole sleeve).</summary>
    public const double DefaultAllocation = 0.1;

    /// <summary>
    /// The settings a strategy has without configuration: its default parameters, allocation <see cref="DefaultAllocation"/>,
    /// and enabled unless it needs a margin account or fundamental inputs — not every account or catalog has them, so such
    /// strategies are switched on deliberately (hocon/reference.conf writes the same defaults).
    /// </summary>
    public static StrategySetting DefaultFor(IStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        var enabled = !strategy.Requirements.NeedsMargin && !strategy.Requirements.NeedsFundamentals;
        return new StrategySetting(strategy.Name, enabled, DefaultAllocation, strategy.Parameters.Defaults());
    }
}
