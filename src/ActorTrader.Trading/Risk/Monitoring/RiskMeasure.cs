using System.Text.Json.Serialization;

namespace ActorTrader.Trading.Risk.Monitoring;

/// <summary>What a circuit breaker watches; each is a loss as a fraction of a reference NAV (journaled by name).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RiskMeasure>))]
public enum RiskMeasure
{
    /// <summary>(peak NAV − NAV) / peak NAV: the loss from the highest NAV seen (across days).</summary>
    Drawdown,

    /// <summary>(day's opening NAV − NAV) / opening NAV: the loss since <see cref="StartOfDay"/>.</summary>
    DailyLoss,

    /// <summary>(day's highest NAV − NAV) / day's highest NAV: intraday P&amp;L given back from the day's high.</summary>
    IntradayDrawdown,
}
