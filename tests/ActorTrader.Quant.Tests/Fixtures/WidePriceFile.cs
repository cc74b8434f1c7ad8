using System.Globalization;
using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Quant.Tests.Fixtures;

/// <summary>
/// The tests' one reader of the copied wide price files (TestData/…): a date column, then one price column per
/// ticker, blank = not listed (NaN). Parsed independently of the library so fixtures cannot inherit its bugs.
/// </summary>
public static class WidePriceFile
{
    /// <summary>Full path of <paramref name="relative"/> under the TestData folder next to the test assembly.</summary>
    public static string PathOf(params string[] relative) => Path.Combine([AppContext.BaseDirectory, "TestData", .. relative]);

    /// <summary>The tickers (header minus the date column) and the prices, rows oldest first.</summary>
    public static (IReadOnlyList<string> Tickers, Matrix<double> Prices) Read(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        var tickers = lines[0].Split(',').Skip(1).ToArray();
        var rows = lines.Skip(1)
            .Select(l => l.Split(',').Skip(1).Select(c => c.Length == 0 ? double.NaN : double.Parse(c, CultureInfo.InvariantCulture)).ToArray())
            .ToArray();
        return (tickers, Matrix<double>.Build.Dense(rows.Length, tickers.Length, (r, c) => rows[r][c]));
    }
}
