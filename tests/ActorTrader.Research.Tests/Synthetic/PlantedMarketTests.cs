using ActorTrader.Research.Fitness;
using ActorTrader.Research.Genetics;
using ActorTrader.Research.Synthetic;
using ActorTrader.Research.Tests.Fitness;

namespace ActorTrader.Research.Tests.Synthetic;

public sealed class PlantedMarketTests
{
    private static readonly PlantedMarket Market = PlantedMarket.Create(seed: 1);

    // The whole range of the three genes that matter, coarsely, plus every gene swept alone around the optimum.
    private static IEnumerable<Genome> Grid()
    {
        foreach (var window in new[] { 5, 30, 80, 250 })
        foreach (var multiple in new[] { 1.0, 1.8, 2.5, 3.5, 5.5, 10.0 })
        foreach (var hold in new[] { 1, 5, 7, 9, 15, 60 })
            yield return Breakout.Genome(("breakout_window", window), ("volume_multiple", multiple), ("hold_bars", hold));
        var sweeps = new (string Name, double[] Values)[]
        {
            ("breakout_window", [5, 10, 15, 25, 40, 120]),
            ("volume_window", [5, 10, 40, 80, 120]),
            ("volume_multiple", [1, 1.5, 2, 2.2, 3, 5, 6]),
            ("hold_bars", [1, 2, 3, 4, 5, 6, 7, 9, 10, 12, 20, 40]),
            ("stop_atr", [0.5, 1, 3, 5]),
            ("atr_period", [5, 10, 30, 50]),
        };
        foreach (var (name, values) in sweeps)
        foreach (var value in values)
            yield return Breakout.Genome((name, value));
    }

    [Fact]
    public void The_planted_optimum_scores_a_real_fitness_on_the_markets_window()
    {
        var optimum = Market.Optimum;

        Assert.Null(optimum.Result.Reason);
        Assert.Same(Market.Window, optimum.Result.Window);
        Assert.True(optimum.Fitness > 1, $"fitness {optimum.Fitness}");
        Assert.Equal(PlantedMarket.PlantedParameters, optimum.Genome.Parameters);
        Assert.Equal(PlantedMarket.StrategyName, optimum.Genome.Strategy);
    }

    [Fact]
    public void No_parameter_set_of_the_grid_beats_the_planted_optimum()
    {
        var beaten = Grid().Select(g => (Genome: g, Fitness: Market.Evaluator.Evaluate(g).Fitness))
            .Where(x => x.Fitness > Market.Optimum.Fitness)
            .ToList();

        Assert.True(beaten.Count == 0, string.Join("; ", beaten.Select(b => $"{b.Genome.Key} = {b.Fitness}")));
    }

    [Fact]
    public void Few_parameter_sets_of_the_grid_come_within_five_percent_of_the_optimum()
    {
        var grid = Grid().ToList();

        var reaching = grid.Count(g => Market.Optimum.IsReachedBy(Market.Evaluator.Evaluate(g).Fitness));

        Assert.InRange(reaching, 1, grid.Count / 5);
    }

    [Fact]
    public void Holding_one_bar_less_or_one_bar_more_than_planted_misses_the_five_percent_band()
    {
        var shorter = Market.Evaluator.Evaluate(Breakout.Genome(("hold_bars", PlantedMarket.PlantedHoldBars - 1)));
        var longer = Market.Evaluator.Evaluate(Breakout.Genome(("hold_bars", PlantedMarket.PlantedHoldBars + 1)));

        Assert.False(Market.Optimum.IsReachedBy(shorter.Fitness), $"hold 7 scored {shorter.Fitness} against {Market.Optimum.Fitness}");
        Assert.False(Market.Optimum.IsReachedBy(longer.Fitness), $"hold 9 scored {longer.Fitness} against {Market.Optimum.Fitness}");
    }

    [Fact]
    public void Genomes_that_behave_like_the_optimum_tie_with_it()
    {
        var twin = Market.Evaluator.Evaluate(Breakout.Genome(("volume_multiple", 3), ("breakout_window", 10), ("atr_period", 20)));

        Assert.Equal(Market.Optimum.Fitness, twin.Fitness);
    }

    [Fact]
    public void The_optimum_is_reached_within_five_percent_and_not_below()
    {
        var f = Market.Optimum.Fitness;

        Assert.True(Market.Optimum.IsReachedBy(f));
        Assert.True(Market.Optimum.IsReachedBy(f * 0.951));
        Assert.True(Market.Optimum.IsReachedBy(f * 2));
        Assert.False(Market.Optimum.IsReachedBy(f * 0.949));
    }

    [Fact]
    public void On_the_plateau_every_genome_scores_the_same()
    {
        var plateau = PlantedMarket.Plateau(seed: 1);

        var fitness = Grid().Take(40).Select(g => plateau.Evaluator.Evaluate(g).Fitness).Distinct().ToList();

        Assert.True(plateau.IsPlateau);
        Assert.Equal([plateau.Optimum.Fitness], fitness);
    }

    [Fact]
    public void The_same_seed_builds_the_same_market()
    {
        var again = PlantedMarket.Create(seed: 1);

        Assert.Equal(Market.Window, again.Window);
        Bits.Identical(Market.Optimum.Result, again.Optimum.Result);
    }

    [Fact]
    public void Another_seed_builds_another_market_with_the_same_planted_optimum()
    {
        var other = PlantedMarket.Create(seed: 2);

        var shorter = other.Evaluator.Evaluate(Breakout.Genome(("hold_bars", PlantedMarket.PlantedHoldBars - 1)));

        Assert.NotEqual(Market.Window.DataFingerprint, other.Window.DataFingerprint);
        Assert.True(shorter.Fitness < other.Optimum.Fitness, $"hold 7 scored {shorter.Fitness} against {other.Optimum.Fitness}");
    }

    [Fact]
    public void Size_is_symbols_by_years_of_252_weekdays_with_two_thirds_in_sample()
    {
        var market = PlantedMarket.Create(seed: 3, symbols: 7, years: 2);

        Assert.Equal(7, market.Panel.SymbolCount);
        Assert.Equal(504, market.Panel.TimeCount);
        Assert.Equal(["SYNTH:P001", "SYNTH:P002", "SYNTH:P003", "SYNTH:P004", "SYNTH:P005", "SYNTH:P006", "SYNTH:P007"], market.Window.Symbols);
        Assert.Equal(DateOnly.FromDateTime(market.Panel.Times[335].UtcDateTime), market.Window.InSampleEnd);
        Assert.All(market.Panel.Times, t => Assert.True(t.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)));
    }

    [Fact]
    public void A_symbols_path_does_not_depend_on_how_many_symbols_are_asked_for()
    {
        var small = TestPanels.Columns(PlantedMarket.Create(seed: 4, symbols: 2).Panel);
        var large = TestPanels.Columns(PlantedMarket.Create(seed: 4, symbols: 6).Panel);

        Assert.Equal(small.Close[1], large.Close[1]);
        Assert.Equal(small.Volume[0], large.Volume[0]);
    }
}
