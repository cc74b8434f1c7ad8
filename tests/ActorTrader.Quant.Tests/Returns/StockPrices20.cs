using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Quant.Tests.Returns;

/// <summary>PyPortfolioOpt's 20-stock price file (blank = not listed yet) as a price matrix with NaN for blanks.</summary>
public static class StockPrices20
{
    public static IReadOnlyList<string> Assets { get; } = Header().Skip(1).ToArray();

    public static int IndexOf(string ticker) => Assets.ToList().IndexOf(ticker);

    public static Matrix<double> Prices()
    {
        var rows = File.ReadAllLines(Path()).Skip(1).Where(l => l.Length > 0)
            .Select(l => l.Split(',').Skip(1).Select(c => c.Length == 0 ? double.NaN : double.Parse(c, CultureInfo.InvariantCulture)).ToArray())
            .ToArray();
        return Matrix<double>.Build.Dense(rows.Length, rows[0].Length, (r, c) => rows[r][c]);
    }

    private static string[] Header() => File.ReadLines(Path()).First().Split(',');

    private static string Path() => System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", "prices", "stock_prices_20.csv");
}
