using ActorTrader.Strategies.Parameters;
using static ActorTrader.Strategies.Common.ParameterValues;

namespace ActorTrader.Strategies.FactorMomentum;

/// <summary>Parameters of <see cref="FactorMomentumStrategy"/>; <see cref="Space"/> is its research genome.</summary>
public sealed record FactorMomentumParameters(
    int MomentumLookback,
    int MomentumSkip,
    int VolWindow,
    int ReversalWindow,
    double MomentumWeight,
    double LowVolWeight,
    double ReversalWeight,
    int TopN) : IStrategyParameters<FactorMomentumParameters>
{
    public static ParameterSpace Space { get; } = new([
        ParameterRange.WholeNumber("momentum_lookback", 60, 300, 252, "Momentum factor window: the return from this many bars ago up to momentum_skip bars ago."),
        ParameterRange.WholeNumber("momentum_skip", 0, 42, 21, "Most recent bars left out of the momentum factor."),
        ParameterRange.WholeNumber("vol_window", 10, 126, 63, "Low-volatility factor: returns in the realised volatility (lower is better)."),
        ParameterRange.WholeNumber("reversal_window", 1, 21, 5, "Short-term reversal factor: return over this many bars (lower is better)."),
        ParameterRange.Real("momentum_weight", 0, 1, 0.5, "Weight of the momentum factor's cross-sectional z-score."),
        ParameterRange.Real("low_vol_weight", 0, 1, 0.3, "Weight of the low-volatility factor."),
        ParameterRange.Real("reversal_weight", 0, 1, 0.2, "Weight of the short-term reversal factor."),
        ParameterRange.WholeNumber("top_n", 1, 50, 10, "Hold the N symbols with the best combined score, equal-weighted."),
    ]);

    public static FactorMomentumParameters Default => From(Space.Defaults());

    public static FactorMomentumParameters From(ParameterSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return new(set.Whole("momentum_lookback"), set.Whole("momentum_skip"), set.Whole("vol_window"), set.Whole("reversal_window"),
            set["momentum_weight"], set["low_vol_weight"], set["reversal_weight"], set.Whole("top_n"));
    }

    public ParameterSet ToSet() => new([
        Entry("momentum_lookback", MomentumLookback), Entry("momentum_skip", MomentumSkip), Entry("vol_window", VolWindow),
        Entry("reversal_window", ReversalWindow), Entry("momentum_weight", MomentumWeight), Entry("low_vol_weight", LowVolWeight),
        Entry("reversal_weight", ReversalWeight), Entry("top_n", TopN),
    ]);
}
