using System.Text.Json;
using ActorTrader.Research.Evolution;

namespace ActorTrader.Research.Tests.Evolution;

public sealed class StagnationMonitorTests
{
    private static StagnationVerdict[] Observe(StagnationMonitor monitor, params double[] bests) =>
        [.. bests.Select((best, generation) => monitor.Observe(generation, best))];

    [Fact]
    public void Five_flat_generations_inject_diversity_and_ten_restart()
    {
        var verdicts = Observe(new StagnationMonitor(), Enumerable.Repeat(1.0, 11).ToArray());

        Assert.Equal(
            [StagnationVerdict.None, StagnationVerdict.None, StagnationVerdict.None, StagnationVerdict.None, StagnationVerdict.None,
             StagnationVerdict.InjectDiversity, StagnationVerdict.None, StagnationVerdict.None, StagnationVerdict.None, StagnationVerdict.None,
             StagnationVerdict.Restart],
            verdicts);
    }

    [Fact]
    public void After_a_restart_the_count_starts_again()
    {
        var monitor = new StagnationMonitor(k: 2);

        var verdicts = Observe(monitor, Enumerable.Repeat(1.0, 9).ToArray());

        Assert.Equal(
            [StagnationVerdict.None, StagnationVerdict.None, StagnationVerdict.InjectDiversity, StagnationVerdict.None, StagnationVerdict.Restart,
             StagnationVerdict.None, StagnationVerdict.InjectDiversity, StagnationVerdict.None, StagnationVerdict.Restart],
            verdicts);
    }

    [Fact]
    public void An_improvement_resets_the_count()
    {
        var verdicts = Observe(new StagnationMonitor(k: 3), 1, 1, 1, 2, 2, 2, 2);

        Assert.Equal(
            [StagnationVerdict.None, StagnationVerdict.None, StagnationVerdict.None, StagnationVerdict.None, StagnationVerdict.None,
             StagnationVerdict.None, StagnationVerdict.InjectDiversity],
            verdicts);
    }

    [Fact]
    public void A_rise_within_the_tolerance_is_not_an_improvement()
    {
        var verdicts = Observe(new StagnationMonitor(k: 2, tolerance: 0.01), 1.0, 1.005, 1.009);

        Assert.Equal(StagnationVerdict.InjectDiversity, verdicts[^1]);
    }

    [Fact]
    public void A_rise_beyond_the_tolerance_is_an_improvement()
    {
        var monitor = new StagnationMonitor(k: 2, tolerance: 0.01);

        Observe(monitor, 1.0, 1.02, 1.04);

        Assert.Equal(2, monitor.State.BestGeneration);
    }

    [Fact]
    public void A_worse_generation_counts_as_flat()
    {
        var verdicts = Observe(new StagnationMonitor(k: 2), 3, 1, 0);

        Assert.Equal(StagnationVerdict.InjectDiversity, verdicts[^1]);
    }

    [Fact]
    public void A_monitor_restored_from_its_journaled_state_continues_identically()
    {
        var bests = new double[] { 1, 1, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3 };
        var uninterrupted = new StagnationMonitor(k: 3);
        var expected = Observe(uninterrupted, bests);

        var first = new StagnationMonitor(k: 3);
        var before = bests.Take(7).Select((b, g) => first.Observe(g, b)).ToArray();
        var json = JsonSerializer.Serialize(first.State);
        var resumed = StagnationMonitor.FromState(JsonSerializer.Deserialize<StagnationState>(json)!, new StagnationSettings { Generations = 3 });
        var after = bests.Skip(7).Select((b, g) => resumed.Observe(g + 7, b)).ToArray();

        Assert.Equal(expected, before.Concat(after));
        Assert.Equal(uninterrupted.State, resumed.State);
    }

    [Fact]
    public void A_monitor_that_has_seen_nothing_round_trips_through_json()
    {
        var json = JsonSerializer.Serialize(new StagnationMonitor().State);
        var resumed = StagnationMonitor.FromState(JsonSerializer.Deserialize<StagnationState>(json)!, StagnationSettings.Default);

        Assert.Equal(StagnationVerdict.None, resumed.Observe(0, -3));
        Assert.Equal(StagnationState.Initial, new StagnationMonitor().State);
    }

    [Fact]
    public void A_skipped_generation_number_counts_as_flat()
    {
        var monitor = new StagnationMonitor(k: 5);
        monitor.Observe(0, 1);

        Assert.Equal(StagnationVerdict.InjectDiversity, monitor.Observe(5, 1));
    }

    [Fact]
    public void A_generation_observed_twice_is_refused()
    {
        var monitor = new StagnationMonitor();
        monitor.Observe(4, 1);

        var error = Assert.Throws<ArgumentException>(() => monitor.Observe(4, 1));

        Assert.Contains("Generation 4 was observed after generation 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nan_best_fitness_is_refused_naming_the_generation()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new StagnationMonitor().Observe(3, double.NaN));

        Assert.Contains("generation 3 is NaN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_state_is_refused()
    {
        var damaged = new StagnationState(LastGeneration: 3, BestFitness: 1, BestGeneration: 5, FlatSince: 5, Injected: false);

        Assert.Throws<ArgumentException>(() => StagnationMonitor.FromState(damaged, StagnationSettings.Default));
    }

    [Fact]
    public void The_default_k_is_five()
    {
        Assert.Equal(5, StagnationSettings.Default.Generations);
    }
}
