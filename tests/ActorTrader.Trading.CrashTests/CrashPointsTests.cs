using ActorTrader.Brokers.Abstractions;
using ActorTrader.Brokers.Paper;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;
using ActorTrader.Trading.Host;

namespace ActorTrader.Trading.CrashTests;

/// <summary>The crash hook itself, with a recorder in place of the SIGKILL.</summary>
public sealed class CrashPointsTests : IDisposable
{
    private readonly StringWriter _report = new();
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "actortrader-crash-points-" + Guid.NewGuid().ToString("N"));
    private int _kills;

    public CrashPointsTests() => Directory.CreateDirectory(_directory);

    private CrashPoints Armed(string setting) => CrashPoints.Parse(setting, _report, () => _kills++);

    [Fact]
    public void The_armed_point_kills_at_its_nth_pass_only()
    {
        var points = Armed("order-journaled:2");

        points.Reached(CrashPoints.OrderJournaled);
        Assert.Equal(0, _kills);
        points.Reached(CrashPoints.OrderJournaled);
        Assert.Equal(1, _kills);
        points.Reached(CrashPoints.OrderJournaled);
        Assert.Equal(1, _kills);
    }

    [Fact]
    public void Other_points_do_not_count_towards_the_armed_one()
    {
        var points = Armed("ledger-booked:1");

        points.Reached(CrashPoints.FillJournaled);
        points.Reached(CrashPoints.BrokerFilled);

        Assert.Equal(0, _kills);
    }

    [Fact]
    public void The_kill_is_announced_with_the_point_the_pass_and_the_process()
    {
        Armed("fill-journaled:1").Reached(CrashPoints.FillJournaled);

        Assert.Equal($"CRASH POINT fill-journaled 1 pid {Environment.ProcessId}", _report.ToString().TrimEnd());
    }

    [Fact]
    public void Without_a_setting_nothing_is_armed_and_the_broker_is_not_wrapped()
    {
        var points = CrashPoints.Parse(null, _report, () => _kills++);
        var broker = new StubBroker();

        foreach (var name in CrashPoints.Names) points.Reached(name);

        Assert.Null(points.Armed);
        Assert.Equal(0, _kills);
        Assert.Same(broker, points.Wrap(broker));
    }

    [Theory]
    [InlineData("order-journaled")]
    [InlineData("order-journaled:0")]
    [InlineData("nowhere:1")]
    [InlineData("order-journaled:x")]
    [InlineData("order-journaled:1:2")]
    public void A_malformed_setting_is_refused_naming_the_variable_and_the_points(string setting)
    {
        var error = Assert.Throws<ArgumentException>(() => Armed(setting));

        Assert.Contains(CrashPoints.EnvironmentVariable, error.Message, StringComparison.Ordinal);
        Assert.Contains(CrashPoints.LedgerBooked, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrapped_broker_kills_on_entering_a_submit_before_the_broker_sees_the_order()
    {
        await using var paper = Paper();
        var broker = Armed("broker-submit:1").Wrap(paper);

        await broker.SubmitOrderAsync(Request("at-1"));

        Assert.Equal(1, _kills);
        // The recorder returns, so the call goes on; a real kill would have ended the process before the broker.
        Assert.Single(paper.SubmissionLog());
    }

    [Fact]
    public async Task A_wrapped_broker_kills_after_the_broker_accepted_the_order()
    {
        await using var paper = Paper();
        var broker = Armed("broker-accepted:2").Wrap(paper);

        await broker.SubmitOrderAsync(Request("at-1"));
        Assert.Equal(0, _kills);
        await broker.SubmitOrderAsync(Request("at-2"));

        Assert.Equal(1, _kills);
        Assert.Equal(2, paper.SubmissionLog().Count);
    }

    [Fact]
    public async Task A_wrapped_broker_kills_when_a_fill_comes_out_of_its_trade_updates()
    {
        await using var paper = Paper();
        var broker = Armed("broker-fill:1").Wrap(paper);
        using var stop = new CancellationTokenSource();
        var updates = broker.TradeUpdatesAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        var first = updates.MoveNextAsync();

        await broker.SubmitOrderAsync(Request("at-1"));
        Assert.True(await first);
        Assert.Equal(TradeUpdateEvent.New, updates.Current.Event);
        Assert.Equal(0, _kills);
        await paper.PublishQuotesAsync([new MarketQuote(Symbol, 100m, Open, 1_000m)]);
        Assert.True(await updates.MoveNextAsync());

        Assert.Equal(TradeUpdateEvent.Fill, updates.Current.Event);
        Assert.Equal(1, _kills);
        await stop.CancelAsync();
        await updates.DisposeAsync();
    }

    private static readonly Symbol Symbol = Symbol.Parse("NYSE:AAPL");

    // A Tuesday session's open (09:30 New York = 13:30 UTC in summer).
    private static readonly DateTimeOffset Open = new(2022, 9, 6, 13, 30, 0, TimeSpan.Zero);

    private PaperBroker Paper() => new(PaperBrokerSettings.Default(Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".db")), new FixedTime(Open.AddMinutes(-1)));

    private static OrderRequest Request(string clientOrderId) => OrderRequest.Market(clientOrderId, Symbol, OrderSide.Buy, 1m, TimeInForce.Day);

    public void Dispose()
    {
        _report.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>Only its identity matters: an unarmed hook must hand it back as it is.</summary>
    private sealed class StubBroker : IBroker
    {
        public string Name => "stub";

        public bool IsLive => false;

        public Task<BrokerAccount> GetAccountAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<BrokerClock> GetClockAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<ActorTrader.Domain.Calendar.MarketSession>> GetCalendarAsync(DateOnly start, DateOnly end, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<BrokerAsset>> GetAssetsAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<BrokerAsset?> GetAssetAsync(Symbol symbol, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<BrokerOrder> SubmitOrderAsync(OrderRequest request, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<BrokerOrder> ReplaceOrderAsync(string brokerOrderId, OrderReplacement replacement, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task CancelOrderAsync(string brokerOrderId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task CancelAllOrdersAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<BrokerOrder?> GetOrderAsync(string brokerOrderId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<BrokerOrder?> GetOrderByClientIdAsync(string clientOrderId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<BrokerOrder>> GetOrdersAsync(OrderQuery query, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<BrokerPosition>> GetPositionsAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<BrokerOrder> ClosePositionAsync(Symbol symbol, decimal? quantity = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<BrokerOrder>> CloseAllPositionsAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public IAsyncEnumerable<TradeUpdate> TradeUpdatesAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
