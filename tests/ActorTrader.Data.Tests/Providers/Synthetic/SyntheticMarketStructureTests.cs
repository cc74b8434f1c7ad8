using System.Globalization;
using ActorTrader.Data.Providers.Synthetic;
using ActorTrader.Domain.Calendar;
using ActorTrader.Domain.Instruments;
using static ActorTrader.Data.Tests.Providers.Synthetic.SyntheticFixture;

namespace ActorTrader.Data.Tests.Providers.Synthetic;

public sealed class SyntheticMarketStructureTests
{
    private static readonly SyntheticMarketDataProvider Provider = new(42);
    private static readonly DateTimeOffset Start = Utc(2005, 1, 1);
    private static readonly DateTimeOffset End = Utc(2020, 1, 1);

    [Fact]
    public async Task Same_sector_symbols_are_clearly_more_correlated_than_cross_sector_ones()
    {
        var metadata = await Provider.GetSymbolsAsync(SyntheticMarketDataProvider.Universe(80).ToList());
        var bySector = metadata.GroupBy(m => m.Sector!).Where(g => g.Count() >= 2).Take(5).ToList();
        Assert.True(bySector.Count >= 4, "the universe should spread over several sectors");
        var returns = new Dictionary<Symbol, double[]>();
        double[] Returns(Symbol s) => returns.TryGetValue(s, out var r) ? r : returns[s] = LogReturns(Provider.Daily(s.ToString(), Start, End));

        var same = bySector.Select(g => Correlation(Returns(g.ElementAt(0).Symbol), Returns(g.ElementAt(1).Symbol))).ToList();
        var cross = bySector.Zip(bySector.Skip(1), (a, b) => Correlation(Returns(a.First().Symbol), Returns(b.First().Symbol))).ToList();

        // Factor model: same sector ≈ (β²σm² + σs²)/σ² ≈ 0.45, cross sector ≈ β²σm²/σ² ≈ 0.25.
        Assert.True(same.Average() > 0.25, $"same-sector correlations {string.Join(", ", same.Select(c => c.ToString("F2", CultureInfo.InvariantCulture)))}");
        Assert.True(cross.Average() > 0.05, $"cross-sector correlations {string.Join(", ", cross.Select(c => c.ToString("F2", CultureInfo.InvariantCulture)))}");
        Assert.True(same.Average() > cross.Average() + 0.08, $"same {same.Average():F2} vs cross {cross.Average():F2}");
    }

    [Fact]
    public void Annual_volatility_of_an_equity_is_in_a_realistic_range()
    {
        var returns = LogReturns(Provider.Daily("NYSE:KO", Start, End));
        var mean = returns.Average();
        var volatility = Math.Sqrt(returns.Sum(r => (r - mean) * (r - mean)) / (returns.Length - 1) * 252);

        Assert.InRange(volatility, 0.12, 0.6);
    }

    [Fact]
    public void Volume_is_higher_on_big_moves()
    {
        var bars = Provider.Daily("NYSE:KO", Start, End);
        var days = bars.Skip(1).Zip(LogReturns(bars), (bar, r) => (Move: Math.Abs(r), Volume: (double)bar.Volume)).OrderBy(d => d.Move).ToList();

        var quiet = days.Take(days.Count / 2).Average(d => d.Volume);
        var busy = days.Skip(days.Count * 9 / 10).Average(d => d.Volume);
        Assert.True(busy > 1.3 * quiet, $"volume on the 10% biggest moves {busy:F0} vs the quietest half {quiet:F0}");
    }

    [Fact]
    public void Stressed_regimes_are_rare_shared_spells_with_higher_volatility()
    {
        var timeline = Provider.Timeline;
        var stressedDays = Enumerable.Range(0, timeline.DayCount).Count(timeline.Regimes.IsStressed);
        Assert.InRange(stressedDays / (double)timeline.DayCount, 0.02, 0.3);

        var bars = Provider.Daily("NYSE:KO", Utc(1975, 1, 1), Utc(2024, 1, 1));
        var returns = LogReturns(bars);
        bool Stressed(int i) => timeline.Regimes.IsStressed(SyntheticTimeline.DayIndex(MarketCalendars.Nyse.LocalDate(bars[i + 1].Timestamp)));
        var calm = Enumerable.Range(0, returns.Length).Where(i => !Stressed(i)).Select(i => returns[i] * returns[i]).Average();
        var stress = Enumerable.Range(0, returns.Length).Where(Stressed).Select(i => returns[i] * returns[i]).Average();
        Assert.True(stress > 2 * calm, $"mean squared return stressed {stress:E2} vs calm {calm:E2}");
    }

    [Fact]
    public void Jumps_arrive_at_about_their_yearly_rate()
    {
        var timeline = Provider.Timeline;
        var cumulative = new double[timeline.DayCount];
        PoissonJumps.Accumulate(12345, new JumpParameters(2, 0, 0.05), timeline.DayCount, 0, timeline.DayCount - 1, cumulative);

        var jumpDays = Enumerable.Range(1, timeline.DayCount - 1).Count(d => cumulative[d] != cumulative[d - 1]);
        var years = timeline.DayCount / 365.2425;
        // Poisson(2 per year × 130 years = 260): ±5 standard deviations.
        Assert.InRange(jumpDays, 2 * years - (5 * Math.Sqrt(2 * years)), 2 * years + (5 * Math.Sqrt(2 * years)));
    }

    [Fact]
    public void The_bridged_walk_lands_exactly_on_each_block_anchor()
    {
        var schedule = Provider.Timeline.Nyse;
        const int Blocks = 40;
        var values = new double[Blocks * SyntheticTimeline.BlockDays];
        BridgedRandomWalk.Accumulate(777, schedule, 1.0, 0, values.Length - 1, values);

        for (var block = 1; block < Blocks; block++)
        {
            var lastDayOfPrevious = (block * SyntheticTimeline.BlockDays) - 1;
            Assert.Equal(BridgedRandomWalk.LevelAtBlockStart(777, schedule, block), values[lastDayOfPrevious], 9);
        }
    }

    [Fact]
    public void The_market_factor_is_shared_so_an_ETF_tracks_the_stocks()
    {
        var etf = LogReturns(Provider.Daily("ARCA:SPY", Start, End));
        var stock = LogReturns(Provider.Daily("NYSE:KO", Start, End));

        Assert.True(Correlation(etf, stock) > 0.3);
    }
}
