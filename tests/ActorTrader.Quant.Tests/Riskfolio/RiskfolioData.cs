using System.Globalization;
using ActorTrader.Quant.Tests.Fixtures;
using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Quant.Tests.Riskfolio;

/// <summary>
/// Riskfolio-Lib's test set-up (tests/test_portfolio.py): the 10 sorted tickers, the last 200 daily simple returns
/// (pct_change, dropna) of riskfolio_stock_prices.csv, and the expected weights per file and risk-measure column.
/// Shared by the mean-variance and the LP (MAD/CVaR/CDaR/MDD) optimiser tests. Parsing is deliberately independent
/// of the library's own return code so the fixture cannot inherit its bugs.
/// </summary>
public static class RiskfolioData
{
    /// <summary>Rows of returns Riskfolio keeps (<c>.iloc[-200:]</c>).</summary>
    public const int Observations = 200;

    /// <summary>Asset order of every matrix and weight vector here (Riskfolio sorts the tickers).</summary>
    public static IReadOnlyList<string> Assets { get; } =
        ["AMZN", "APA", "CMCSA", "CPB", "JCI", "JPM", "MMC", "MO", "TGT", "ZION"];

    /// <summary>Folder holding the copied CSV files, next to the test assembly.</summary>
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "TestData", "optimizer");

    /// <summary>The 200×10 matrix of daily simple returns (rows oldest first, columns in <see cref="Assets"/> order).</summary>
    public static Matrix<double> Returns()
    {
        var (tickers, all) = WidePriceFile.Read(Path.Combine(Folder, "riskfolio_stock_prices.csv"));
        var columns = Assets.Select(a => tickers.ToList().IndexOf(a)).ToArray();
        var first = all.RowCount - Observations;
        return Matrix<double>.Build.Dense(Observations, Assets.Count,
            (r, c) => all[first + r, columns[c]] / all[first + r - 1, columns[c]] - 1.0);
    }

    /// <summary>Historical (arithmetic) daily mean of <see cref="Returns"/>, as Riskfolio's <c>method_mu="hist"</c>.</summary>
    public static Vector<double> MeanReturns() => Returns().ColumnSums() / Observations;

    /// <summary>Sample covariance (ddof 1) of <see cref="Returns"/>, as Riskfolio's <c>method_cov="hist"</c>.</summary>
    public static Matrix<double> Covariance()
    {
        var returns = Returns();
        var mean = returns.ColumnSums() / Observations;
        var centred = Matrix<double>.Build.Dense(Observations, Assets.Count, (r, c) => returns[r, c] - mean[c]);
        return centred.TransposeThisAndMultiply(centred) / (Observations - 1);
    }

    /// <summary>
    /// Expected weights of one risk measure, in <see cref="Assets"/> order: <paramref name="file"/> is
    /// Classic_MinRisk, Classic_Sharpe or Classic_RP; <paramref name="column"/> is MV, MAD, CVaR, CDaR, MDD, ….
    /// </summary>
    public static double[] ExpectedWeights(string file, string column)
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, file + ".csv")).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        var index = Array.IndexOf(header, column);
        if (index < 1) throw new ArgumentException($"{file}.csv has no column \"{column}\" (columns: {string.Join(", ", header.Skip(1))}).", nameof(column));
        var byAsset = lines.Skip(1).Select(l => l.Split(','))
            .ToDictionary(cells => cells[0], cells => double.Parse(cells[index], CultureInfo.InvariantCulture));
        return Assets.Select(a => byAsset[a]).ToArray();
    }
}
