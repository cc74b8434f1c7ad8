using ActorTrader.Strategies.Parameters;
using static ActorTrader.Strategies.Common.ParameterValues;

namespace ActorTrader.Strategies.RelativeVolumeBreakout;

/// <summary>Parameters of <see cref="RelativeVolumeBreakoutStrategy"/>; <see cref="Space"/> is its research genome.</summary>
public sealed record RelativeVolumeBreakoutParameters(
    int BreakoutWindow,
    int VolumeWindow,
    double VolumeMultiple,
    int HoldBars,
    double StopAtr,
    int AtrPeriod) : IStrategyParameters<RelativeVolumeBreakoutParameters>
{
    public static ParameterSpace Space { get; } = new([
        ParameterRange.WholeNumber("breakout_window", 5, 250, 20, "A breakout closes above the highest high of this many previous bars."),
        ParameterRange.WholeNumber("volume_window", 5, 120, 20, "Previous bars in the average volume."),
        ParameterRange.Real("volume_multiple", 1.0, 10.0, 2.0, "The breakout bar's volume must be at least this multiple of the average."),
        ParameterRange.WholeNumber("hold_bars", 1, 60, 10, "Bars a breakout is held (the breakout bar counts as the first)."),
        ParameterRange.Real("stop_atr", 0.5, 5.0, 2.0, "Exit when the close falls this many ATRs below the broken level."),
        ParameterRange.WholeNumber("atr_period", 5, 50, 14, "ATR period (Wilder)."),
    ]);

    public static RelativeVolumeBreakoutParameters Default => From(Space.Defaults());

    public static RelativeVolumeBreakoutParameters From(ParameterSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return new(set.Whole("breakout_window"), set.Whole("volume_window"), set["volume_multiple"], set.Whole("hold_bars"),
            set["stop_atr"], set.Whole("atr_period"));
    }

    public ParameterSet ToSet() => new([
        Entry("breakout_window", BreakoutWindow), Entry("volume_window", VolumeWindow), Entry("volume_multiple", VolumeMultiple),
        Entry("hold_bars", HoldBars), Entry("stop_atr", StopAtr), Entry("atr_period", AtrPeriod),
    ]);
}
