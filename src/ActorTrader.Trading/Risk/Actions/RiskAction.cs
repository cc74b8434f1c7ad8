using System.Text.Json.Serialization;

namespace ActorTrader.Trading.Risk.Actions;

/// <summary>
/// What a tripped circuit breaker makes the risk manager do, in rising severity (journaled by name). Every action goes
/// through the order manager as orders of sleeve <c>risk</c>; see <see cref="RiskActionPlanner"/>.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<RiskAction>))]
public enum RiskAction
{
    /// <summary>
    /// TIGHTEN_STOPS: a protective stop order for every position, a stop distance away from its last price (a sell stop
    /// below a long, a buy stop above a short), for the whole position, good for the day. Trading stays ACTIVE.
    /// </summary>
    TightenStops = 1,

    /// <summary>REDUCE_POSITIONS: cancel open orders, then cut every position by the reduce fraction (50%); REDUCING.</summary>
    ReducePositions = 2,

    /// <summary>CLOSE_ALL_POSITIONS: cancel open orders, then close every position at market; REDUCING.</summary>
    CloseAllPositions = 3,

    /// <summary>HALT: cancel every open order and refuse every new one; HALTED.</summary>
    Halt = 4,
}
