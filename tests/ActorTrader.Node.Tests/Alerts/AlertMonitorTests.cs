using System.Text.Json;
using ActorTrader.Actors;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;
using ActorTrader.Hosting.Alerts;
using ActorTrader.Node.Alerts;
using ActorTrader.Persistence;
using ActorTrader.Research.Actors.Population;
using ActorTrader.Research.Evolution;
using ActorTrader.TestKit;
using ActorTrader.Trading.Host;
using ActorTrader.Trading.Host.Operations;
using ActorTrader.Trading.Orders;
using ActorTrader.Trading.Reconciliation;
using ActorTrader.Trading.Risk;
using ActorTrader.Trading.Risk.Actions;
using Serilog;

namespace ActorTrader.Node.Tests.Alerts;

/// <summary>
/// Issue 12's acceptance: an alert fires for each condition of §2 — the real event on the event stream (or the periodic
/// memory check on virtual time) reaches the webhook, a loopback test server, as JSON of that kind.
/// </summary>
public sealed class AlertMonitorTests : TestKit.TestKit, IAsyncLifetime
{
    private static readonly TimeSpan Arrival = TimeSpan.FromSeconds(10) * TestKitSettings.TimeFactor;
    private WebhookReceiver _webhook = null!;
    private readonly List<IAsyncDisposable> _owned = [];
    private AlertCenter _center = null!;
    private DataFreshnessBoard _freshness = null!;
    private MemoryUsage _memory = new(100, 1000);

    public AlertMonitorTests() : base(new TestKitSettings { VirtualTime = true })
    {
    }

    private DateTimeOffset Now => Scheduler.Now;

    public async Task InitializeAsync()
    {
        _webhook = await WebhookReceiver.StartAsync();
        var settings = AlertSettings.Default with { WebhookUrl = _webhook.Url, WebhookRetries = 0 };
        var sink = new WebhookAlertSink(_webhook.Url, "node-t", new HttpClient(), TimeSpan.FromSeconds(10), 0, TimeProvider.System, new LoggerConfiguration().CreateLogger());
        _owned.Add(sink);
        _center = new AlertCenter(settings, TimeProvider.System, [sink]);
        _freshness = new DataFreshnessBoard(settings.StaleDataAfter);
        var monitor = Sys.ActorOf(AlertMonitor.CreateProps(_center, _freshness, settings, () => _memory), "alerts");
        // An actor handles messages only after PreStart, where the monitor subscribes: once it answered, it hears every event.
        monitor.Tell(new Identify("started"), TestActor);
        ExpectMsg<ActorIdentity>();
    }

    public async Task DisposeAsync()
    {
        foreach (var owned in _owned) await owned.DisposeAsync();
        await _webhook.DisposeAsync();
    }

    private async Task<JsonElement> ExpectWebhookAsync(string kind, object published)
    {
        var arrived = _webhook.NextOfKindAsync(kind, Arrival);
        Sys.EventStream.Publish(published);
        var alert = await arrived;
        Assert.Equal("node-t", alert.GetProperty("node").GetString());
        return alert;
    }

