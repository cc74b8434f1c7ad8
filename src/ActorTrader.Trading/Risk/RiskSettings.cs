using ActorTrader.Domain.Instruments;
using ActorTrader.Hocon;
using ActorTrader.Trading.Risk.Actions;
using ActorTrader.Trading.Risk.Monitoring;

namespace ActorTrader.Trading.Risk;

/// <summary>
/// <c>actortrader.risk</c>: the pre-trade limits (fractions and multiples of NAV), the circuit breakers and how the
/// automatic actions behave. <see cref="Default"/> equals hocon/reference.conf.
/// </summary>
/// <param name="MaxOrderWeight">Largest notional of one order that adds exposure, as a fraction of NAV.</param>
/// <param name="MaxPositionWeight">Largest weight of one position after an order, as a fraction of NAV.</param>
/// <param name="MaxGrossExposure">Largest gross exposure after an order, as a multiple of NAV.</param>
/// <param name="MaxNetExposure">Largest absolute net exposure after an order, as a multiple of NAV.</param>
/// <param name="MaxTradesPerDay">Most orders per exchange trading date (approved or placed; see <c>TradeDay</c>).</param>
/// <param name="MinNotional">Smallest notional of an order that adds exposure, in the account currency.</param>
/// <param name="MinConfidence">Intents whose Confidence is below this are refused (intents without one pass).</param>
/// <param name="MarginMultiplier">A margin account's buying power when the broker's figure is not given: NAV × this − gross exposure.</param>
/// <param name="AllowList">When not empty, only these symbols may be bought into or sold short.</param>
/// <param name="DenyList">Symbols no order may trade (a restricted list).</param>
/// <param name="AllowWhenMarketClosed">Let orders through while the market is closed (they wait at the broker for the open).</param>
/// <param name="CircuitBreakers">The monitoring levels; a threshold of 0 is off and is not listed.</param>
/// <param name="ReduceFraction">The share of every position REDUCE_POSITIONS cuts.</param>
/// <param name="StopDistance">How far below a long's (above a short's) last price TIGHTEN_STOPS puts the stop.</param>
/// <param name="NewDayResume">Whether <see cref="StartOfDay"/> lifts REDUCING or HALTED.</param>
/// <param name="ActionResendInterval">
/// How long an automatic action that is not carried out yet (unanswered, or refused by the order manager or the broker)
/// waits before it is tried again; every further attempt waits twice as long, up to <see cref="ActionRetryMaxInterval"/>.
/// </param>
public sealed record RiskSettings(
    decimal MaxOrderWeight,
    decimal MaxPositionWeight,
    decimal MaxGrossExposure,
    decimal MaxNetExposure,
    int MaxTradesPerDay,
    decimal MinNotional,
    double MinConfidence,
    decimal MarginMultiplier,
    IReadOnlyList<Symbol> AllowList,
    IReadOnlyList<Symbol> DenyList,
    bool AllowWhenMarketClosed,
    IReadOnlyList<CircuitBreaker> CircuitBreakers,
    decimal ReduceFraction,
    decimal StopDistance,
    NewDayResume NewDayResume,
    TimeSpan ActionResendInterval)
{
    public const string Section = "actortrader.risk";

    /// <summary>The longest wait between two attempts of an automatic action (the backoff's cap).</summary>
    public TimeSpan ActionRetryMaxInterval { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How many orders (client order ids) one position's part of an automatic action may place before the broker's
    /// rejections count as permanent: then the action is given up, the risk alert raised and trading HALTED.
    /// </summary>
    public int ActionMaxAttempts { get; init; } = 5;

    /// <summary>The defaults of hocon/reference.conf.</summary>
    public static RiskSettings Default { get; } = new(
        MaxOrderWeight: 0.02m,
        MaxPositionWeight: 0.10m,
        MaxGrossExposure: 1.0m,
        MaxNetExposure: 1.0m,
        MaxTradesPerDay: 200,
        MinNotional: 1m,
        MinConfidence: 0.0,
        MarginMultiplier: 2m,
        AllowList: [],
        DenyList: [],
        AllowWhenMarketClosed: false,
        CircuitBreakers:
        [
            new(RiskMeasure.Drawdown, 0.05m, RiskAction.TightenStops),
            new(RiskMeasure.Drawdown, 0.10m, RiskAction.ReducePositions),
            new(RiskMeasure.Drawdown, 0.15m, RiskAction.CloseAllPositions),
            new(RiskMeasure.DailyLoss, 0.01m, RiskAction.TightenStops),
            new(RiskMeasure.DailyLoss, 0.02m, RiskAction.ReducePositions),
            new(RiskMeasure.DailyLoss, 0.03m, RiskAction.Halt),
            new(RiskMeasure.IntradayDrawdown, 0.02m, RiskAction.TightenStops),
        ],
        ReduceFraction: 0.5m,
        StopDistance: 0.02m,
        NewDayResume: NewDayResume.Off,
        ActionResendInterval: TimeSpan.FromSeconds(10));

    /// <summary>Reads the settings; a bad value is reported (positioned, with the fix) and replaced by its default.</summary>
    public static (RiskSettings Settings, IReadOnlyList<ConfigProblem> Problems) Read(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var reader = new RiskSettingsReader(config);
        var settings = reader.Read();
        return (settings, reader.Problems);
    }
}
