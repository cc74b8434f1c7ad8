using ActorTrader.Trading.Sleeves.Definition;
using ActorTrader.Trading.Sleeves.Pipeline;

namespace ActorTrader.Trading.Tests.Sleeves.Pipeline;

public sealed class StrictHealthTests
{
    private static readonly ReturnAxis Axis = Streams.Axis(100, "AAA", "BBB", "CCC", "DDD");

    [Fact]
    public void A_candidate_with_a_NaN_return_is_excluded_naming_it_and_the_date()
    {
        var raw = Streams.Noise(100, 1);
        raw[40] = double.NaN;
        var nan = Streams.Candidate("s", "AAA", CandidateDirection.Long, raw);
        var good = Streams.Candidate("s", "BBB", CandidateDirection.Long, Streams.Noise(100, 2));

        var result = StrictHealth.Apply([nan, good], Axis, new HealthSettings(10));

        Assert.Equal([good], result.Healthy);
        var excluded = Assert.Single(result.Excluded);
        Assert.Equal("s:NYSE:AAA:long", excluded.Id);
        Assert.Equal("health", excluded.Stage);
        Assert.Contains("NaN", excluded.Reason, StringComparison.Ordinal);
        Assert.Contains(Axis.Dates[40].ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), excluded.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_infinite_return_is_excluded_like_NaN()
    {
        var raw = Streams.Noise(100, 3);
        raw[5] = double.PositiveInfinity;

        var result = StrictHealth.Apply([Streams.Candidate("s", "AAA", CandidateDirection.Short, raw)], Axis, new HealthSettings(10));

        Assert.Empty(result.Healthy);
        Assert.Contains("Infinity", Assert.Single(result.Excluded).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_candidate_with_too_few_observations_after_warm_up_is_excluded()
    {
        var late = Streams.Candidate("s", "AAA", CandidateDirection.Long, Streams.Noise(100, 4), first: 95);

        var result = StrictHealth.Apply([late], Axis, new HealthSettings(10));

        Assert.Contains("too few observations: 5", Assert.Single(result.Excluded).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_candidate_that_never_traded_is_excluded_as_flat()
    {
        var flat = Streams.Candidate("s", "AAA", CandidateDirection.Long, new double[100]);

        var result = StrictHealth.Apply([flat], Axis, new HealthSettings(10));

        Assert.Contains("never traded", Assert.Single(result.Excluded).Reason, StringComparison.Ordinal);
        Assert.False(Assert.Single(result.Audit.Rows).Healthy);
    }

    [Fact]
    public void Healthy_candidates_keep_their_order()
    {
        var candidates = Enumerable.Range(0, 4).Select(i => Streams.Candidate("s", Axis.Symbols[i].Ticker, CandidateDirection.Long, Streams.Noise(100, 10 + i))).ToList();

        var result = StrictHealth.Apply(candidates, Axis, new HealthSettings(10));

        Assert.Equal(candidates, result.Healthy);
        Assert.Equal(4, result.Audit.Healthy);
    }
}