    [Fact]
    public async Task A_circuit_breaker_trip_is_a_critical_alert()
    {
        var alert = await ExpectWebhookAsync(AlertKinds.BreakerTrip, new RiskEventOccurred("paper",
            new RiskActionTaken(1, RiskAction.ReducePositions, "drawdown 10.4% reached 10%", ["drawdown"], true, true, [], [], Now)));

        Assert.Equal("critical", alert.GetProperty("severity").GetString());
        Assert.Contains("drawdown", alert.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trading_state_change_to_halted_is_an_alert()
    {
        var alert = await ExpectWebhookAsync(AlertKinds.TradingState, new RiskEventOccurred("paper",
            new RiskTradingStateChanged(TradingState.Active, TradingState.Halted, "daily loss 3% reached 3%", "risk", Now)));

        Assert.Contains("ACTIVE to HALTED", alert.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_operators_halt_is_a_trading_state_alert()
    {
        var alert = await ExpectWebhookAsync(AlertKinds.TradingState, new OperatorHalt(true, "earnings", Now, "operator"));

        Assert.Contains("HALTED by operator: earnings", alert.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_reconciliation_is_an_alert()
    {
        var alert = await ExpectWebhookAsync(AlertKinds.Reconciliation, new StartupReconciliationFailed("rec-7", ReconciliationStep.Positions, "the broker did not answer."));

        Assert.Contains("rec-7", alert.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_order_is_an_alert_naming_the_order()
    {
        var order = new OrderView("at-0123", "b-1", "paper", Symbol.Parse("NYSE:KO"), OrderSide.Buy, OrderType.Market, 10m, 0m, null, OrderState.Rejected,
            "core_equity", "r-1", "target", Now, Now, "insufficient buying power", false);

        var alert = await ExpectWebhookAsync(AlertKinds.OrderRejected, new OrderChanged("paper", order, OrderChangeKind.StatusChanged));

        Assert.Contains("at-0123", alert.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("insufficient buying power", alert.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quotes_older_than_the_threshold_when_they_arrive_are_a_stale_data_alert()
    {
        var alert = await ExpectWebhookAsync(AlertKinds.StaleData, new MarketQuotesReceived("paper", "alpaca", 12, Now - TimeSpan.FromHours(2), Now, false));

        Assert.Contains("alpaca", alert.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True(Assert.Single(_freshness.Snapshot()).Stale);
    }

    [Fact]
    public async Task Fresh_quotes_are_recorded_without_an_alert()
    {
        Sys.EventStream.Publish(new MarketQuotesReceived("paper", "alpaca", 12, Now - TimeSpan.FromMinutes(1), Now, false));
        // A stale source published after it: the only alert is that one.
        var alert = await ExpectWebhookAsync(AlertKinds.StaleData, new MarketQuotesReceived("paper", "csv", 1, Now - TimeSpan.FromDays(1), Now, false));

        Assert.Contains("csv", alert.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal([false, true], _freshness.Snapshot().Select(v => v.Stale));
    }

    [Fact]
    public async Task Memory_above_80_percent_of_the_limit_is_an_alert_at_the_next_check()
    {
        _memory = new MemoryUsage(850, 1000);
        var arrived = _webhook.NextOfKindAsync(AlertKinds.Memory, Arrival);

        Scheduler.Advance(AlertSettings.Default.CheckInterval);

        var alert = await arrived;
        Assert.Contains("85%", alert.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_journal_write_failure_is_a_critical_alert()
    {
        var alert = await ExpectWebhookAsync(AlertKinds.JournalWrite, new PersistenceAlert("ledger-paper", PersistenceFailure.Persist, "disk I/O error", 42, "/user/trading/ledger", Now));

        Assert.Equal("critical", alert.GetProperty("severity").GetString());
        Assert.Contains("ledger-paper", alert.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Research_stagnation_is_an_alert()
    {
        var alert = await ExpectWebhookAsync(AlertKinds.ResearchStagnation, new PopulationStagnationNoticed("mean_reversion", "run-1", 12, StagnationVerdict.InjectDiversity, 0.51, Now));

        Assert.Contains("mean_reversion", alert.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Memory_below_the_threshold_raises_nothing()
    {
        _memory = new MemoryUsage(700, 1000);
        Scheduler.Advance(AlertSettings.Default.CheckInterval);
        // Any alert after the check would be in the recent list before this one.
        await ExpectWebhookAsync(AlertKinds.ResearchStagnation, new PopulationStagnationNoticed("x", "run-1", 1, StagnationVerdict.Restart, 0.1, Now));

        Assert.DoesNotContain(_center.Recent(10), e => e.Alert.Kind == AlertKinds.Memory);
    }
}
