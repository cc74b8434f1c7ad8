using ActorTrader.Strategies.Parameters;
using static ActorTrader.Strategies.Common.ParameterValues;

namespace ActorTrader.Strategies.VolManagedMomentum;

/// <summary>Parameters of <see cref="VolManagedMomentumStrategy"/>; <see cref="Space"/> is its research genome.</summary>
public sealed record VolManagedMomentumParameters(
    int Lookback,
    int Skip,
    int VolWindow,
    int TopN,
    double TargetVol,
    bool RequirePositive) : IStrategyParameters<VolManagedMomentumParameters>
{
    public static ParameterSpace Space { get; } = new([
        ParameterRange.WholeNumber("lookback", 60, 300, 252, "Momentum window: the return from this many bars ago up to skip bars ago."),
        ParameterRange.WholeNumber("skip", 0, 42, 21, "Most recent bars left out of momentum (12-1 momentum skips the last month)."),
        ParameterRange.WholeNumber("vol_window", 10, 126, 63, "Returns in the realised volatility estimate."),
        ParameterRange.WholeNumber("top_n", 1, 50, 10, "Hold the N symbols with the strongest momentum."),
        ParameterRange.Real("target_vol", 0.05, 0.5, 0.15, "Annualised volatility the book is scaled down to (never levered up)."),
        ParameterRange.Boolean("require_positive", true, "Hold only symbols whose momentum is above zero."),
    ]);

    public static VolManagedMomentumParameters Default => From(Space.Defaults());

    public static VolManagedMomentumParameters From(ParameterSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return new(set.Whole("lookback"), set.Whole("skip"), set.Whole("vol_window"), set.Whole("top_n"), set["target_vol"], set.Flag("require_positive"));
    }

    public ParameterSet ToSet() => new([
        Entry("lookback", Lookback), Entry("skip", Skip), Entry("vol_window", VolWindow), Entry("top_n", TopN),
        Entry("target_vol", TargetVol), Entry("require_positive", RequirePositive),
    ]);
}
