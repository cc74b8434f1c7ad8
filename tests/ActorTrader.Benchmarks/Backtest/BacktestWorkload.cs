using ActorTrader.Backtest.Market;
using ActorTrader.Backtest.Rebalancing;
using ActorTrader.Backtest.Weights;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;
using ActorTrader.Strategies.Panel;

namespace ActorTrader.Benchmarks.Backtest;

/// <summary>
/// Seeded random-walk bars for N symbols × T weekday bars (daily moves of ±2%, opens 0.5% off the previous close,
/// volumes 10k–1M) and a long-only target book: a new random book (Σw = 0.95) on the first bar of each month, held in
/// between. Both the simulators and the plain-loop baselines read these same arrays.
/// </summary>
internal sealed class BacktestWorkload
{
    public BacktestWorkload(int symbols, int bars, int seed = 2520)
    {
        var random = new Random(seed);
        Symbols = symbols;
        Bars = bars;
        var names = Enumerable.Range(1, symbols).Select(i => new Symbol(Exchanges.Nyse, $"S{i:D4}")).ToArray();
        var times = new DateTimeOffset[bars];
        var day = new DateTimeOffset(2010, 1, 4, 5, 0, 0, TimeSpan.Zero);
        for (var t = 0; t < bars; t++)
        {
            while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(1);
            times[t] = day;
            day = day.AddDays(1);
        }
        var open = new double[symbols][];
        var close = new double[symbols][];
        var volume = new double[symbols][];
        for (var s = 0; s < symbols; s++)
        {
            (open[s], close[s], volume[s]) = (new double[bars], new double[bars], new double[bars]);
            var p = 20 + random.NextDouble() * 180;
            for (var t = 0; t < bars; t++)
            {
                open[s][t] = p * (1 + (random.NextDouble() - 0.5) * 0.01);
                p *= 1 + 0.0003 + (random.NextDouble() - 0.5) * 0.04;
                close[s][t] = p;
                volume[s][t] = random.Next(10_000, 1_000_000);
            }
        }
        Panel = BarPanel.FromColumns(Timeframe.Day1, names, times, open, close, close, close, volume);
        Returns = ReturnsMatrix.FromPanel(Panel);

        var targets = new double[bars * symbols];
        var monthly = RebalanceSchedule.Monthly.Mask(WeightsSchedule.FromValues(names, times, new double[bars * symbols]));
        var book = new double[symbols];
        for (var t = 0; t < bars; t++)
        {
            if (monthly[t])
            {
                var sum = 0.0;
                for (var s = 0; s < symbols; s++) sum += book[s] = random.NextDouble();
                for (var s = 0; s < symbols; s++) book[s] *= 0.95 / sum;
            }
            book.CopyTo(targets, t * symbols);
        }
        Weights = WeightsSchedule.FromValues(names, times, targets);
        Open = [.. open];
        Close = [.. close];
    }

    public int Symbols { get; }

    public int Bars { get; }

    public BarPanel Panel { get; }

    public ReturnsMatrix Returns { get; }

    public WeightsSchedule Weights { get; }

    /// <summary>The same opens and closes as the panel, [symbol][time], for the plain-loop baseline.</summary>
    public double[][] Open { get; }

    public double[][] Close { get; }

    public string Describe => $"{Symbols} symbols x {Bars} daily bars";
}
