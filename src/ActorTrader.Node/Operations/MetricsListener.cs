using ActorTrader.Actors;
using ActorTrader.Hosting.Alerts;
using ActorTrader.Trading.Ledger;
using ActorTrader.Trading.Orders;

namespace ActorTrader.Node.Operations;

/// <summary>Feeds the trading metrics from the event stream: order events by kind and the ledger's NAV.</summary>
internal sealed class MetricsListener : ReceiveActor
{
    public MetricsListener(NodeMetrics metrics)
    {
        Receive<OrderChanged>(changed => metrics.Orders.Add(1, new KeyValuePair<string, object?>("event", changed.Change.ToString().ToLowerInvariant())));
        Receive<LedgerChanged>(changed => metrics.SetNav(changed.View.NetAssetValue));
    }

    public static Props CreateProps(NodeMetrics metrics) => Props.Create(() => new MetricsListener(metrics));

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(OrderChanged));
        Context.System.EventStream.Subscribe(Self, typeof(LedgerChanged));
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);
}

/// <summary>Counts the alerts that reached the sinks, by kind.</summary>
internal sealed class MetricsAlertSink(NodeMetrics metrics) : IAlertSink
{
    public string Name => "metrics";

    public void Send(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        metrics.Alerts.Add(1, new KeyValuePair<string, object?>("kind", alert.Kind));
    }
}
