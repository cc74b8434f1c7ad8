using ActorTrader.Domain.Instruments;

namespace ActorTrader.Trading.Risk.PreTrade;

/// <summary>
/// Why a rule refused an order: the rule's name, the order (client order id, symbol), the figure that broke the limit
/// and the limit (null for yes/no rules), what happened (<see cref="Message"/>) and how to fix it.
/// </summary>
public sealed record PreTradeRefusal(
    string Rule,
    string ClientOrderId,
    Symbol Symbol,
    decimal? Figure,
    decimal? Limit,
    string Message,
    string Fix)
{
    /// <summary>"position-weight-cap: order at-… (BUY 50 NASDAQ:AAPL) would … Fix: …"</summary>
    public override string ToString() => $"{Rule}: {Message} Fix: {Fix}";
}
