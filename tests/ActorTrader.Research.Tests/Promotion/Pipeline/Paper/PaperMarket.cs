using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Calendar;
using ActorTrader.Domain.Instruments;
using ActorTrader.Research.Evaluation;
using ActorTrader.Strategies;
using ActorTrader.Strategies.Catalog;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Parameters;
using ActorTrader.Strategies.Signals;

namespace ActorTrader.Research.Tests.Promotion.Pipeline.Paper;

/// <summary>
/// A small synthetic daily market for paper trials: three NYSE symbols with a bar on every weekday from 2025-12-01 to
/// 2026-02-27 — holidays included, as a careless vendor would send them — stamped at the start of the New York day, with
/// a steady drift and a wiggle so every day trades a little.
/// </summary>
internal static class PaperMarket
{
    public static readonly Symbol[] Symbols = [new("NYSE", "AAA"), new("NYSE", "BBB"), new("NYSE", "CCC")];

    public static readonly DateOnly First = new(2025, 12, 1);

    public static readonly DateOnly Last = new(2026, 2, 27);

    /// <summary>The bars from <see cref="First"/> to <paramref name="last"/>, without <paramref name="missing"/>; <paramref name="drift"/> per day.</summary>
    public static BarPanel Panel(DateOnly? last = null, double drift = 0.002, params DateOnly[] missing)
    {
        var dates = new List<DateOnly>();
        for (var d = First; d <= (last ?? Last); d = d.AddDays(1))
        {
            if (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || missing.Contains(d)) continue;
            dates.Add(d);
        }
        var times = dates.Select(d => MarketCalendars.Nyse.StartOfDayUtc(d)).ToArray();
        double[][] Make() => [.. Symbols.Select(_ => new double[dates.Count])];
        var (open, high, low, close, volume) = (Make(), Make(), Make(), Make(), Make());
        for (var s = 0; s < Symbols.Length; s++)
        {
            var basePrice = 50.0 + 25 * s;
            for (var t = 0; t < dates.Count; t++)
            {
                // The day number, not the bar index: leaving a bar out does not shift the prices of the others.
                var n = dates[t].DayNumber - First.DayNumber;
                close[s][t] = Math.Round(basePrice * Math.Pow(1 + drift, n) * (1 + 0.01 * Math.Sin(1.3 * n + s)), 4);
                open[s][t] = Math.Round(basePrice * Math.Pow(1 + drift, n - 1) * (1 + 0.01 * Math.Sin(1.3 * (n - 1) + s)) * (1 + 0.002 * Math.Cos(n + s)), 4);
                high[s][t] = Math.Max(open[s][t], close[s][t]) * 1.005;
                low[s][t] = Math.Min(open[s][t], close[s][t]) * 0.995;
                volume[s][t] = 1_000_000;
            }
        }
        return BarPanel.FromColumns(Timeframe.Day1, Symbols, times, open, high, low, close, volume);
    }

    public static StrategyCatalog Catalog { get; } = new([new LongBasket()]);
}

/// <summary>A research data source whose bars a test can replace (data arriving late, a gap).</summary>
internal sealed class PanelSource(BarPanel panel) : IResearchDataSource
{
    private BarPanel _panel = panel;

    public string Description => "the test panel";

    public BarPanel Panel
    {
        get => Volatile.Read(ref _panel);
        set => Volatile.Write(ref _panel, value);
    }

    public Task<BarPanel> LoadAsync(IStrategy strategy, CancellationToken cancellationToken = default) => Task.FromResult(Panel);
}

/// <summary>Holds <c>exposure</c> of the book, split equally over every symbol with a price at the decision bar.</summary>
internal sealed class LongBasket : IStrategy
{
    public const string StrategyName = "paper_long_basket";

    public string Name => StrategyName;

    public string Description => "Test strategy: an equal-weight long basket.";

    public StrategyRequirements Requirements { get; } = new(Timeframe.Day1, MinimumHistory: 2);

    public ParameterSpace Parameters { get; } = new([ParameterRange.Real("exposure", 0.1, 1, 0.9, "Share of the book held.")]);

    public SignalSet Evaluate(PointInTimePanel panel, ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(parameters);
        var priced = Enumerable.Range(0, panel.SymbolCount).Where(s => double.IsFinite(panel.CloseAt(s, panel.Now))).ToList();
        return new SignalSet(panel.DecisionTime, priced.Select(s => new StrategySignal(panel.Symbols[s], parameters["exposure"] / priced.Count)));
    }
}
