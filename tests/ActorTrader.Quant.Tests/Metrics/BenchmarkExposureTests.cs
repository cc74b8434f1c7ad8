using ActorTrader.Quant.Metrics;
using ActorTrader.Quant.Tests.Statistics;

namespace ActorTrader.Quant.Tests.Metrics;

public class BenchmarkExposureTests
{
    private static readonly double[] Benchmark = [0.01, -0.02, 0.03, 0.0, 0.015, -0.005];

    [Fact]
    public void Holding_the_benchmark_short_gives_beta_minus_one()
    {
        var exposure = Enumerable.Repeat(-1.0, Benchmark.Length).ToArray();
        Assert.Equal(-1, BenchmarkExposure.Beta(Benchmark, exposure, Benchmark), 12);
        Assert.Equal(-1, BenchmarkExposure.Correlation(Benchmark, exposure, Benchmark), 12);
    }

    [Fact]
    public void Half_exposure_halves_beta()
    {
        var exposure = Enumerable.Repeat(0.5, Benchmark.Length).ToArray();
        Assert.Equal(0.5, BenchmarkExposure.Beta(Benchmark, exposure, Benchmark), 12);
    }

    [Fact]
    public void Beta_uses_the_position_weighted_returns()
    {
        // p = e·r = [0.01, −0.02, −0.03, 0]; b̄ = 0.005, p̄ = −0.01; Σ(p − p̄)(b − b̄) = −0.0002, Σ(b − b̄)² = 0.0013 → −0.153846.
        double[] b = [0.01, -0.02, 0.03, 0.0];
        Assert.Equal(-0.0002 / 0.0013, BenchmarkExposure.Beta(b, [1, 1, -1, 0], b), 12);
    }

    [Fact]
    public void Beta_of_a_constant_exposure_equals_the_plain_beta_times_the_exposure()
    {
        var rng = new SeededNormal(21);
        var market = rng.Series(200, 0, 0.01);
        var asset = market.Select(m => 1.3 * m + rng.Next(0, 0.005)).ToArray();
        var exposure = Enumerable.Repeat(-0.7, 200).ToArray();
        Assert.Equal(-0.7 * BenchmarkExposure.Beta(asset, market), BenchmarkExposure.Beta(asset, exposure, market), 12);
    }

    [Fact]
    public void Mismatched_exposure_length_names_the_parameter()
    {
        var e = Assert.Throws<ArgumentException>(() => BenchmarkExposure.Beta(Benchmark, [1.0, 1.0], Benchmark));
        Assert.Equal("netExposure", e.ParamName);
    }
}
