using System.Text.Json;
using ActorTrader.Research.Novelty;

namespace ActorTrader.Research.Tests.Novelty;

public sealed class NoveltyArchiveTests
{
    private static double[] P(params double[] x) => x;

    [Fact]
    public void The_score_is_the_mean_distance_to_the_k_nearest()
    {
        var archive = new NoveltyArchive(k: 2);
        archive.Add(P(0, 0));
        archive.Add(P(3, 4));
        archive.Add(P(6, 8));

        // Distances from (0, 4): 4, 3, 7.2111 → the two nearest average (3 + 4) / 2.
        Assert.Equal(3.5, archive.Score(P(0, 4)), 12);
    }

    [Fact]
    public void The_current_population_counts_as_neighbours()
    {
        var archive = new NoveltyArchive(k: 1);
        archive.Add(P(10));
        archive.SetPopulation([P(1), P(2)]);

        Assert.Equal(0.5, archive.Score(P(1.5)), 12);
    }

    [Fact]
    public void Fewer_neighbours_than_k_are_averaged_as_they_are()
    {
        var archive = new NoveltyArchive(k: 20);
        archive.Add(P(1));
        archive.Add(P(3));

        Assert.Equal(2, archive.Score(P(0)), 12);
    }

    [Fact]
    public void Nothing_to_compare_with_scores_zero()
    {
        Assert.Equal(0, new NoveltyArchive().Score(P(1, 2, 3)));
    }

    [Fact]
    public void Population_members_are_not_their_own_neighbours()
    {
        var archive = new NoveltyArchive(k: 1);

        var scores = archive.ScorePopulation([P(0), P(1), P(5)]);

        Assert.Equal([1.0, 1.0, 4.0], scores);
    }

    [Fact]
    public void Failed_evaluations_with_empty_behaviour_score_zero_and_are_nobodys_neighbour()
    {
        var archive = new NoveltyArchive(k: 1);

        var scores = archive.ScorePopulation([P(0), P(), P(2)]);

        Assert.Equal([2.0, 0.0, 2.0], scores);
        Assert.False(archive.Add(P()));
    }

    [Fact]
    public void The_archive_never_holds_more_than_its_capacity()
    {
        var archive = new NoveltyArchive(k: 3, capacity: 10);

        for (var i = 0; i < 100; i++) archive.Add(P(i % 17, i % 5));

        Assert.Equal(10, archive.Count);
    }

    [Fact]
    public void When_full_a_more_novel_behaviour_replaces_the_least_novel_member()
    {
        var archive = new NoveltyArchive(k: 1, capacity: 3);
        archive.Add(P(0));
        archive.Add(P(1));
        archive.Add(P(10));

        Assert.True(archive.Add(P(20)));

        // (0) and (1) are equally least novel (distance 1); the earlier, (0), goes.
        Assert.Equal([P(20), P(1), P(10)], archive.Members);
    }

    [Fact]
    public void When_full_a_behaviour_no_more_novel_than_the_weakest_member_is_turned_away()
    {
        var archive = new NoveltyArchive(k: 1, capacity: 3);
        archive.Add(P(0));
        archive.Add(P(1));
        archive.Add(P(10));

        Assert.False(archive.Add(P(1.5)));
        Assert.Equal([P(0), P(1), P(10)], archive.Members);
    }

    [Fact]
    public void An_archive_restored_from_its_json_state_scores_and_replaces_identically()
    {
        var archive = new NoveltyArchive(k: 2, capacity: 5);
        foreach (var x in new[] { 0.0, 3, 7, 8, 20 }) archive.Add(P(x, x / 2));

        var json = JsonSerializer.Serialize(archive.State);
        var restored = NoveltyArchive.FromState(JsonSerializer.Deserialize<NoveltyArchiveState>(json)!);

        Assert.Equal(archive.Score(P(5, 1)), restored.Score(P(5, 1)));
        Assert.Equal(archive.Add(P(40, 1)), restored.Add(P(40, 1)));
        Assert.Equal(archive.Members, restored.Members);
    }

    [Fact]
    public void Behaviours_of_another_length_are_refused()
    {
        var archive = new NoveltyArchive();
        archive.Add(P(1, 2));

        var error = Assert.Throws<ArgumentException>(() => archive.Score(P(1, 2, 3)));

        Assert.Contains("has 3 values but the archive's behaviours have 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_finite_behaviour_values_are_refused_naming_the_index()
    {
        var error = Assert.Throws<ArgumentException>(() => new NoveltyArchive().Add(P(1, double.NaN)));

        Assert.Contains("Behaviour value 1 is NaN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_are_k_20_capacity_500_weight_0_3()
    {
        var archive = new NoveltyArchive();

        Assert.Equal((20, 500, 0.3), (archive.K, archive.Capacity, NoveltySettings.Default.Weight));
    }
}
