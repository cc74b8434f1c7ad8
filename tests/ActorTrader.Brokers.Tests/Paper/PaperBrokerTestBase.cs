using ActorTrader.Brokers.Abstractions;
using ActorTrader.Brokers.Paper;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Brokers.Tests.Paper;

/// <summary>
/// A scratch directory for the paper account file, a settable clock, and brokers opened on that file (disposed after
/// the test). Times are on Monday 4 and Tuesday 5 March 2024: NYSE sessions 14:30–21:00 UTC.
/// </summary>
public abstract class PaperBrokerTestBase : IAsyncLifetime
{
    protected static readonly Symbol Aapl = Symbol.Parse("NASDAQ:AAPL");
    protected static readonly Symbol Msft = Symbol.Parse("NASDAQ:MSFT");
    protected static readonly Symbol Btc = Symbol.Parse("CRYPTO:BTC/USD");

    private readonly List<PaperBroker> _brokers = [];

    protected PaperBrokerTestBase()
    {
        Directory = Path.Combine(Path.GetTempPath(), "paper-broker-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Clock = new TestClock(Monday(14, 35));
    }

    protected string Directory { get; }

    protected string StateFile => Path.Combine(Directory, "paper.db");

    protected TestClock Clock { get; }

    protected static DateTimeOffset Monday(int hour, int minute) => new(2024, 3, 4, hour, minute, 0, TimeSpan.Zero);

    protected static DateTimeOffset Tuesday(int hour, int minute) => new(2024, 3, 5, hour, minute, 0, TimeSpan.Zero);

    protected PaperBrokerSettings Settings(Func<PaperBrokerSettings, PaperBrokerSettings>? configure = null)
    {
        var settings = PaperBrokerSettings.Default(StateFile);
        return configure is null ? settings : configure(settings);
    }

    protected PaperBroker Open(Func<PaperBrokerSettings, PaperBrokerSettings>? configure = null) => Open(Settings(configure), Clock);

    protected PaperBroker Open(PaperBrokerSettings settings, TimeProvider clock)
    {
        var broker = new PaperBroker(settings, clock);
        _brokers.Add(broker);
        return broker;
    }

    protected static MarketQuote Quote(Symbol symbol, decimal price, DateTimeOffset time, decimal? volume = null) => new(symbol, price, time, volume);

    protected static Task<IReadOnlyList<TradeUpdate>> Publish(PaperBroker broker, params MarketQuote[] quotes) => broker.PublishQuotesAsync(quotes);

    protected static Task<BrokerOrder> Buy(PaperBroker broker, string clientOrderId, Symbol symbol, decimal quantity, TimeInForce tif = TimeInForce.Day) =>
        broker.SubmitOrderAsync(OrderRequest.Market(clientOrderId, symbol, OrderSide.Buy, quantity, tif));

    protected static Task<BrokerOrder> Sell(PaperBroker broker, string clientOrderId, Symbol symbol, decimal quantity, TimeInForce tif = TimeInForce.Day) =>
        broker.SubmitOrderAsync(OrderRequest.Market(clientOrderId, symbol, OrderSide.Sell, quantity, tif));

    protected static async Task<BrokerOrder> Order(PaperBroker broker, BrokerOrder order) =>
        (await broker.GetOrderAsync(order.BrokerOrderId))!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var broker in _brokers) await broker.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
