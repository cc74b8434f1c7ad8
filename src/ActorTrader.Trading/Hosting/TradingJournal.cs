using ActorTrader.Persistence.Serialization;
using ActorTrader.Trading.Host.Replay;
using ActorTrader.Trading.Ledger;
using ActorTrader.Trading.Orders;
using ActorTrader.Trading.Risk;

namespace ActorTrader.Trading.Host;

/// <summary>Every event the trading core journals (order manager, ledger, risk, replay cursor), under their stable manifest names.</summary>
public static class TradingJournal
{
    public static EventSerializer Register(EventSerializer serializer)
    {
        ArgumentNullException.ThrowIfNull(serializer);
        OrderEvents.Register(serializer);
        LedgerEvents.Register(serializer);
        RiskEvents.Register(serializer);
        return ReplayEvents.Register(serializer);
    }
}
