using ActorTrader.Quant.Returns;
using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Quant.Tests.Returns;

public sealed class PriceReturnsTests
{
    private static Matrix<double> Column(params double[] prices) => Matrix<double>.Build.DenseOfColumnArrays(prices);

    [Fact]
    public void Simple_return_is_price_ratio_minus_one()
    {
        var returns = PriceReturns.Simple(Column(100, 110, 99));

        Near.Equal(new[] { 0.1, -0.1 }, returns.Column(0).ToArray(), 12);
    }

    [Fact]
    public void Log_return_is_log_of_price_ratio()
    {
        var returns = PriceReturns.Log(Column(100, 110));

        Assert.Equal(Math.Log(1.1), returns[0, 0], 14);
    }

    [Fact]
    public void Return_is_missing_when_either_price_is_missing()
    {
        var returns = PriceReturns.Simple(Column(double.NaN, 100, double.NaN, 120, 132));

        Assert.True(double.IsNaN(returns[0, 0]) && double.IsNaN(returns[1, 0]) && double.IsNaN(returns[2, 0]));
        Assert.Equal(0.1, returns[3, 0], 12);
    }

    [Fact]
    public void Fill_forward_bridges_a_gap_but_not_the_time_before_listing()
    {
        var returns = PriceReturns.Simple(Column(double.NaN, 100, double.NaN, 120), fillForward: true);

        Assert.True(double.IsNaN(returns[0, 0]));
        Assert.Equal(0.0, returns[1, 0], 12);
        Assert.Equal(0.2, returns[2, 0], 12);
    }

    [Fact]
    public void Non_positive_price_is_reported_with_its_row_and_column()
    {
        var prices = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 2.0 }, { 1.0, 0.0 } });

        var error = Assert.Throws<ArgumentException>(() => PriceReturns.Simple(prices));

        Assert.Contains("row 1, column 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Infinite_price_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => PriceReturns.Simple(Column(1, double.PositiveInfinity)));
    }

    [Fact]
    public void Returns_of_the_20_stock_file_have_one_row_fewer_than_prices()
    {
        var prices = StockPrices20.Prices();

        Assert.Equal(prices.RowCount - 1, PriceReturns.Simple(prices).RowCount);
    }
}
