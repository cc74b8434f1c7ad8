using ActorTrader.Domain.Instruments;
using ActorTrader.Quant.Portfolio;
using ActorTrader.Trading.Sleeves.Pipeline;

namespace ActorTrader.Trading.Tests.Sleeves.Pipeline;

public sealed class SleevePortfolioTests
{
    private static readonly ReturnAxis Axis = Streams.Axis(3, "AAA", "BBB");

    private static readonly SleeveLeg[] Legs =
    [
        new(Streams.Candidate("one", "AAA", CandidateDirection.Long, [0.01, 0.02, 0.03]), [0.01, 0.02, 0.03]),
        new(Streams.Candidate("one", "BBB", CandidateDirection.Short, [0.02, -0.01, 0.0]), [-0.02, 0.01, 0.0]),
        new(Streams.Candidate("two", "BBB", CandidateDirection.Long, [0.0, 0.04, 0.01]), [0.0, 0.04, 0.01]),
    ];

    private static readonly PortfolioWeights Weights = new("test", [.. Legs.Select(l => l.Id)], [0.5, 0.3, 0.2]);

    [Fact]
    public void Leg_weights_flatten_to_signed_asset_weights_with_short_legs_negative()
    {
        var portfolio = SleevePortfolio.Of(Legs, Weights, 0, Axis);

        Assert.Equal(0.5, portfolio.AssetWeights[new Symbol("NYSE", "AAA")], 12);
        Assert.Equal(-0.3 + 0.2, portfolio.AssetWeights[new Symbol("NYSE", "BBB")], 12);
    }

    [Fact]
    public void The_sleeve_return_is_the_weighted_sum_of_the_legs_over_the_window()
    {
        var portfolio = SleevePortfolio.Of(Legs, Weights, 1, Axis);

        Assert.Equal(Axis.Dates.Skip(1), portfolio.Dates);
        Assert.Equal(0.5 * 0.02 + 0.3 * 0.01 + 0.2 * 0.04, portfolio.Returns[0], 12);
        Assert.Equal(0.5 * 0.03 + 0.2 * 0.01, portfolio.Returns[1], 12);
    }

    [Fact]
    public void Target_weights_scale_each_leg_weight_by_todays_exposure_with_a_flat_leg_at_zero()
    {
        var axis = Streams.Axis(3, "AAA", "BBB", "CCC");
        SleeveLeg[] legs =
        [
            new(Streams.Candidate("mr", "AAA", CandidateDirection.Long, [0.01, 0.0, 0.02], currentExposure: 0), [0.01, 0.0, 0.02]),
            new(Streams.Candidate("mom", "BBB", CandidateDirection.Long, [0.02, 0.01, 0.0], currentExposure: 0.5), [0.02, 0.01, 0.0]),
            new(Streams.Candidate("trend", "CCC", CandidateDirection.Short, [0.01, -0.02, 0.01], currentExposure: 0.8), [-0.01, 0.02, -0.01]),
        ];
        var weights = new PortfolioWeights("test", [.. legs.Select(l => l.Id)], [0.5, 0.3, 0.2]);

        var portfolio = SleevePortfolio.Of(legs, weights, 0, axis);

        // Allocation ignores today's signals; the target is w × sign × exposure, and the flat leg's symbol is kept at 0.
        Assert.Equal(new[] { 0.5, 0.3, -0.2 }, portfolio.AssetWeights.Values);
        Assert.Equal(portfolio.AssetWeights.Keys, portfolio.TargetWeights.Keys);
        Assert.Equal(0.0, portfolio.TargetWeights[new Symbol("NYSE", "AAA")]);
        Assert.Equal(0.15, portfolio.TargetWeights[new Symbol("NYSE", "BBB")], 12);
        Assert.Equal(-0.16, portfolio.TargetWeights[new Symbol("NYSE", "CCC")], 12);
    }

    [Fact]
    public void Target_weights_of_a_long_and_a_short_leg_on_one_symbol_net_out()
    {
        SleeveLeg[] legs =
        [
            new(Streams.Candidate("one", "AAA", CandidateDirection.Long, [0.01, 0.02, 0.03], currentExposure: 1), [0.01, 0.02, 0.03]),
            new(Streams.Candidate("two", "AAA", CandidateDirection.Short, [0.02, -0.01, 0.01], currentExposure: 0.25), [-0.02, 0.01, -0.01]),
        ];
        var weights = new PortfolioWeights("test", [.. legs.Select(l => l.Id)], [0.6, 0.4]);

        var portfolio = SleevePortfolio.Of(legs, weights, 0, Streams.Axis(3, "AAA"));

        Assert.Equal(0.6 * 1 - 0.4 * 0.25, Assert.Single(portfolio.TargetWeights).Value, 12);
    }

    [Fact]
    public void Weights_for_other_legs_are_refused()
    {
        var other = new PortfolioWeights("test", ["x", "y", "z"], [0.2, 0.3, 0.5]);

        Assert.Throws<ArgumentException>(() => SleevePortfolio.Of(Legs, other, 0, Axis));
    }
}
