using ActorTrader.Quant.Returns;
using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Quant.Estimators;

/// <summary>
/// Ledoit-Wolf shrinkage of the sample covariance toward a structured target, with PyPortfolioOpt's
/// <c>CovarianceShrinkage.ledoit_wolf</c> semantics: rows with no return at all are dropped, other missing returns
/// count as 0, the raw (per-period) estimate is annualised by <c>periodsPerYear</c>.
/// <list type="bullet">
/// <item><see cref="ConstantVariance"/>: target μI (sklearn <c>LedoitWolf</c>, biased 1/T sample covariance).</item>
/// <item><see cref="SingleFactor"/>: Sharpe single-index target, market = equal-weighted mean (Ledoit-Wolf 2001).</item>
/// <item><see cref="ConstantCorrelation"/>: constant-correlation target (Ledoit-Wolf 2003).</item>
/// </list>
/// </summary>
public static class LedoitWolf
{
    /// <summary>Shrinkage toward the average variance times the identity (sklearn's <c>ledoit_wolf</c>).</summary>
    public static ShrunkCovariance ConstantVariance(Matrix<double> returns, double periodsPerYear = PeriodsPerYear.TradingDays)
    {
        var x = Centred(Prepare(returns, periodsPerYear), out _);
        var t = x.RowCount;
        var n = x.ColumnCount;
        var empirical = x.TransposeThisAndMultiply(x) / t;
        var mu = empirical.Trace() / n;
        var squares = x.PointwisePower(2);
        // sklearn: beta_ = Σ (X²ᵀX²), delta_ = Σ (XᵀX)² / T².
        var betaSum = squares.TransposeThisAndMultiply(squares).Enumerate().Sum();
        var deltaSum = empirical.Enumerate().Sum(v => v * v);
        var beta = 1.0 / (n * t) * (betaSum / t - deltaSum);
        var delta = (deltaSum - 2 * mu * empirical.Trace() + n * mu * mu) / n;
        beta = Math.Min(beta, delta);
        var shrinkage = beta <= 0 || !(delta > 0) ? 0 : Math.Min(1.0, beta / delta);
        var shrunk = empirical * (1 - shrinkage);
        for (var i = 0; i < n; i++) shrunk[i, i] += shrinkage * mu;
        return new ShrunkCovariance(shrunk * periodsPerYear, shrinkage);
    }

