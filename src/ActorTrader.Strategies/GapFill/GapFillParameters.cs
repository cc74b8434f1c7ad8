using ActorTrader.Strategies.Common;
using ActorTrader.Strategies.Parameters;
using static ActorTrader.Strategies.Common.ParameterValues;

namespace ActorTrader.Strategies.GapFill;

/// <summary>Parameters of <see cref="GapFillStrategy"/>; <see cref="Space"/> is its research genome.</summary>
public sealed record GapFillParameters(
    double MinGap,
    double MaxGap,
    double LogGap,
    TradeDirection Direction,
    double ConfirmFraction,
    double TargetFill,
    double StopMultiple,
    int ExitMinutesAfterOpen,
    double PositionSize) : IStrategyParameters<GapFillParameters>
{
    public static ParameterSpace Space { get; } = new([
        ParameterRange.Real("min_gap", 0.001, 0.02, 0.005, "Smallest |open / previous close − 1| that is traded."),
        ParameterRange.Real("max_gap", 0.02, 0.15, 0.05, "Largest |gap| that is traded (bigger gaps are news, not noise)."),
        ParameterRange.Real("log_gap", 0.0, 0.02, 0.001, "Smallest |gap| recorded as a detected gap when it is not traded."),
        ParameterRange.Choice("direction", TradeDirections.Names, "long", "long fades gap-downs only; short fades gap-ups (margin); both."),
        ParameterRange.Real("confirm_fraction", 0.0, 0.5, 0.0, "Share of the gap the price must have retraced before entering (0 = enter at 09:31)."),
        ParameterRange.Real("target_fill", 0.25, 1.0, 1.0, "Take profit once this share of the gap is filled."),
        ParameterRange.Real("stop_multiple", 0.25, 3.0, 1.0, "Stop when the price runs this many gap sizes further away from the previous close."),
        ParameterRange.WholeNumber("exit_minutes_after_open", 121, 389, 375, "Flat at this many minutes after the open (375 = 15:45 ET), at the latest one minute before the close."),
        ParameterRange.Real("position_size", 0.05, 1.0, 0.25, "Target per traded gap as a share of the strategy's capital."),
    ]);

    public static GapFillParameters Default => From(Space.Defaults());

    public static GapFillParameters From(ParameterSet set)
    {
        ArgumentNullException.ThrowIfNull(set);
        return new(set["min_gap"], set["max_gap"], set["log_gap"], set.Choice<TradeDirection>("direction"), set["confirm_fraction"],
            set["target_fill"], set["stop_multiple"], set.Whole("exit_minutes_after_open"), set["position_size"]);
    }

    public ParameterSet ToSet() => new([
        Entry("min_gap", MinGap), Entry("max_gap", MaxGap), Entry("log_gap", LogGap), Entry("direction", Direction),
        Entry("confirm_fraction", ConfirmFraction), Entry("target_fill", TargetFill), Entry("stop_multiple", StopMultiple),
        Entry("exit_minutes_after_open", ExitMinutesAfterOpen), Entry("position_size", PositionSize),
    ]);
}
