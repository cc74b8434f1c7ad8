using ActorTrader.Domain.Instruments;
using ActorTrader.Trading.Sleeves.Pipeline;

namespace ActorTrader.Trading.Tests.Sleeves.Pipeline;

public sealed class VectorisedValidationBacktestTests
{
    private static readonly Symbol Asset = new("NYSE", "AAA");
    private static readonly DateTimeOffset[] Times = [.. Enumerable.Range(0, 6).Select(i => Streams.Start.AddDays(i))];
    private static readonly double[] Returns = [double.NaN, 0.01, -0.02, 0.03, 0.005, -0.01];

    private static SleeveValidationInput Input(double costBps) => new(
        "s", "run", Times, [Asset],
        [.. Times.Select((_, t) => new[] { t < Times.Length - 1 ? 1.0 : 0.0 })],
        [.. Returns.Select(r => new[] { r })],
        Returns.Skip(1).ToList(), costBps, 252);

    [Fact]
    public void Without_costs_the_backtest_reproduces_the_in_sample_stream()
    {
        var result = new VectorisedValidationBacktest().Run(Input(0));

        Assert.Equal(Returns.Skip(1), result.Returns.Skip(1), (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal(result.InSampleTotalReturn, result.Statistics.TotalReturn, 6);
    }

    [Fact]
    public void Costs_on_turnover_lower_the_backtests_return()
    {
        var free = new VectorisedValidationBacktest().Run(Input(0));
        var costly = new VectorisedValidationBacktest().Run(Input(50));

        // Buying in is one unit of turnover at 50 bps: about half a percent of the book.
        Assert.Equal((1 + free.Statistics.TotalReturn) * (1 - 0.005), 1 + costly.Statistics.TotalReturn, 4);
        Assert.True(costly.Statistics.Turnover > 0);
    }
}
