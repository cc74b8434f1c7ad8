using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;
using ActorTrader.Research.Evaluation;
using ActorTrader.Research.Fitness;
using ActorTrader.Research.Synthetic;
using ActorTrader.Strategies.Panel;

namespace ActorTrader.Research.Tests.Evaluation;

/// <summary>The bandit's regime label: the annualised volatility band of the pinned window's in-sample data.</summary>
public sealed class VolatilityRegimeTests
{
    [Fact]
    public void Flat_prices_are_the_low_volatility_regime()
    {
        var plateau = PlantedMarket.Plateau(seed: 1);

        Assert.Equal(0, VolatilityRegime.AnnualisedVolatility(plateau.Panel, plateau.Window, 252));
        Assert.Equal(VolatilityRegime.Low, VolatilityRegime.Of(plateau.Panel, plateau.Window, 252));
    }

    [Theory]
    [InlineData(0.005, VolatilityRegime.Low)]
    [InlineData(0.01, VolatilityRegime.Mid)]
    [InlineData(0.02, VolatilityRegime.High)]
    public void Daily_swings_map_to_their_band(double dailyMove, string regime)
    {
        var (panel, window) = Alternating(dailyMove);

        Assert.Equal(regime, VolatilityRegime.Of(panel, window, 252));
    }

    [Fact]
    public void Only_the_in_sample_bars_count()
    {
        var (calm, window) = Alternating(0.005, outOfSampleMove: 0.2);

        Assert.Equal(VolatilityRegime.Low, VolatilityRegime.Of(calm, window, 252));
    }

    // One symbol alternating up and down by the move (about move × √252 annualised), the last fifth of the dates out of sample.
    private static (BarPanel Panel, PinnedWindow Window) Alternating(double move, double? outOfSampleMove = null)
    {
        const int bars = 250;
        var times = Enumerable.Range(0, bars).Select(i => new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(i)).ToArray();
        var close = new double[bars];
        close[0] = 100;
        for (var t = 1; t < bars; t++)
        {
            var m = t >= 200 && outOfSampleMove is { } o ? o : move;
            close[t] = close[t - 1] * (t % 2 == 0 ? 1 + m : 1 - m);
        }
        var volume = Enumerable.Repeat(1e6, bars).ToArray();
        var panel = BarPanel.FromColumns(Timeframe.Day1, [new Symbol("NYSE", "ALT")], times, [close], [close], [close], [close], [volume]);
        return (panel, PinnedWindowFactory.Create(panel, 0.8));
    }
}
