using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Quant.Returns;

/// <summary>
/// Annualised expected-return estimators over a return matrix (rows = periods, columns = assets, NaN = missing),
/// with PyPortfolioOpt's semantics: each asset uses only its own observed periods.
/// </summary>
public static class ExpectedReturns
{
    /// <summary>Default span of <see cref="Ema"/> (PyPortfolioOpt <c>ema_historical_return</c>).</summary>
    public const double DefaultEmaSpan = 500;

    /// <summary>
    /// Mean historical return (PyPortfolioOpt <c>mean_historical_return</c>): with <paramref name="compounding"/>
    /// the geometric rate (CAGR) ∏(1+r)^(periodsPerYear/count) − 1, otherwise the arithmetic mean × periodsPerYear.
    /// </summary>
    public static Vector<double> MeanHistorical(Matrix<double> returns, double periodsPerYear = PeriodsPerYear.TradingDays, bool compounding = true)
    {
        if (!compounding) return Arithmetic(returns, periodsPerYear);
        ReturnChecks.RequireFiniteOrMissing(returns, nameof(returns));
        PeriodsPerYear.Require(periodsPerYear);
        var result = Vector<double>.Build.Dense(returns.ColumnCount);
        for (var c = 0; c < returns.ColumnCount; c++)
        {
            // Sum of log growth rather than a running product: 1000s of periods cannot overflow or underflow.
            var logGrowth = 0.0;
            var count = 0;
            for (var r = 0; r < returns.RowCount; r++)
            {
                var x = returns[r, c];
                if (double.IsNaN(x)) continue;
                if (x <= -1.0) return Fail(c, "a return of −100% or worse", nameof(returns));
                logGrowth += Math.Log(1.0 + x);
                count++;
            }
            if (count == 0) return Fail(c, "no observed return", nameof(returns));
            result[c] = Math.Exp(logGrowth * periodsPerYear / count) - 1.0;
        }
        return result;
    }

    /// <summary>Arithmetic mean of the observed returns × <paramref name="periodsPerYear"/>.</summary>
    public static Vector<double> Arithmetic(Matrix<double> returns, double periodsPerYear = PeriodsPerYear.TradingDays)
    {
        ReturnChecks.RequireFiniteOrMissing(returns, nameof(returns));
        PeriodsPerYear.Require(periodsPerYear);
        var result = Vector<double>.Build.Dense(returns.ColumnCount);
        for (var c = 0; c < returns.ColumnCount; c++)
        {
            var sum = 0.0;
            var count = 0;
            for (var r = 0; r < returns.RowCount; r++)
            {
                var x = returns[r, c];
                if (double.IsNaN(x)) continue;
                sum += x;
                count++;
            }
            if (count == 0) return Fail(c, "no observed return", nameof(returns));
            result[c] = sum / count * periodsPerYear;
        }
        return result;
    }

    /// <summary>
    /// Exponentially weighted mean return (PyPortfolioOpt <c>ema_historical_return</c>): the pandas
    /// <c>ewm(span).mean()</c> of the last period, compounded (1+m)^periodsPerYear − 1 or scaled m × periodsPerYear.
    /// </summary>
    public static Vector<double> Ema(Matrix<double> returns, double periodsPerYear = PeriodsPerYear.TradingDays, double span = DefaultEmaSpan, bool compounding = true)
    {
        ReturnChecks.RequireFiniteOrMissing(returns, nameof(returns));
        PeriodsPerYear.Require(periodsPerYear);
        var alpha = ExponentialWeighting.Alpha(span);
        var result = Vector<double>.Build.Dense(returns.ColumnCount);
        for (var c = 0; c < returns.ColumnCount; c++)
        {
            var column = c;
            var mean = ExponentialWeighting.LastMean(r => returns[r, column], returns.RowCount, alpha);
            if (double.IsNaN(mean)) return Fail(c, "no observed return", nameof(returns));
            result[c] = compounding ? Math.Pow(1.0 + mean, periodsPerYear) - 1.0 : mean * periodsPerYear;
        }
        return result;
    }

    private static Vector<double> Fail(int column, string what, string parameter) =>
        throw new ArgumentException($"Column {column} has {what}; drop the asset or give it a longer history.", parameter);
}
