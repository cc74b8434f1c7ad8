using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;
using ActorTrader.Research.Fitness;
using ActorTrader.Research.Genetics;
using ActorTrader.Research.Randomness;
using ActorTrader.Strategies;
using ActorTrader.Strategies.Catalog;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Parameters;

namespace ActorTrader.Research.Synthetic;

/// <summary>
/// A seeded synthetic market with a planted profitable parameter region for <c>relative_volume_breakout</c>, for the
/// research acceptance tests and the research benchmark.
/// <para>
/// Every symbol is a quiet random walk with events (see <see cref="PlantedPrices"/>): true breakouts on exactly 6× volume
/// that rise for <see cref="PlantedHoldBars"/> bars and then give everything back, and fake breakouts on exactly 2×
/// volume that fail at once. A genome is rewarded only when its volume multiple lies above 2 and at most about 5 (true
/// breakouts, no fakes), it holds for exactly 8 bars (one bar less misses a rising bar, one more holds into the fall),
/// and its breakout window is short enough (up to about 25 bars) that the previous event's peak has left it. The planted
/// optimum is {breakout_window 20, volume_window 20, volume_multiple 4, hold_bars 8, stop_atr 2, atr_period 14}. Most
/// of the rest of the space loses (noise breakouts pay costs, fakes lose 4%) or never trades (scores worst).
/// </para>
/// <para>
/// <see cref="Plateau"/> is the flat variant: every price is 100, nothing ever breaks out, so every genome scores the
/// same (worst: no trades) and a population's best fitness cannot improve — stagnation must trigger.
/// </para>
/// <para>
/// Bars are weekdays from 2010-01-04 (00:00 UTC), 252 a year; symbols SYNTH:P001, SYNTH:P002, …; the pinned window puts
/// the first two thirds of the dates in-sample. The same seed and size give the same bars, window and fingerprint.
/// </para>
/// </summary>
public sealed class PlantedMarket
{
    /// <summary>Strategy whose parameters are planted.</summary>
    public const string StrategyName = "relative_volume_breakout";

    /// <summary>Bars a true breakout keeps rising: the planted <c>hold_bars</c>.</summary>
    public const int PlantedHoldBars = 8;

    /// <summary>Share of the dates in the pinned window's in-sample range.</summary>
    public const double InSampleFraction = 2.0 / 3;

    private const int BarsPerYear = 252;
    private static readonly DateTimeOffset FirstBar = new(2010, 1, 4, 0, 0, 0, TimeSpan.Zero);

    private PlantedMarket(ulong seed, bool isPlateau, BarPanel panel, PinnedWindow window, IStrategy strategy, FitnessSettings settings)
    {
        Seed = seed;
        IsPlateau = isPlateau;
        Panel = panel;
        Window = window;
        Strategy = strategy;
        Settings = settings;
        Evaluator = new WalkForwardFitnessEvaluator(strategy, panel, window, settings);
        var genome = Genome.Create(strategy.Name, PlantedParameters, strategy.Parameters);
        Optimum = new PlantedOptimum(genome, Evaluator.Evaluate(genome));
    }

    /// <summary>The planted optimum's parameters.</summary>
    public static ParameterSet PlantedParameters { get; } = new([
        KeyValuePair.Create("atr_period", 14.0),
        KeyValuePair.Create("breakout_window", 20.0),
        KeyValuePair.Create("hold_bars", (double)PlantedHoldBars),
        KeyValuePair.Create("stop_atr", 2.0),
        KeyValuePair.Create("volume_multiple", 4.0),
        KeyValuePair.Create("volume_window", 20.0),
    ]);

    public ulong Seed { get; }

    public bool IsPlateau { get; }

    public BarPanel Panel { get; }

    public PinnedWindow Window { get; }

    /// <summary><c>relative_volume_breakout</c> from <see cref="StrategyCatalog.Default"/>.</summary>
    public IStrategy Strategy { get; }

    public FitnessSettings Settings { get; }

    /// <summary>The evaluator on <see cref="Panel"/> and <see cref="Window"/> with <see cref="Settings"/> (thread-safe; share it).</summary>
    public WalkForwardFitnessEvaluator Evaluator { get; }

    /// <summary>The planted parameter set and its fitness; on a plateau, the same worst fitness every genome gets.</summary>
    public PlantedOptimum Optimum { get; }

    /// <summary>
    /// The planted market: <paramref name="symbols"/> symbols × <paramref name="years"/> × 252 bars. The tests use the
    /// default 5 × 3 years (a few ms per evaluation); the research benchmark asks for 100 symbols × 10 years.
    /// </summary>
    public static PlantedMarket Create(ulong seed = 1, int symbols = 5, int years = 3, FitnessSettings? settings = null) =>
        Build(seed, symbols, years, plateau: false, settings);

    /// <summary>The flat variant of the same size: every genome scores the same worst fitness.</summary>
    public static PlantedMarket Plateau(ulong seed = 1, int symbols = 5, int years = 3, FitnessSettings? settings = null) =>
        Build(seed, symbols, years, plateau: true, settings);

    private static PlantedMarket Build(ulong seed, int symbols, int years, bool plateau, FitnessSettings? settings)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(symbols, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(years, 2);
        var bars = years * BarsPerYear;
        var names = new Symbol[symbols];
        var (open, high, low, close, volume) = (new double[symbols][], new double[symbols][], new double[symbols][], new double[symbols][], new double[symbols][]);
        for (var s = 0; s < symbols; s++)
        {
            names[s] = new Symbol("SYNTH", $"P{s + 1:D3}");
            (open[s], high[s], low[s], close[s], volume[s]) = (new double[bars], new double[bars], new double[bars], new double[bars], new double[bars]);
            // One generator per symbol, so a symbol's path does not depend on how many symbols are asked for.
            var random = new ResearchRandom(seed ^ (0x9E3779B97F4A7C15UL * (ulong)(s + 1)));
            PlantedPrices.Generate(random, bars, plateau, open[s], high[s], low[s], close[s], volume[s]);
        }
        var panel = BarPanel.FromColumns(Timeframe.Day1, names, Weekdays(bars), open, high, low, close, volume);
        var window = PinnedWindowFactory.Create(panel, InSampleFraction);
        return new PlantedMarket(seed, plateau, panel, window, StrategyCatalog.Default.Get(StrategyName), settings ?? FitnessSettings.Default);
    }

    private static DateTimeOffset[] Weekdays(int count)
    {
        var times = new DateTimeOffset[count];
        var day = FirstBar;
        for (var i = 0; i < count; day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) continue;
            times[i++] = day;
        }
        return times;
    }
}
