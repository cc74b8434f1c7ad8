using ActorTrader.Domain.Bars;
using ActorTrader.Strategies.Panel;

namespace ActorTrader.Strategies.Tests.Support;

/// <summary>
/// Seeded synthetic markets for the look-ahead property tests: daily bars of ten random-walk stocks with volume spikes, a
/// cointegrated pair, a stock that lists at bar 450, a market ETF whose volatility doubles in the last third, optionally a VIX-like index and
/// fundamentals; and 1-minute bars of a few stocks inside NYSE hours with random opening gaps.
/// </summary>
internal static class SyntheticMarket
{
    public static readonly DateOnly FirstDay = new(2021, 1, 4);

    public static BarPanel Daily(int seed, int bars, bool withVix = false, bool withFundamentals = false)
    {
        var random = new Random(seed);
        var times = MarketTimes.Daily(FirstDay, bars);
        var builder = new PanelBuilder(times, Timeframe.Day1);
        string[] sectors = ["Energy", "Health Care", "Technology"];
        for (var k = 0; k < 10; k++)
        {
            var drift = -0.0005 + 0.0015 * random.NextDouble();
            var vol = 0.008 + 0.022 * random.NextDouble();
            AddStock(builder, random, $"NYSE:S{k:00}", Series.RandomWalk(random, bars, 50 + 100 * random.NextDouble(), drift, vol));
            if (withFundamentals)
            {
                builder.Fundamentals($"NYSE:S{k:00}", new FundamentalData(
                    KnownFrom: k == 3 ? times[bars / 2] : times[0],
                    MarketCap: 1e8 * (1 + 50 * random.NextDouble()),
                    BookToPrice: 0.2 + random.NextDouble(),
                    EarningsYield: -0.02 + 0.12 * random.NextDouble(),
                    ReturnOnEquity: -0.1 + 0.4 * random.NextDouble(),
                    DebtToEquity: 3 * random.NextDouble(),
                    Sector: sectors[k % sectors.Length]));
            }
        }

        // A cointegrated pair: PB = e^0.3 · PA · e^(AR(1) noise).
        var x = Series.RandomWalk(random, bars, 40, 0.0002, 0.015);
        var y = new double[bars];
        var e = 0.0;
        for (var i = 0; i < bars; i++)
        {
            e = 0.8 * e + 0.012 * Series.Normal(random);
            y[i] = Math.Exp(0.3 + Math.Log(x[i]) + e);
        }
        // Lists only at bar 450: nothing before may depend on it (e.g. sizing by the number of symbols in the panel).
        var late = Series.RandomWalk(random, bars, 30, 0.0004, 0.02);
        for (var i = 0; i < Math.Min(450, bars); i++) late[i] = double.NaN;
        AddStock(builder, random, "NYSE:LATE", late);
        AddStock(builder, random, "NYSE:PA", x);
        AddStock(builder, random, "NYSE:PB", y);

        var spy = new double[bars];
        spy[0] = 400;
        for (var i = 1; i < bars; i++) spy[i] = spy[i - 1] * Math.Exp(0.0003 + (i > 2 * bars / 3 ? 0.02 : 0.01) * Series.Normal(random));
        AddStock(builder, random, "ARCA:SPY", spy);

        if (withVix)
        {
            var vix = new double[bars];
            for (var i = 0; i < bars; i++) vix[i] = Math.Clamp(20 + 9 * Math.Sin(i / 40.0) + 2 * Series.Normal(random), 10, 45);
            builder.Add("CBOE:VIX", vix);
        }
        if (withFundamentals)
        {
            foreach (var (symbol, sector) in new[] { ("NYSE:PA", "Financials"), ("NYSE:PB", "Financials"), ("ARCA:SPY", "Index") })
                builder.Fundamentals(symbol, new FundamentalData(times[0], MarketCap: 5e9, BookToPrice: 0.5, EarningsYield: 0.05, ReturnOnEquity: 0.1, DebtToEquity: 1, Sector: sector));
        }
        return builder.Build();
    }

    /// <summary>
    /// Minute bars for <paramref name="days"/> NYSE sessions from 09:30 to 15:59 New York time, plus pre-market bars from 09:00
    /// when asked; each day opens with a normal(0, 1.5%) gap and drifts back toward the previous close half the time.
    /// </summary>
    public static BarPanel Minutes(int seed, DateOnly[] days, int symbols = 4, bool preMarket = false)
    {
        var random = new Random(seed);
        var times = new List<DateTimeOffset>();
        var sessionStart = new List<int>();
        foreach (var day in days)
        {
            if (preMarket) times.AddRange(MarketTimes.Minutes(day, new TimeOnly(9, 0), new TimeOnly(9, 29)));
            sessionStart.Add(times.Count);
            times.AddRange(MarketTimes.Minutes(day, new TimeOnly(9, 30), new TimeOnly(15, 59)));
        }
        var builder = new PanelBuilder(times, Timeframe.Minute1);
        for (var s = 0; s < symbols; s++)
        {
            var close = new double[times.Count];
            var open = new double[times.Count];
            var price = 100.0;
            var lastClose = price;
            for (var d = 0; d < days.Length; d++)
            {
                var start = sessionStart[d];
                var end = d + 1 < days.Length ? sessionStart[d + 1] - (preMarket ? 30 : 0) : times.Count;
                var gapped = lastClose * (1 + 0.015 * Series.Normal(random));
                var reverts = random.NextDouble() < 0.5;
                for (var i = preMarket ? start - 30 : start; i < end; i++)
                {
                    if (i < start) { open[i] = close[i] = lastClose; continue; }
                    open[i] = i == start ? gapped : close[i - 1];
                    var pull = reverts ? 0.01 * (lastClose - open[i]) : 0;
                    close[i] = open[i] + pull + open[i] * 0.0008 * Series.Normal(random);
                }
                lastClose = close[end - 1];
            }
            builder.Add($"NASDAQ:M{s}", close, Series.Volume(random, times.Count, 50_000), open);
        }
        return builder.Build();
    }

    private static void AddStock(PanelBuilder builder, Random random, string symbol, double[] close)
    {
        var n = close.Length;
        var open = new double[n];
        var high = new double[n];
        var low = new double[n];
        var volume = Series.Volume(random, n);
        for (var i = 0; i < n; i++)
        {
            open[i] = i == 0 || !double.IsFinite(close[i - 1]) ? close[i] : close[i - 1] * (1 + 0.002 * Series.Normal(random));
            high[i] = Math.Max(open[i], close[i]) * (1 + Math.Abs(0.005 * Series.Normal(random)));
            low[i] = Math.Min(open[i], close[i]) * (1 - Math.Abs(0.005 * Series.Normal(random)));
            if (random.NextDouble() < 0.08) volume[i] *= 3.5;
        }
        builder.Add(symbol, close, volume, open, high, low);
    }
}
