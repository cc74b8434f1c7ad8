using ActorTrader.Quant.Forecasting.Baseline;
using ActorTrader.Quant.Forecasting.Signals;
using ActorTrader.Quant.Statistics;

namespace ActorTrader.Backtest.Forecasting;

/// <summary>Scores a model's out-of-sample forecasts at one horizon and assigns its tier.</summary>
public static class ForecastScoring
{
    private const double TradingDaysPerYear = 252;

    /// <summary>Metrics, tests against the naive random walk and the tier of <paramref name="forecasts"/>.</summary>
    public static ModelValidation Score(string model, string version, int horizon, IReadOnlyList<OutOfSampleForecast> forecasts,
        int failedFits, IReadOnlyList<string> failures, double? ljungBoxRejected, double? jarqueBeraRejected, TierThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(forecasts);
        ArgumentNullException.ThrowIfNull(thresholds);
        var notes = new List<string>();
        var n = forecasts.Count;
        double? mae = null, rmse = null, smape = null, naiveMae = null, naiveRmse = null, hitRate = null;
        double? profitFactor = null, maxDrawdown = null, sharpe = null;
        TestSummary? dm = null, pairedT = null;
        if (n > 0)
        {
            mae = forecasts.Average(f => Math.Abs(f.Error));
            rmse = Math.Sqrt(forecasts.Average(f => f.Error * f.Error));
            naiveMae = forecasts.Average(f => Math.Abs(f.NaiveError));
            naiveRmse = Math.Sqrt(forecasts.Average(f => f.NaiveError * f.NaiveError));
            smape = 100 * forecasts.Average(SymmetricPercentageError);
            var directional = forecasts.Where(f => Position(f) != 0).ToArray();
            if (directional.Length > 0) hitRate = directional.Count(f => Math.Sign(f.Actual) == Position(f)) / (double)directional.Length;

            var byDate = forecasts.GroupBy(f => f.Origin).OrderBy(g => g.Key).ToArray();
            var signalReturns = byDate.Select(g => g.Average(f => Position(f) * (Math.Exp(f.Actual) - 1))).ToArray();
            (profitFactor, maxDrawdown, sharpe) = SignalPerformance(signalReturns, horizon);

            // Origins of one symbol are h bars apart, so forecast errors do not overlap: the loss differential is tested at
            // lag 1, averaged across symbols per origin date so that one date's common shock counts once.
            var lossDifferential = byDate.Select(g => g.Average(f => f.Error * f.Error - f.NaiveError * f.NaiveError)).ToArray();
            try
            {
                dm = TestSummary.From(DieboldMariano.FromLossDifferential(lossDifferential, 1, Alternative.Less));
            }
            catch (ArgumentException e)
            {
                notes.Add($"Diebold-Mariano not computed: {e.Message}");
            }
            try
            {
                var absolute = forecasts.Select(f => Math.Abs(f.Error)).ToArray();
                var naiveAbsolute = forecasts.Select(f => Math.Abs(f.NaiveError)).ToArray();
                pairedT = TestSummary.From(PairedTTest.Test(absolute, naiveAbsolute, Alternative.Less));
            }
            catch (ArgumentException e)
            {
                notes.Add($"paired t-test not computed: {e.Message}");
            }
        }

        var symbols = forecasts.Select(f => f.Symbol).Distinct(StringComparer.Ordinal).Count();
        var (tier, reasons) = model == NaiveModel.ModelName
            ? (ValidationTier.Red, (IReadOnlyList<string>)["the naive random walk is the baseline every model is tested against; it is never routed"])
            : Tier(n, dm, hitRate, sharpe, thresholds);
        return new ModelValidation(model, version, horizon, symbols, n, failedFits, failures, mae, rmse, smape, naiveMae, naiveRmse, hitRate,
            profitFactor, maxDrawdown, sharpe, dm, pairedT, ljungBoxRejected, jarqueBeraRejected, tier, [.. reasons, .. notes]);
    }

