namespace ActorTrader.Brokers.Alpaca;

/// <summary>
/// One entry of a multi-status answer (HTTP 207 of DELETE /v2/orders and DELETE /v2/positions): the order id or
/// symbol it concerns, its own HTTP status, Alpaca's message when it failed, and the order it created when it did.
/// </summary>
internal sealed record AlpacaMultiStatusItem(string Subject, int Status, string Message, AlpacaOrderRecord? Order)
{
    public bool Succeeded => Status is >= 200 and <= 299;
}
