namespace ActorTrader.Backtest.Forecasting;

/// <summary>One symbol's daily history for forecasting: bar times (UTC) and natural-log closes, oldest first.</summary>
public sealed record ForecastSeries(string Symbol, IReadOnlyList<DateTime> Times, double[] LogPrices)
{
    /// <summary>From closes: every close must be a positive finite price.</summary>
    public static ForecastSeries FromCloses(string symbol, IReadOnlyList<DateTime> times, IReadOnlyList<decimal> closes)
    {
        if (times.Count != closes.Count) throw new ArgumentException($"{symbol}: {times.Count} bar times but {closes.Count} closes.", nameof(closes));
        var logs = new double[closes.Count];
        for (var i = 0; i < closes.Count; i++)
        {
            if (closes[i] <= 0) throw new ArgumentException($"{symbol}: the close on {times[i]:yyyy-MM-dd} is {closes[i]}; prices must be positive. Fix the bar or drop the symbol.", nameof(closes));
            logs[i] = Math.Log((double)closes[i]);
        }
        return new ForecastSeries(symbol, times, logs);
    }

    public int Length => LogPrices.Length;
}
