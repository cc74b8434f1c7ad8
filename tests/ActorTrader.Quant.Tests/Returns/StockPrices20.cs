using ActorTrader.Quant.Tests.Fixtures;
using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Quant.Tests.Returns;

/// <summary>PyPortfolioOpt's 20-stock price file (blank = not listed yet) as a price matrix with NaN for blanks.</summary>
public static class StockPrices20
{
    private static readonly string File = WidePriceFile.PathOf("prices", "stock_prices_20.csv");

    public static IReadOnlyList<string> Assets { get; } = WidePriceFile.Read(File).Tickers;

    public static int IndexOf(string ticker) => Assets.ToList().IndexOf(ticker);

    public static Matrix<double> Prices() => WidePriceFile.Read(File).Prices;
}
