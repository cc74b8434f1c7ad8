namespace ActorTrader.Quant.Indicators;

/// <summary>MACD line, signal and histogram, aligned to the input.</summary>
/// <param name="Line">EMA(fast) − EMA(slow); first value at index slow − 1.</param>
/// <param name="Signal">EMA(signal) of the line, SMA-seeded on its first full window; first value at index slow + signal − 2.</param>
/// <param name="Histogram">Line − signal.</param>
public sealed record MacdResult(IReadOnlyList<double> Line, IReadOnlyList<double> Signal, IReadOnlyList<double> Histogram);

/// <summary>Appel's Moving Average Convergence/Divergence (defaults 12, 26, 9) with SMA-seeded EMAs.</summary>
public static class Macd
{
    /// <summary>Computes line, signal and histogram.</summary>
    public static MacdResult Compute(ReadOnlySpan<double> close, int fast = 12, int slow = 26, int signal = 9)
    {
        MovingAverage.Check(close, slow);
        IndicatorGuard.Period(fast, nameof(fast));
        IndicatorGuard.Period(signal, nameof(signal));
        if (fast >= slow) throw new ArgumentOutOfRangeException(nameof(fast), fast, $"fast ({fast}) must be shorter than slow ({slow}).");
        var line = Rolling.Subtract(Rolling.Ema(close, fast), Rolling.Ema(close, slow));
        var sig = Rolling.Ema(line, signal);
        return new MacdResult(line, sig, Rolling.Subtract(line, sig));
    }
}
