using System.Net;
using System.Text;
using System.Text.Json;
using ActorTrader.Cli.Commands;
using ActorTrader.Hosting.Management;
using ActorTrader.Hosting.Security;

namespace ActorTrader.Cli.Tests.Trading;

/// <summary>positions, orders, pnl, halt --flatten and run against a fake node endpoint (the real node is exercised in ActorTrader.Node.Tests).</summary>
public sealed class TradingCommandsTests : IDisposable
{
    private readonly CliHarness _cli = new();
    private readonly List<(string Path, string? Body)> _requests = [];
    private readonly string _config;

    public TradingCommandsTests()
    {
        _config = _cli.WriteCleanConfig("management.port = 18765");
        TokenFile.EnsureExists(Path.Combine(_cli.DataDir, "management.token"));
    }

    public void Dispose() => _cli.Dispose();

    /// <summary>Answers every request with <paramref name="body"/> (and remembers the request).</summary>
    private void Answer(object body, HttpStatusCode status = HttpStatusCode.OK) =>
        _cli.HttpHandler = () => new FixedHandler(request =>
        {
            var content = request.Content?.ReadAsStringAsync().GetAwaiter().GetResult();
            lock (_requests) _requests.Add((request.RequestUri!.PathAndQuery, content));
            return new HttpResponseMessage(status) { Content = new StringContent(JsonSerializer.Serialize(body, ManagementJson.Options), Encoding.UTF8, "application/json") };
        });

    private sealed class FixedHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => Task.FromResult(respond(request));
    }

    private static readonly DateTimeOffset AsOf = new(2022, 9, 1, 20, 15, 0, TimeSpan.Zero);

    [Fact]
    public async Task Positions_json_prints_the_account_and_each_position_with_its_fields()
    {
        Answer(new PositionsResponse("paper", AsOf, [new PositionView("NYSE:KO", 10m, 60.22m, 61m, 610m, 7.8m)]));

        var (exit, output, _) = await _cli.RunAsync("--config", _config, "positions", "--json");

        Assert.Equal(ExitCodes.Ok, exit);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("paper", json.GetProperty("account").GetString());
        var position = json.GetProperty("positions")[0];
        Assert.Equal("NYSE:KO", position.GetProperty("symbol").GetString());
        foreach (var field in new[] { "quantity", "averageCost", "mark", "marketValue", "unrealisedPnl" }) Assert.True(position.TryGetProperty(field, out _), field);
        Assert.Equal(ManagementRoutes.Positions, _requests.Single().Path);
    }

    [Fact]
    public async Task Positions_without_json_prints_a_table_with_the_symbol()
    {
        Answer(new PositionsResponse("paper", AsOf, [new PositionView("NYSE:KO", 10m, 60.22m, 61m, 610m, 7.8m)]));

        var (exit, output, _) = await _cli.RunAsync("--config", _config, "positions");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains("NYSE:KO", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Orders_open_asks_for_open_orders_only_and_prints_their_json()
    {
        Answer(new OrdersResponse("paper", true, [new OrderDto("at-1", "paper-1", "NYSE:KO", "buy", "market", 10m, 0m, null, "new", "net", "2022-09-01T19:45Z", "target", AsOf, AsOf, null)]));

        var (exit, output, _) = await _cli.RunAsync("--config", _config, "orders", "--open", "--json");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal(ManagementRoutes.Orders + "?open=true", _requests.Single().Path);
        var order = JsonDocument.Parse(output).RootElement.GetProperty("orders")[0];
        foreach (var field in new[] { "clientOrderId", "brokerOrderId", "symbol", "side", "quantity", "filledQuantity", "status", "sleeve", "rebalanceId", "leg" })
            Assert.True(order.TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task Orders_without_open_asks_for_every_order()
    {
        Answer(new OrdersResponse("paper", false, []));

        var (exit, output, _) = await _cli.RunAsync("--config", _config, "orders");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal(ManagementRoutes.Orders, _requests.Single().Path);
        Assert.Contains("no orders", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pnl_json_prints_nav_cash_pnl_fees_and_the_daily_rows()
    {
        Answer(new PnlResponse("paper", AsOf, 100_012m, 90_000m, 5m, 7m, 1.2m, 3.4m, 10_012m, 10_012m, 4,
            [new PortfolioDailyView("2022-09-01", 100_012m, 90_000m, 12m, 5m, 1.2m, 2)]));

        var (exit, output, _) = await _cli.RunAsync("--config", _config, "pnl", "--json");

        Assert.Equal(ExitCodes.Ok, exit);
        var json = JsonDocument.Parse(output).RootElement;
        foreach (var field in new[] { "nav", "cash", "realisedPnl", "unrealisedPnl", "fees", "dayPnl" }) Assert.True(json.TryGetProperty(field, out _), field);
        Assert.Equal("2022-09-01", json.GetProperty("portfolioDaily")[0].GetProperty("date").GetString());
    }

    [Fact]
    public async Task Halt_with_flatten_sends_flatten_with_the_reason()
    {
        Answer(new ControlResponse(true, "Halted: risk. Closing every position (flatten).", true, "risk", AsOf));

        var (exit, output, _) = await _cli.RunAsync("--config", _config, "halt", "--reason", "risk", "--flatten");

        Assert.Equal(ExitCodes.Ok, exit);
        var body = JsonDocument.Parse(_requests.Single().Body!).RootElement;
        Assert.Equal("risk", body.GetProperty("reason").GetString());
        Assert.True(body.GetProperty("flatten").GetBoolean());
        Assert.Contains("Closing every position", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Halt_without_flatten_does_not_ask_to_close_positions()
    {
        Answer(new ControlResponse(true, "Halted: x", true, "x", AsOf));

        await _cli.RunAsync("--config", _config, "halt", "--reason", "x");

        Assert.False(JsonDocument.Parse(_requests.Single().Body!).RootElement.GetProperty("flatten").GetBoolean());
    }

    [Fact]
    public async Task A_node_without_a_trading_core_is_reported_with_its_fix()
    {
        Answer(new ApiError("This node runs no trading core. Fix: start it with ./run.sh"), HttpStatusCode.ServiceUnavailable);

        var (exit, _, error) = await _cli.RunAsync("--config", _config, "positions");

        Assert.Equal(ExitCodes.NodeError, exit);
        Assert.Contains("no trading core", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_outside_the_source_tree_says_where_it_looked_and_exits_2()
    {
        var (exit, _, error) = await _cli.RunAsync("run", "--days", "3");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains(RunCommand.Script, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_refuses_days_with_the_live_clock()
    {
        var (exit, _, error) = await _cli.RunAsync("run", "--live-clock", "--days", "3");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("--days", error, StringComparison.Ordinal);
    }
}
