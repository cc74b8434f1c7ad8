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
    public void Weights_for_other_legs_are_refused()
    {
        var other = new PortfolioWeights("test", ["x", "y", "z"], [0.2, 0.3, 0.5]);

        Assert.Throws<ArgumentException>(() => SleevePortfolio.Of(Legs, other, 0, Axis));
    }
}
