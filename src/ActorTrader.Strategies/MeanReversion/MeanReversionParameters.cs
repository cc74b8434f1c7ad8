using ActorTrader.Strategies.Parameters;
using static ActorTrader.Strategies.Common.ParameterValues;

namespace ActorTrader.Strategies.MeanReversion;

/// <summary>Parameters of <see cref="MeanReversionStrategy"/>; <see cref="Space"/> is its research genome.</summary>
public sealed record MeanReversionParameters(
    int ZWindow,
    double EntryZ,
    double ExitZ,
    int RsiPeriod,
    double RsiOversold,
    double RsiOverbought,
    MeanReversionTrigger Trigger,
    bool AllowShort,
    int MaxHold) : IStrategyParameters<MeanReversionParameters>
{
    public static IReadOnlyList<string> TriggerNames { get; } = ["zscore", "rsi", "either", "both"];

    public static ParameterSpace Space { get; } = new([
        ParameterRange.WholeNumber("z_window", 5, 120, 20, "Bars in the rolling mean and standard deviation of the close."),
        ParameterRange.Real("entry_z", 1.0, 4.0, 2.0, "Enter long when the close is this many standard deviations below its mean."),
        ParameterRange.Real("exit_z", -1.0, 1.0, 0.0, "Leave the long once the z-score is back to at least this (mirrored for shorts)."),
        ParameterRange.WholeNumber("rsi_period", 2, 30, 14, "RSI period (Wilder)."),
        ParameterRange.Real("rsi_oversold", 5, 50, 30, "RSI at or below this is oversold."),
        ParameterRange.Real("rsi_overbought", 50, 95, 70, "RSI at or above this is overbought."),
        ParameterRange.Choice("trigger", TriggerNames, "either", "Stretched means: zscore, rsi, either or both."),
        ParameterRange.Boolean("allow_short", false, "Also short overbought symbols (needs a margin account)."),
        ParameterRange.WholeNumber("max_hold", 1, 60, 10, "Bars a trade is held at most when it does not revert."),
    ]);

    public static MeanReversionParameters Default => From(Space.Defaults());

    public static MeanReversionParameters From(ParameterSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return new(set.Whole("z_window"), set["entry_z"], set["exit_z"], set.Whole("rsi_period"), set["rsi_oversold"],
            set["rsi_overbought"], set.Choice<MeanReversionTrigger>("trigger"), set.Flag("allow_short"), set.Whole("max_hold"));
    }

    public ParameterSet ToSet() => new([
        Entry("z_window", ZWindow), Entry("entry_z", EntryZ), Entry("exit_z", ExitZ), Entry("rsi_period", RsiPeriod),
        Entry("rsi_oversold", RsiOversold), Entry("rsi_overbought", RsiOverbought), Entry("trigger", Trigger),
        Entry("allow_short", AllowShort), Entry("max_hold", MaxHold),
    ]);
}
