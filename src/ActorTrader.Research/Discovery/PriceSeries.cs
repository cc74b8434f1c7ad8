using ActorTrader.Quant.Indicators;

namespace ActorTrader.Research.Discovery;

/// <summary>
/// The closes of one instrument and the indicator series rules read from them, each computed once (from
/// <c>ActorTrader.Quant</c> where it has the indicator) and reused by every rule evaluated on this series. Every
/// indicator value at bar t uses closes 0..t only. Not thread-safe: one per evaluating thread.
/// </summary>
public sealed class PriceSeries
{
    private readonly double[] _closes;
    private readonly Dictionary<Indicator, double[]> _cache = [];

    /// <param name="closes">Finite, positive closes, oldest first.</param>
    public PriceSeries(ReadOnlySpan<double> closes)
    {
        for (var i = 0; i < closes.Length; i++)
        {
            if (!double.IsFinite(closes[i]) || closes[i] <= 0)
                throw new ArgumentException($"closes[{i}] is {closes[i]}; rules need finite positive closes — fill or drop missing bars first.", nameof(closes));
        }
        _closes = closes.ToArray();
    }

    public int Length => _closes.Length;

    /// <summary>The series of <paramref name="indicator"/>, NaN during its warm-up. The array is shared: do not modify it.</summary>
    public double[] Values(Indicator indicator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        if (_cache.TryGetValue(indicator, out var cached)) return cached;
        var values = Compute(indicator);
        _cache[indicator] = values;
        return values;
    }

    private double[] Compute(Indicator indicator)
    {
        var n = indicator.Window;
        switch (indicator.Kind)
        {
            case IndicatorKind.Close:
                return _closes;
            case IndicatorKind.Sma:
                return MovingAverage.Simple(_closes, n);
            case IndicatorKind.Ema:
                return MovingAverage.Exponential(_closes, n);
            case IndicatorKind.Rsi:
                return RelativeStrengthIndex.Compute(_closes, n);
            case IndicatorKind.Return:
            {
                var percent = PriceChange.RateOfChange(_closes, n);
                for (var i = 0; i < percent.Length; i++) percent[i] /= 100;
                return percent;
            }
            case IndicatorKind.Volatility:
                return ReturnVolatility(n);
            case IndicatorKind.ZScore:
                return RollingZScore.Compute(_closes, n);
            default:
                throw new ArgumentOutOfRangeException(nameof(indicator), indicator, "Unknown indicator kind.");
        }
    }

    /// <summary>Sample standard deviation of the one-bar simple returns ending at t (n returns need n + 1 closes).</summary>
    private double[] ReturnVolatility(int n)
    {
        var y = new double[_closes.Length];
        Array.Fill(y, double.NaN);
        for (var t = n; t < _closes.Length; t++)
        {
            var mean = 0.0;
            for (var i = t - n + 1; i <= t; i++) mean += _closes[i] / _closes[i - 1] - 1;
            mean /= n;
            var sum = 0.0;
            for (var i = t - n + 1; i <= t; i++)
            {
                var d = _closes[i] / _closes[i - 1] - 1 - mean;
                sum += d * d;
            }
            y[t] = Math.Sqrt(sum / (n - 1));
        }
        return y;
    }
}
