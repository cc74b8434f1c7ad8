using ActorTrader.Trading.Sleeves.Definition;
using ActorTrader.Trading.Sleeves.Pipeline;

namespace ActorTrader.Trading.Tests.Sleeves.Pipeline;

public sealed class NaturalSelectionTests
{
    // Three candidates of known quality: a steady winner, a noisy mild winner, a loser.
    private static readonly CandidateStream Strong = Streams.Candidate("s", "AAA", CandidateDirection.Long, Streams.Noise(250, 1, mean: 0.004, spread: 0.01));
    private static readonly CandidateStream Mild = Streams.Candidate("s", "BBB", CandidateDirection.Long, Streams.Noise(250, 2, mean: 0.002, spread: 0.03));
    private static readonly CandidateStream Weak = Streams.Candidate("s", "CCC", CandidateDirection.Long, Streams.Noise(250, 3, mean: -0.003, spread: 0.02));

    private static readonly SelectionLevel Strict = new(3.0, 0.10, 1, 0.5);
    private static readonly SelectionLevel Middle = new(0.0, 0.50, 1, 0.0);
    private static readonly SelectionLevel Loose = new(-100, 1.0, 0, 0.0);

    [Fact]
    public void Relaxation_stops_at_the_first_level_that_meets_the_minimum()
    {
        var result = NaturalSelection.Apply([Strong, Mild, Weak], new SelectionSettings(2, [Strict, Middle, Loose]), 252);

        Assert.Equal(1, result.Audit.LevelUsed);
        Assert.Equal(2, result.Audit.Levels.Count); // the loose level was never tried
        Assert.Equal([Strong, Mild], result.Selected);
        Assert.True(result.Audit.MinimumMet);
    }

    [Fact]
    public void Every_level_tried_is_audited_with_its_thresholds_counts_and_names()
    {
        var result = NaturalSelection.Apply([Strong, Mild, Weak], new SelectionSettings(2, [Strict, Middle, Loose]), 252);

        var first = result.Audit.Levels[0];
        Assert.Equal((0, 3.0, 0.10, 1, 0.5), (first.Level, first.MinSharpe, first.MaxDrawdown, first.MinTrades, first.MinHitRate));
        Assert.Equal(1, first.Passed);
        Assert.Equal([Strong.Id], first.PassedIds);
        Assert.False(first.MetMinimum);
        var second = result.Audit.Levels[1];
        Assert.Equal([Strong.Id, Mild.Id], second.PassedIds);
        Assert.True(second.MetMinimum);
    }

    [Fact]
    public void Level_zero_alone_is_used_when_it_already_meets_the_minimum()
    {
        var result = NaturalSelection.Apply([Strong, Mild, Weak], new SelectionSettings(1, [Strict, Middle, Loose]), 252);

        Assert.Equal(0, result.Audit.LevelUsed);
        Assert.Single(result.Audit.Levels);
    }

    [Fact]
    public void When_the_levels_run_out_the_loosest_levels_survivors_go_on_and_the_minimum_is_marked_unmet()
    {
        var result = NaturalSelection.Apply([Strong, Mild, Weak], new SelectionSettings(5, [Strict, Middle]), 252);

        Assert.Equal(1, result.Audit.LevelUsed);
        Assert.False(result.Audit.MinimumMet);
        Assert.Equal(2, result.Selected.Count);
        Assert.Equal(Weak.Id, Assert.Single(result.Excluded).Id);
    }

    [Fact]
    public void No_survivor_at_any_level_gives_an_empty_selection()
    {
        var impossible = new SelectionLevel(50, 0.0, 1000, 1.0);

        var result = NaturalSelection.Apply([Strong, Mild, Weak], new SelectionSettings(1, [impossible, impossible]), 252);

        Assert.Empty(result.Selected);
        Assert.Equal(3, result.Excluded.Count);
        Assert.All(result.Audit.Levels, l => Assert.Equal(0, l.Passed));
    }

    [Fact]
    public void A_NaN_Sharpe_never_passes_a_Sharpe_threshold()
    {
        var metrics = new CandidateMetrics("s:NYSE:DDD:long", 250, 250, 5, double.NaN, 0.0, 1.0, 0.2);

        Assert.False(NaturalSelection.Passes(metrics, Loose));
        Assert.True(NaturalSelection.Passes(metrics with { Sharpe = -99 }, Loose));
    }

    [Fact]
    public void Short_candidates_are_judged_on_their_inverted_stream()
    {
        var falling = Streams.Noise(250, 9, mean: -0.004, spread: 0.01);
        var shortCandidate = Streams.Candidate("s", "AAA", CandidateDirection.Short, falling);

        var metrics = CandidateMetrics.Of(shortCandidate, 252);

        Assert.True(metrics.Sharpe > 3, $"Sharpe of the short leg over a falling asset was {metrics.Sharpe}.");
        Assert.True(metrics.HitRate > 0.5);
    }
}