    /// <summary>GREEN when every green condition holds, YELLOW when every yellow one does, else RED; the reasons name what failed.</summary>
    public static (ValidationTier Tier, IReadOnlyList<string> Reasons) Tier(int forecasts, TestSummary? dm, double? hitRate, double? sharpe, TierThresholds t)
    {
        ArgumentNullException.ThrowIfNull(t);
        if (forecasts < t.MinimumForecasts)
            return (ValidationTier.Red, [$"only {forecasts} out-of-sample forecasts; at least {t.MinimumForecasts} are needed (validation.min-forecasts)"]);
        var green = Failed(dm, hitRate, sharpe, t.GreenMaxDmPValue, t.GreenMinHitRate, t.GreenMinSharpe);
        if (green.Count == 0) return (ValidationTier.Green, []);
        var yellow = Failed(dm, hitRate, sharpe, t.YellowMaxDmPValue, t.YellowMinHitRate, t.YellowMinSharpe);
        return yellow.Count == 0
            ? (ValidationTier.Yellow, green.Select(r => $"not GREEN: {r}").ToArray())
            : (ValidationTier.Red, yellow.Select(r => $"not YELLOW: {r}").ToArray());
    }

    private static List<string> Failed(TestSummary? dm, double? hitRate, double? sharpe, double maxP, double minHit, double minSharpe)
    {
        var failed = new List<string>();
        if (dm is null) failed.Add("no Diebold-Mariano test against the naive random walk");
        else if (!(dm.PValue < maxP)) failed.Add($"Diebold-Mariano p-value {Format(dm.PValue)} is not below {Format(maxP)} (not more accurate than the naive random walk)");
        if (hitRate is not { } hit) failed.Add("no directional forecasts, so no hit rate");
        else if (hit < minHit) failed.Add($"hit rate {Format(hit)} is below {Format(minHit)}");
        if (sharpe is not { } s) failed.Add("the signal's Sharpe ratio is undefined (no varying returns)");
        else if (s < minSharpe) failed.Add($"signal Sharpe {Format(s)} is below {Format(minSharpe)}");
        return failed;
    }

    /// <summary>Profit factor, maximum drawdown and annualised Sharpe of per-period signal returns over <paramref name="horizon"/> bars.</summary>
    public static (double? ProfitFactor, double? MaxDrawdown, double? Sharpe) SignalPerformance(IReadOnlyList<double> returns, int horizon)
    {
        ArgumentNullException.ThrowIfNull(returns);
        if (returns.Count == 0) return (null, null, null);
        var gain = returns.Where(r => r > 0).Sum();
        var loss = -returns.Where(r => r < 0).Sum();
        double? profitFactor = loss > 0 ? gain / loss : null;
        double equity = 1, peak = 1, drawdown = 0;
        foreach (var r in returns)
        {
            equity *= 1 + r;
            peak = Math.Max(peak, equity);
            drawdown = Math.Max(drawdown, 1 - equity / peak);
        }
        double? sharpe = null;
        if (returns.Count >= 2)
        {
            var mean = returns.Average();
            var sd = Math.Sqrt(returns.Sum(r => (r - mean) * (r - mean)) / (returns.Count - 1));
            if (sd > 0) sharpe = mean / sd * Math.Sqrt(TradingDaysPerYear / horizon);
        }
        return (profitFactor, drawdown, sharpe);
    }

    // Long (+1) when the forecast is up beyond the dead band, short (−1) when down, else flat: what a routed signal would do.
    private static int Position(OutOfSampleForecast f) =>
        Math.Abs(f.Predicted) < SignalNormalizer.DefaultDeadBand ? 0 : Math.Sign(f.Predicted);

    private static double SymmetricPercentageError(OutOfSampleForecast f)
    {
        var predicted = Math.Exp(f.LastLogPrice + f.Predicted);
        var actual = Math.Exp(f.LastLogPrice + f.Actual);
        return 2 * Math.Abs(predicted - actual) / (predicted + actual);
    }

    private static string Format(double value) => value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);
}
