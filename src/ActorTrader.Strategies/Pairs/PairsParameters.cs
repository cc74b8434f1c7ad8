using ActorTrader.Strategies.Parameters;
using static ActorTrader.Strategies.Common.ParameterValues;

namespace ActorTrader.Strategies.Pairs;

/// <summary>Parameters of <see cref="PairsStrategy"/>; <see cref="Space"/> is its research genome.</summary>
public sealed record PairsParameters(
    int FormationWindow,
    int ZScoreWindow,
    double EntryZ,
    double ExitZ,
    int MaxHold,
    int MaxPairs,
    Significance Significance,
    int AdfLags) : IStrategyParameters<PairsParameters>
{
    public static IReadOnlyList<string> SignificanceNames { get; } = ["1%", "5%", "10%"];

    public static ParameterSpace Space { get; } = new([
        ParameterRange.WholeNumber("formation_window", 60, 504, 252, "Bars in the cointegration test and hedge-ratio regression."),
        ParameterRange.WholeNumber("zscore_window", 10, 126, 20, "Bars in the rolling z-score of the spread."),
        ParameterRange.Real("entry_z", 1.0, 4.0, 2.0, "Open when |spread z| reaches this: short the rich leg, buy the cheap one."),
        ParameterRange.Real("exit_z", 0.0, 1.0, 0.5, "Close when |spread z| is back to this or less."),
        ParameterRange.WholeNumber("max_hold", 5, 126, 30, "Bars a pair trade is held at most when the spread does not revert."),
        ParameterRange.WholeNumber("max_pairs", 1, 10, 3, "Pairs traded at once (best test statistics first, no symbol in two pairs)."),
        ParameterRange.Choice("significance", SignificanceNames, "5%", "Significance level of the Engle-Granger test: \"1%\", \"5%\" or \"10%\"."),
        ParameterRange.WholeNumber("adf_lags", 0, 12, 1, "Lagged differences in the ADF regression on the spread."),
    ]);

    public static PairsParameters Default => From(Space.Defaults());

    public static PairsParameters From(ParameterSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return new(set.Whole("formation_window"), set.Whole("zscore_window"), set["entry_z"], set["exit_z"], set.Whole("max_hold"),
            set.Whole("max_pairs"), set.Choice<Significance>("significance"), set.Whole("adf_lags"));
    }

    public ParameterSet ToSet() => new([
        Entry("formation_window", FormationWindow), Entry("zscore_window", ZScoreWindow), Entry("entry_z", EntryZ), Entry("exit_z", ExitZ),
        Entry("max_hold", MaxHold), Entry("max_pairs", MaxPairs), Entry("significance", Significance), Entry("adf_lags", AdfLags),
    ]);
}
