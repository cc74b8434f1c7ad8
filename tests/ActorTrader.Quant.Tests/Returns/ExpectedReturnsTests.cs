using ActorTrader.Quant.Returns;
using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Quant.Tests.Returns;

/// <summary>Reference values from PyPortfolioOpt's expected_returns run on stock_prices_20.csv.</summary>
public sealed class ExpectedReturnsTests
{
    private static readonly Matrix<double> Returns = PriceReturns.Simple(StockPrices20.Prices());
    private static readonly int[] Picked = [0, 5, 19]; // GOOG, GE, SBUX

    [Fact]
    public void Mean_historical_return_matches_PyPortfolioOpt_compounded()
    {
        var mu = ExpectedReturns.MeanHistorical(Returns);

        Near.Equal(new[] { 0.24796713948356097, 0.13600933058384146, 0.23181535843043433 }, Picked.Select(i => mu[i]).ToArray(), 10);
    }

    [Fact]
    public void Arithmetic_mean_matches_PyPortfolioOpt_without_compounding()
    {
        var mu = ExpectedReturns.Arithmetic(Returns);

        Near.Equal(new[] { 0.2677028381241279, 0.16888703605849742, 0.28474972617148697 }, Picked.Select(i => mu[i]).ToArray(), 10);
    }

    [Fact]
    public void Ema_return_matches_PyPortfolioOpt_with_span_500()
    {
        var mu = ExpectedReturns.Ema(Returns);

        Near.Equal(new[] { 0.1773172849394702, -0.3944689753059283, 0.10261334402459177 }, Picked.Select(i => mu[i]).ToArray(), 10);
    }

    [Fact]
    public void Compounded_mean_is_the_geometric_rate_per_year()
    {
        var returns = Matrix<double>.Build.DenseOfColumnArrays(new[] { 0.1, -0.1 });

        var mu = ExpectedReturns.MeanHistorical(returns, periodsPerYear: 2);

        Assert.Equal(1.1 * 0.9 - 1, mu[0], 12);
    }

    [Fact]
    public void Crypto_annualisation_uses_365_periods()
    {
        var returns = Matrix<double>.Build.DenseOfColumnArrays(new[] { 0.001, 0.003 });

        var mu = ExpectedReturns.Arithmetic(returns, PeriodsPerYear.CalendarDays);

        Assert.Equal(0.002 * 365, mu[0], 12);
    }

    [Fact]
    public void Asset_without_any_return_is_reported_by_column()
    {
        var returns = Matrix<double>.Build.DenseOfColumnArrays(new[] { 0.1, 0.2 }, new[] { double.NaN, double.NaN });

        var error = Assert.Throws<ArgumentException>(() => ExpectedReturns.MeanHistorical(returns));

        Assert.Contains("Column 1", error.Message, StringComparison.Ordinal);
    }
}
