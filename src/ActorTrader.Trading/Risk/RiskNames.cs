using ActorTrader.Trading.Risk.Actions;
using ActorTrader.Trading.Risk.Monitoring;

namespace ActorTrader.Trading.Risk;

/// <summary>The kebab-case names of measures and actions used in configuration, breaker names and order ids.</summary>
public static class RiskNames
{
    public static string Of(RiskMeasure measure) => measure switch
    {
        RiskMeasure.Drawdown => "drawdown",
        RiskMeasure.DailyLoss => "daily-loss",
        RiskMeasure.IntradayDrawdown => "intraday-drawdown",
        _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, "Unknown risk measure."),
    };

    public static string Of(RiskAction action) => action switch
    {
        RiskAction.TightenStops => "tighten-stops",
        RiskAction.ReducePositions => "reduce-positions",
        RiskAction.CloseAllPositions => "close-all-positions",
        RiskAction.Halt => "halt",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "Unknown risk action."),
    };

    public static IReadOnlyList<RiskMeasure> Measures { get; } = [RiskMeasure.Drawdown, RiskMeasure.DailyLoss, RiskMeasure.IntradayDrawdown];

    /// <summary>Least severe first.</summary>
    public static IReadOnlyList<RiskAction> Actions { get; } = [RiskAction.TightenStops, RiskAction.ReducePositions, RiskAction.CloseAllPositions, RiskAction.Halt];
}
