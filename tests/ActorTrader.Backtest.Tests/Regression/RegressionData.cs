using ActorTrader.Data.Providers;
using ActorTrader.Data.Providers.Csv;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;
using ActorTrader.Strategies.Panel;

namespace ActorTrader.Backtest.Tests.Regression;

/// <summary>
/// Panels for the regression backtests: the bundled real prices (data/samples, copied next to the tests by the csproj)
/// through the csv provider, and seeded synthetic bars through the synthetic provider.
/// </summary>
internal static class RegressionData
{
    public static readonly string SamplesDirectory = Path.Combine(AppContext.BaseDirectory, "TestData", "samples");

    public static readonly string[] TwentyStocks =
        ["AAPL", "AMD", "BAC", "BBY", "CVX", "GE", "HD", "JNJ", "JPM", "KO", "LLY", "MRK", "MSFT", "PEP", "PFE", "PG", "RRC", "UNH", "WMT", "XOM"];

    public static Task<BarPanel> Samples(IEnumerable<string> tickers, DateOnly from, DateOnly to) =>
        Load(new CsvMarketDataProvider(SamplesDirectory), tickers.Select(t => new Symbol(Exchanges.Nyse, t)), from, to);

    public static Task<BarPanel> Synthetic(long seed, int symbols, DateOnly from, DateOnly to) =>
        Load(new ActorTrader.Data.Providers.Synthetic.SyntheticMarketDataProvider(seed),
            ActorTrader.Data.Providers.Synthetic.SyntheticMarketDataProvider.Universe(symbols), from, to);

    private static async Task<BarPanel> Load(IMarketDataProvider provider, IEnumerable<Symbol> symbols, DateOnly from, DateOnly to)
    {
        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(to.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var bars = new Dictionary<Symbol, IReadOnlyList<Bar>>();
        foreach (var symbol in symbols)
        {
            bars[symbol] = await provider.GetBarsAsync(new BarRequest(symbol, Timeframe.Day1, start, end));
        }
        return BarPanel.FromBars(Timeframe.Day1, bars);
    }
}
