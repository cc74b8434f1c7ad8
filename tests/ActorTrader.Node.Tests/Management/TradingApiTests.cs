using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ActorTrader.Actors;
using ActorTrader.Brokers.Abstractions;
using ActorTrader.Brokers.Paper;
using ActorTrader.Domain.Calendar;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;
using ActorTrader.Hosting.Configuration;
using ActorTrader.Hosting.Management;
using ActorTrader.Hosting.Settings;
using ActorTrader.Node.Control;
using ActorTrader.Node.Hosting;
using ActorTrader.Node.Management;
using ActorTrader.Node.Trading;
using ActorTrader.Persistence;
using ActorTrader.Persistence.Memory;
using ActorTrader.Trading.Host;
using ActorTrader.Trading.Host.Targets;
using ActorTrader.Trading.Ledger;
using ActorTrader.Trading.Orders;
using ActorTrader.Trading.Sleeves.Pipeline;
using Microsoft.AspNetCore.Builder;
using Serilog;

namespace ActorTrader.Node.Tests.Management;

/// <summary>
/// The management API over a real trading core in-process (control actor, gate, account with the paper broker in a temp
/// file, in-memory journal, no trading day): positions, orders, P&amp;L and status answer with their JSON shapes, and a halt
/// with flatten through the API closes what the account holds.
/// </summary>
public sealed class TradingApiTests : TestKit.TestKit, IAsyncLifetime, IDisposable
{
    private const string Token = "test-token-0123456789";
    private static readonly Symbol Ko = new("NYSE", "KO");
    // The paper broker fills only on quotes stamped in session and after the order: an hour into the next session.
    private static readonly DateTimeOffset InSession = MarketCalendars.Nyse.NextSession(DateTimeOffset.UtcNow.AddDays(1)).Open.AddHours(1);
    private readonly TempDirectory _dir = new();
    private readonly HttpClient _http = new();
    private WebApplication _web = null!;
    private PaperBroker _paper = null!;
    private NodeTrading _trading = null!;
    private NodeSettings _settings = null!;

