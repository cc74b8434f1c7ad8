using System.Globalization;
using ActorTrader.Quant.Estimators;
using ActorTrader.Quant.Portfolio;
using ActorTrader.Quant.Returns;
using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Cli.Optimize;

/// <summary>
/// The logic of <c>actortrader optimize</c>: prices → simple returns (NaN before listing, never filled) →
/// annualised expected returns and covariance (repaired to PSD by eigenvalue clipping, as PyPortfolioOpt does) →
/// the chosen optimiser → weights with their expected return, volatility and Sharpe under the same estimates.
/// Scenario-based methods (HRP's clustering, CVaR/CDaR) see only the periods where every asset has a return.
/// </summary>
public sealed class OptimizeRunner(OptimizerCatalog? catalog = null)
{
    private readonly OptimizerCatalog _catalog = catalog ?? OptimizerCatalog.Default;

    /// <summary>Reads prices from <paramref name="csv"/>, optimises and writes the result to <paramref name="output"/>.</summary>
    public void Run(TextReader csv, string fileName, OptimizeOptions options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var prices = WidePriceCsv.Read(csv, fileName);
        var optimizer = _catalog.TryGet(options.Method, out var found)
            ? found
            : throw new OptimizeInputException($"--method \"{options.Method}\" is unknown; known methods: {string.Join(", ", _catalog.Names)}.");
        var problem = Problem(prices, options, fileName);
        var weights = optimizer.Optimize(problem);
        var performance = PortfolioPerformance.Of(weights.Weights, problem.ExpectedReturns, problem.Covariance, options.RiskFree);
        if (options.Json) WriteJson(output, weights, performance);
        else WriteTable(output, weights, performance, options);
    }

    /// <summary>The annualised problem the optimiser sees.</summary>
    public static PortfolioProblem Problem(WidePrices prices, OptimizeOptions options, string fileName)
    {
        ArgumentNullException.ThrowIfNull(prices);
        ArgumentNullException.ThrowIfNull(options);
        var returns = PriceReturns.Simple(prices.Prices);
        if (options.Last is { } last)
        {
            if (last < 2) throw new OptimizeInputException($"--last {last}: at least 2 returns are needed.");
            if (last < returns.RowCount) returns = returns.SubMatrix(returns.RowCount - last, last, 0, returns.ColumnCount);
        }
        for (var c = 0; c < prices.Tickers.Count; c++)
        {
            var observed = 0;
            for (var r = 0; r < returns.RowCount; r++) if (!double.IsNaN(returns[r, c])) observed++;
            if (observed < 2)
            {
                throw new OptimizeInputException($"{fileName}: ticker {prices.Tickers[c]} has {observed} return(s) in the window used; drop its column or use a longer window (--last).");
            }
        }
        var periods = options.PeriodsPerYear;
        var expected = options.ReturnsEstimator switch
        {
            "mean-historical" => ExpectedReturns.MeanHistorical(returns, periods),
            "arithmetic" => ExpectedReturns.Arithmetic(returns, periods),
            "ema" => ExpectedReturns.Ema(returns, periods),
            _ => throw new OptimizeInputException($"--returns \"{options.ReturnsEstimator}\" is unknown; use mean-historical, arithmetic or ema."),
        };
        var covariance = options.CovarianceEstimator switch
        {
            "sample" => SampleCovariance.Estimate(returns, periods),
            "ledoit-wolf" => LedoitWolf.ConstantVariance(returns, periods).Covariance,
            "exp" => ExponentialCovariance.Estimate(returns, periodsPerYear: periods),
            _ => throw new OptimizeInputException($"--cov \"{options.CovarianceEstimator}\" is unknown; use sample, ledoit-wolf or exp."),
        };
        covariance = NearestPositiveSemidefinite.Repair(covariance);
        var constraints = new PortfolioConstraints
        {
            LowerBound = options.Lower,
            UpperBound = options.Upper,
            RiskFreeRate = options.RiskFree,
            Target = options.Target,
        };
        return new PortfolioProblem(prices.Tickers, CompleteRows(returns), expected, covariance, constraints);
    }

    private static Matrix<double> CompleteRows(Matrix<double> returns)
    {
        var keep = Enumerable.Range(0, returns.RowCount).Where(r => returns.Row(r).All(v => !double.IsNaN(v))).ToArray();
        return Matrix<double>.Build.Dense(keep.Length, returns.ColumnCount, (r, c) => returns[keep[r], c]);
    }

    /// <summary>Exactly {"weights": {"TICKER": w, …}, "expected_return": r, "volatility": v, "sharpe": s}; NaN prints as null.</summary>
    public static void WriteJson(TextWriter output, PortfolioWeights weights, PortfolioPerformance performance)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentNullException.ThrowIfNull(performance);
        var pairs = weights.Assets.Select((a, i) => $"{System.Text.Json.JsonSerializer.Serialize(a)}: {Number(weights.Weights[i])}");
        output.WriteLine(
            $"{{\"weights\": {{{string.Join(", ", pairs)}}}, \"expected_return\": {Number(performance.ExpectedReturn)}, \"volatility\": {Number(performance.Volatility)}, \"sharpe\": {Number(performance.Sharpe)}}}");
    }

    private static void WriteTable(TextWriter output, PortfolioWeights weights, PortfolioPerformance performance, OptimizeOptions options)
    {
        var width = Math.Max(6, weights.Assets.Max(a => a.Length));
        output.WriteLine($"method {weights.Method}, returns {options.ReturnsEstimator}, covariance {options.CovarianceEstimator}, bounds [{Text(options.Lower)}, {Text(options.Upper)}]");
        foreach (var (asset, weight) in weights.Assets.Zip(weights.Weights))
        {
            output.WriteLine($"  {asset.PadRight(width)}  {weight.ToString("0.000000", CultureInfo.InvariantCulture),10}");
        }
        output.WriteLine($"expected return {Percent(performance.ExpectedReturn)}, volatility {Percent(performance.Volatility)}, Sharpe {performance.Sharpe.ToString("0.000", CultureInfo.InvariantCulture)} (annualised, risk-free {Percent(options.RiskFree)})");
    }

    private static string Number(double value) => double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "null";

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Percent(double value) => (value * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%";
}
