namespace ActorTrader.Quant.TimeSeries;

/// <summary>Lagged values, lagged simple returns and differences of a series; positions without enough history are NaN.</summary>
public static class Lags
{
    /// <summary>x[t - lag] at t.</summary>
    public static double[] Lag(IReadOnlyList<double> series, int lag)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfNegative(lag);
        var result = new double[series.Count];
        for (var t = 0; t < series.Count; t++) result[t] = t >= lag ? series[t - lag] : double.NaN;
        return result;
    }

    /// <summary>The simple return over <paramref name="horizon"/> bars ending <paramref name="lag"/> bars ago: x[t-lag] / x[t-lag-horizon] - 1.</summary>
    public static double[] LaggedReturn(IReadOnlyList<double> prices, int horizon, int lag = 0)
    {
        ArgumentNullException.ThrowIfNull(prices);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(lag);
        var result = new double[prices.Count];
        for (var t = 0; t < prices.Count; t++)
        {
            var end = t - lag;
            var start = end - horizon;
            result[t] = start >= 0 && prices[start] != 0 ? prices[end] / prices[start] - 1 : double.NaN;
        }
        return result;
    }

    /// <summary>The <paramref name="order"/>-th difference at seasonal period <paramref name="period"/> (1: ordinary differences): x[t] - x[t - period], applied <paramref name="order"/> times.</summary>
    public static double[] Difference(IReadOnlyList<double> series, int order = 1, int period = 1)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfLessThan(order, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 1);
        var current = series.ToArray();
        for (var k = 0; k < order; k++)
        {
            var next = new double[current.Length];
            for (var t = 0; t < current.Length; t++) next[t] = t >= period ? current[t] - current[t - period] : double.NaN;
            current = next;
        }
        return current;
    }
}
