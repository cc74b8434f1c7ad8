using ActorTrader.Quant.Metrics;
using MathNet.Numerics.LinearAlgebra;

namespace ActorTrader.Quant.Statistics;

/// <summary>Quadratic fit r_asset = α + β·r_market + γ·r_market² + ε by ordinary least squares.</summary>
/// <param name="Alpha">Intercept per period.</param>
/// <param name="Beta">Linear sensitivity to the market.</param>
/// <param name="Convexity">γ: positive = gains from large market moves either way (antifragile), negative = hurt by them (fragile).</param>
/// <param name="RSquared">Share of the asset's variance explained by the quadratic.</param>
/// <param name="Observations">Periods used (pairs with a NaN are dropped).</param>
public sealed record ConvexityFit(double Alpha, double Beta, double Convexity, double RSquared, int Observations);

/// <summary>Means of the two tails of a return distribution.</summary>
/// <param name="UpsideTailMean">Mean of returns at or above the (1 − tail) quantile.</param>
/// <param name="DownsideTailMean">Mean of returns at or below the tail quantile (usually negative).</param>
/// <param name="Ratio">UpsideTailMean / |DownsideTailMean|: above 1 the big gains outweigh the big losses (antifragile), below 1 fragile; NaN when the downside mean is 0.</param>
public sealed record TailAsymmetry(double UpsideTailMean, double DownsideTailMean, double Ratio);

/// <summary>Both antifragility scores of one asset against its market.</summary>
public sealed record AntifragilityScores(ConvexityFit Convexity, TailAsymmetry Tails);

/// <summary>
/// Antifragility/fragility scores in Taleb's sense: how an asset responds to large moves. Convexity is the quadratic coefficient
/// of the asset's returns regressed on the market's; tail asymmetry compares the mean of its upside and downside tails.
/// </summary>
public static class Antifragility
{
    /// <summary>Computes both scores; <paramref name="tail"/> is the tail fraction for the asymmetry (default 5%).</summary>
    public static AntifragilityScores Assess(ReadOnlySpan<double> assetReturns, ReadOnlySpan<double> marketReturns, double tail = 0.05) =>
        new(Convexity(assetReturns, marketReturns), Tails(assetReturns, tail));

    /// <summary>OLS of the asset on [1, r_m, r_m²] (QR decomposition); needs four common periods and a market that varies.</summary>
    public static ConvexityFit Convexity(ReadOnlySpan<double> assetReturns, ReadOnlySpan<double> marketReturns)
    {
        var (y, x) = SeriesGuard.PresentPairs(assetReturns, marketReturns, nameof(assetReturns), nameof(marketReturns), 4);
        var design = Matrix<double>.Build.Dense(y.Length, 3, (i, j) => j == 0 ? 1 : j == 1 ? x[i] : x[i] * x[i]);
        var qr = design.QR();
        if (Math.Abs(qr.R.Diagonal().AbsoluteMinimum()) < 1e-12 * Math.Max(1, qr.R.Diagonal().AbsoluteMaximum()))
            throw new ArgumentException("marketReturns takes fewer than three distinct values over the common periods; the quadratic is not identified.", nameof(marketReturns));
        var target = Vector<double>.Build.DenseOfArray(y);
        var coefficients = qr.Solve(target);
        var residual = target - design * coefficients;
        var mean = SeriesGuard.Mean(y);
        var total = 0.0;
        foreach (var v in y) total += (v - mean) * (v - mean);
        var rSquared = total == 0 ? double.NaN : 1 - residual.DotProduct(residual) / total;
        return new ConvexityFit(coefficients[0], coefficients[1], coefficients[2], rSquared, y.Length);
    }

    /// <summary>Upside vs downside tail means at the <paramref name="tail"/> quantiles (type-7 interpolation); NaN = missing.</summary>
    public static TailAsymmetry Tails(ReadOnlySpan<double> returns, double tail = 0.05)
    {
        if (!(tail > 0 && tail < 0.5)) throw new ArgumentOutOfRangeException(nameof(tail), tail, "tail must be in (0, 0.5), e.g. 0.05.");
        var sorted = SeriesGuard.Sorted(SeriesGuard.PresentAtLeast(returns, 2, nameof(returns)));
        var low = SeriesGuard.QuantileSorted(sorted, tail);
        var high = SeriesGuard.QuantileSorted(sorted, 1 - tail);
        double up = 0, down = 0;
        int nUp = 0, nDown = 0;
        foreach (var v in sorted)
        {
            if (v <= low) { down += v; nDown++; }
            if (v >= high) { up += v; nUp++; }
        }
        var upMean = up / nUp;
        var downMean = down / nDown;
        return new TailAsymmetry(upMean, downMean, downMean == 0 ? double.NaN : upMean / Math.Abs(downMean));
    }
}