    /// <summary>Shrinkage toward the single-index (equal-weighted market) covariance.</summary>
    public static ShrunkCovariance SingleFactor(Matrix<double> returns, double periodsPerYear = PeriodsPerYear.TradingDays)
    {
        var xm = Centred(Prepare(returns, periodsPerYear), out _);
        var t = xm.RowCount;
        var n = xm.ColumnCount;
        var market = xm.RowSums() / n;
        var sample = xm.TransposeThisAndMultiply(xm) / t;
        var betas = xm.TransposeThisAndMultiply(market) / t;
        var varMarket = market.DotProduct(market) / t;
        var target = betas.OuterProduct(betas) / varMarket;
        for (var i = 0; i < n; i++) target[i, i] = sample[i, i];

        var c = (sample - target).FrobeniusNorm();
        c *= c;
        var y = xm.PointwisePower(2);
        var p = y.TransposeThisAndMultiply(y).Enumerate().Sum() / t - sample.Enumerate().Sum(v => v * v);
        var rDiag = y.Enumerate().Sum(v => v * v) / t - sample.Diagonal().Sum(v => v * v);
        var z = Matrix<double>.Build.Dense(t, n, (r, col) => xm[r, col] * market[r]);
        var v1 = y.TransposeThisAndMultiply(z) / t;
        var v3 = z.TransposeThisAndMultiply(z) / t;
        double rOff1 = 0, rOff3 = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var v1ij = v1[i, j] - betas[i] * sample[i, j];
                var v3ij = v3[i, j] - varMarket * sample[i, j];
                if (i == j) continue;
                rOff1 += v1ij * betas[j];
                rOff3 += v3ij * betas[i] * betas[j];
            }
        }
        var r = rDiag + 2 * rOff1 / varMarket - rOff3 / (varMarket * varMarket);
        // A target equal to the sample (c = 0) leaves nothing to shrink; dividing would give NaN weights downstream.
        var shrinkage = c > 0 ? Math.Clamp((p - r) / c / t, 0.0, 1.0) : 0.0;
        return new ShrunkCovariance((target * shrinkage + sample * (1 - shrinkage)) * periodsPerYear, shrinkage);
    }

    /// <summary>Shrinkage toward the matrix with the sample variances and the average sample correlation.</summary>
    public static ShrunkCovariance ConstantCorrelation(Matrix<double> returns, double periodsPerYear = PeriodsPerYear.TradingDays)
    {
        var prepared = Prepare(returns, periodsPerYear);
        var xm = Centred(prepared.Map(v => double.IsNaN(v) ? 0 : v), out _);
        var t = xm.RowCount;
        var n = xm.ColumnCount;
        if (n < 2) throw new ArgumentException("Constant-correlation shrinkage needs at least 2 assets.", nameof(returns));
        // PyPortfolioOpt uses the pairwise-complete ddof-1 sample covariance here and the zero-filled returns below.
        var s = SampleCovariance.Estimate(prepared, 1.0);
        var std = s.Diagonal().Map(Math.Sqrt);
        var correlationSum = 0.0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++) correlationSum += s[i, j] / (std[i] * std[j]);
        }
        var rBar = (correlationSum - n) / (n * (n - 1));
        var target = Matrix<double>.Build.Dense(n, n, (i, j) => i == j ? s[i, i] : rBar * std[i] * std[j]);

        var y = xm.PointwisePower(2);
        var help = xm.TransposeThisAndMultiply(xm) / t;
        var yty = y.TransposeThisAndMultiply(y) / t;
        var cubes = xm.PointwisePower(3).TransposeThisAndMultiply(xm) / t;
        double piHat = 0, piDiag = 0, thetaSum = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var pi = yty[i, j] - 2 * help[i, j] * s[i, j] + s[i, j] * s[i, j];
                piHat += pi;
                if (i == j)
                {
                    piDiag += pi;
                    continue;
                }
                var theta = cubes[i, j] - help[i, i] * s[i, j] - help[i, j] * s[i, i] + s[i, i] * s[i, j];
                thetaSum += std[j] / std[i] * theta;
            }
        }
        var rhoHat = piDiag + rBar * thetaSum;
        var gamma = (s - target).FrobeniusNorm();
        gamma *= gamma;
        // With two assets (or equal correlations) the target is the sample itself (γ = 0): nothing to shrink, and no 0/0.
        var shrinkage = gamma > 0 ? Math.Clamp((piHat - rhoHat) / gamma / t, 0.0, 1.0) : 0.0;
        return new ShrunkCovariance((target * shrinkage + s * (1 - shrinkage)) * periodsPerYear, shrinkage);
    }

    private static Matrix<double> Prepare(Matrix<double> returns, double periodsPerYear)
    {
        ReturnChecks.RequireFiniteOrMissing(returns, nameof(returns));
        PeriodsPerYear.Require(periodsPerYear);
        var keep = Enumerable.Range(0, returns.RowCount)
            .Where(r => returns.Row(r).Any(v => !double.IsNaN(v)))
            .ToArray();
        if (keep.Length < 2) throw new ArgumentException($"Shrinkage needs at least 2 periods with a return; got {keep.Length}.", nameof(returns));
        return Matrix<double>.Build.Dense(keep.Length, returns.ColumnCount, (r, c) => returns[keep[r], c]);
    }

    private static Matrix<double> Centred(Matrix<double> prepared, out Vector<double> means)
    {
        var x = prepared.Map(v => double.IsNaN(v) ? 0 : v);
        var computed = x.ColumnSums() / x.RowCount;
        means = computed;
        return Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount, (r, c) => x[r, c] - computed[c]);
    }
}
