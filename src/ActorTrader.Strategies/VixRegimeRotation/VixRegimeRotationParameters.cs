using ActorTrader.Strategies.Parameters;
using static ActorTrader.Strategies.Common.ParameterValues;

namespace ActorTrader.Strategies.VixRegimeRotation;

/// <summary>Parameters of <see cref="VixRegimeRotationStrategy"/>; <see cref="Space"/> is its research genome.</summary>
public sealed record VixRegimeRotationParameters(
    double VixLow,
    double VixHigh,
    int VolWindow,
    int RegimeHistory,
    double LowQuantile,
    double HighQuantile,
    int MomentumLookback,
    int TopN,
    DefensiveMode Defensive,
    bool UseMarketSymbol) : IStrategyParameters<VixRegimeRotationParameters>
{
    public static IReadOnlyList<string> DefensiveNames { get; } = ["low_volatility", "cash"];

    public static ParameterSpace Space { get; } = new([
        ParameterRange.Real("vix_low", 10, 20, 16, "Volatility index below this: calm, risk-on."),
        ParameterRange.Real("vix_high", 20, 50, 25, "Volatility index above this: stressed, defensive (in between: half each)."),
        ParameterRange.WholeNumber("vol_window", 5, 126, 21, "Returns in the realised volatility of the proxy and of each symbol."),
        ParameterRange.WholeNumber("regime_history", 63, 1260, 252, "Proxy only: bars of realised volatility that set its regime thresholds (expanding, no look-ahead)."),
        ParameterRange.Real("low_quantile", 0.1, 0.45, 0.33, "Proxy only: volatility at or below this quantile of its history is calm."),
        ParameterRange.Real("high_quantile", 0.55, 0.95, 0.67, "Proxy only: volatility above this quantile of its history is stressed."),
        ParameterRange.WholeNumber("momentum_lookback", 20, 252, 126, "Risk-on holds the symbols with the best return over this many bars."),
        ParameterRange.WholeNumber("top_n", 1, 50, 5, "Symbols held on each side."),
        ParameterRange.Choice("defensive", DefensiveNames, "low_volatility", "Defensive holdings: low_volatility symbols or cash."),
        ParameterRange.Boolean("use_market_symbol", true, "Proxy from the market symbol (e.g. SPY) when the panel has it, else an equal-weight index."),
    ]);

    public static VixRegimeRotationParameters Default => From(Space.Defaults());

    public static VixRegimeRotationParameters From(ParameterSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return new(set["vix_low"], set["vix_high"], set.Whole("vol_window"), set.Whole("regime_history"), set["low_quantile"],
            set["high_quantile"], set.Whole("momentum_lookback"), set.Whole("top_n"), set.Choice<DefensiveMode>("defensive"),
            set.Flag("use_market_symbol"));
    }

    public ParameterSet ToSet() => new([
        Entry("vix_low", VixLow), Entry("vix_high", VixHigh), Entry("vol_window", VolWindow), Entry("regime_history", RegimeHistory),
        Entry("low_quantile", LowQuantile), Entry("high_quantile", HighQuantile), Entry("momentum_lookback", MomentumLookback),
        Entry("top_n", TopN), Entry("defensive", Defensive), Entry("use_market_symbol", UseMarketSymbol),
    ]);
}
