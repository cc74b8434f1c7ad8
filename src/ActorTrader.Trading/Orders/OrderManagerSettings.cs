namespace ActorTrader.Trading.Orders;

/// <summary>actortrader.trading.orders: snapshots, how ambiguous submits are resolved, redelivery of fills to the ledger.</summary>
/// <param name="SnapshotInterval">A snapshot is saved after this many journaled events (recovery then replays at most this many).</param>
/// <param name="ResolveInterval">How often orders whose submit outcome is unknown are looked up at the broker by client order id.</param>
/// <param name="ResolveGrace">
/// An order the broker does not know is declared never accepted only this long after its last submit event (brokers
/// may list an order a moment after accepting it).
/// </param>
/// <param name="RedeliverInterval">A fill the ledger has not confirmed is sent again after this long.</param>
/// <param name="FillsTimeout">How long reconciliation waits for the ledger to confirm every fill.</param>
/// <param name="BrokerTimeout">How long reconciliation waits for each broker answer.</param>
public sealed record OrderManagerSettings(
    int SnapshotInterval,
    TimeSpan ResolveInterval,
    TimeSpan ResolveGrace,
    TimeSpan RedeliverInterval,
    TimeSpan FillsTimeout,
    TimeSpan BrokerTimeout)
{
    public static OrderManagerSettings Default { get; } = new(
        500, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(30));
}
