using System.Text.Json.Serialization;

namespace ActorTrader.Trading.Risk;

/// <summary>
/// Who may trade, as the risk manager sees it. Automatic transitions only escalate (ACTIVE → REDUCING → HALTED);
/// the way back to ACTIVE is an operator's <see cref="ResumeTrading"/> or, when configured, the start of a new day.
/// Journaled by name: never rename a member.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<TradingState>))]
public enum TradingState
{
    /// <summary>Every order that passes the pre-trade checks may be placed.</summary>
    Active = 0,

    /// <summary>Only orders that shrink a position may be placed (the order manager gets <c>ReducingOnly</c>).</summary>
    Reducing = 1,

    /// <summary>No order may be placed; open orders were cancelled.</summary>
    Halted = 2,
}