    public async Task InitializeAsync()
    {
        var file = _dir.File("node.conf");
        await File.WriteAllTextAsync(file, $$"""actortrader { node { name = "api", data-dir = "{{_dir.File("data")}}" }, management.port = 0, control.watch-interval = 100ms }""");
        var loaded = ConfigLoader.Load(new ConfigSources { ConfigFile = file, Environment = new Dictionary<string, string?>(), WorkingDirectory = _dir.Path });
        var settings = _settings = NodeSettings.FromConfig(loaded);
        Persistence.Persistence.Install(Sys, PersistenceSetup.InMemory(NodePersistence.CreateSerializer(), new MemoryStorage()));
        var control = Sys.ActorOf(ControlActor.CreateProps(settings.Control), "control");
        _paper = new PaperBroker(PaperBrokerSettings.Default(_dir.File("paper.db")), TimeProvider.System);
        var nyse = MarketCalendars.Nyse;
        var none = new ScheduledTargets([new SleeveTargetSchedule("none", 1.0, SleeveSchedule.Empty)], nyse);
        var setup = new TradingCoreSetup(Sys, "paper", () => new SharedBroker(_paper), "paper", false, control, nyse, _ => none);
        var core = await TradingCore.PrepareAsync(setup);
        await core.StartAccountAsync(null, nyse);
        _trading = new NodeTrading("live-clock", core, null, TimeSpan.FromSeconds(10)) { State = "running" };
        var node = new NodeContext(settings, loaded, control, Token, DateTimeOffset.UtcNow, TimeProvider.System) { Trading = _trading };
        _web = ManagementServer.Build(node, new LoggerConfiguration().CreateLogger(), TimeSpan.FromSeconds(5));
        await _web.StartAsync();
        _http.BaseAddress = new Uri(ManagementServer.BoundUrl(_web));
        _http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + Token);
        await AwaitAssertAsync(async () => Assert.True((await Status()).Trading!.TradingAllowed), TimeSpan.FromSeconds(20));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await _web.StopAsync();
        await _web.DisposeAsync();
        await Sys.Terminate();
        await _paper.DisposeAsync();
    }

    public void Dispose()
    {
        _http.Dispose();
        _dir.Dispose();
    }

    private async Task<NodeStatus> Status() => (await _http.GetFromJsonAsync<NodeStatus>(ManagementRoutes.Status.TrimStart('/'), ManagementJson.Options))!;

    private async Task<JsonElement> GetJson(string route)
    {
        using var response = await _http.GetAsync(route.TrimStart('/'));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private async Task<PositionsResponse> Positions() => (await _http.GetFromJsonAsync<PositionsResponse>(ManagementRoutes.Positions.TrimStart('/'), ManagementJson.Options))!;

    private Task<OrdersView> OpenOrders() => _trading.Account!.Orders.Ask<OrdersView>(new GetOrders(true), DefaultTimeout);

    /// <summary>Buys through the gate (as the trading day would) and fills it with a quote in session.</summary>
    private async Task BuyAsync(decimal quantity)
    {
        var intent = new OrderIntent("paper", "core", "test-1", Ko, OrderSide.Buy, quantity, "target", 60m);
        var reply = await Sys.ActorSelection("/user/trading/" + TradingGate.NameOf("paper")).Ask<object>(new SubmitOrder(intent), DefaultTimeout);
        Assert.IsType<OrderSubmitAccepted>(reply);
        await FillAsync();
        await AwaitAssertAsync(async () => Assert.True((await Positions()).Positions.Count == 1, "no position yet; paper account: " + _paper.DumpState()), TimeSpan.FromSeconds(10));
    }

    /// <summary>A quote once every order has reached the paper broker, so it fills them.</summary>
    private async Task FillAsync()
    {
        await AwaitAssertAsync(async () => Assert.All((await OpenOrders()).Orders, o => Assert.NotNull(o.BrokerOrderId)), TimeSpan.FromSeconds(10));
        await _paper.PublishQuotesAsync([new MarketQuote(Ko, 60m, InSession)]);
    }

    [Fact]
    public async Task Status_shows_the_trading_core_mode_permission_risk_and_nav()
    {
        var trading = (await Status()).Trading!;

        Assert.Equal("live-clock", trading.Mode);
        Assert.True(trading.TradingAllowed);
        Assert.StartsWith("succeeded", trading.Reconciliation, StringComparison.Ordinal);
        Assert.StartsWith("ACTIVE", trading.RiskState, StringComparison.Ordinal);
        Assert.Equal(100_000m, trading.Nav);
    }

    [Fact]
    public async Task Positions_orders_and_pnl_answer_with_their_json_fields()
    {
        await BuyAsync(10);

        var positions = await GetJson(ManagementRoutes.Positions);
        var orders = await GetJson(ManagementRoutes.Orders);
        var pnl = await GetJson(ManagementRoutes.Pnl);

        var position = positions.GetProperty("positions")[0];
        Assert.Equal("NYSE:KO", position.GetProperty("symbol").GetString());
        Assert.Equal(10m, position.GetProperty("quantity").GetDecimal());
        foreach (var field in new[] { "averageCost", "mark", "marketValue", "unrealisedPnl" }) Assert.True(position.TryGetProperty(field, out _), field);
        var order = orders.GetProperty("orders")[0];
        Assert.Equal("filled", order.GetProperty("status").GetString());
        Assert.Equal("buy", order.GetProperty("side").GetString());
        foreach (var field in new[] { "nav", "cash", "realisedPnl", "unrealisedPnl", "fees", "dayPnl", "portfolioDaily" }) Assert.True(pnl.TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task Open_orders_leave_the_filled_ones_out()
    {
        await BuyAsync(5);

        var open = await GetJson(ManagementRoutes.Orders + "?open=true");

        Assert.True(open.GetProperty("openOnly").GetBoolean());
        Assert.Equal(0, open.GetProperty("orders").GetArrayLength());
    }

    [Fact]
    public async Task A_halt_with_flatten_stops_new_orders_and_closes_the_positions()
    {
        await BuyAsync(10);

        using var halt = await _http.PostAsync(ManagementRoutes.Halt.TrimStart('/'), new StringContent("""{"reason": "flatten test", "flatten": true}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, halt.StatusCode);
        await AwaitAssertAsync(async () => Assert.Single((await OpenOrders()).Orders), TimeSpan.FromSeconds(10));
        await FillAsync();

        await AwaitAssertAsync(async () => Assert.Empty((await Positions()).Positions), TimeSpan.FromSeconds(10));
        var flatten = (await _trading.Account!.Orders.Ask<OrdersView>(new GetOrders(), DefaultTimeout)).Orders.Single(o => o.Sleeve == TradingGate.OperatorSleeve);
        Assert.Equal(OrderSide.Sell, flatten.Side);
        Assert.False((await Status()).Trading!.TradingAllowed);
    }

    [Fact]
    public async Task A_halt_refuses_new_orders_at_once()
    {
        using var halt = await _http.PostAsync(ManagementRoutes.Halt.TrimStart('/'), new StringContent("""{"reason": "stop"}""", Encoding.UTF8, "application/json"));

        var reply = await Sys.ActorSelection("/user/trading/" + TradingGate.NameOf("paper"))
            .Ask<object>(new SubmitOrder(new OrderIntent("paper", "core", "test-2", Ko, OrderSide.Buy, 1m, "target", 60m)), DefaultTimeout);

        var refused = Assert.IsType<OrderSubmitRefused>(reply);
        Assert.Contains("stop", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_HALT_file_stops_new_orders_within_the_watch_interval()
    {
        Directory.CreateDirectory(_settings.Control.KillSwitchDir);
        await File.WriteAllTextAsync(_settings.Control.KillSwitchFile, "maintenance window");

        await AwaitAssertAsync(async () => Assert.False((await Status()).Trading!.TradingAllowed), TimeSpan.FromSeconds(10));
        var reply = await Sys.ActorSelection("/user/trading/" + TradingGate.NameOf("paper"))
            .Ask<object>(new SubmitOrder(new OrderIntent("paper", "core", "test-3", Ko, OrderSide.Buy, 1m, "target", 60m)), DefaultTimeout);
        Assert.Contains("maintenance window", Assert.IsType<OrderSubmitRefused>(reply).Reason, StringComparison.Ordinal);
    }
}
