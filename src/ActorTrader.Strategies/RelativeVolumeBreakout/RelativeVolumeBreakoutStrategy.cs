using ActorTrader.Domain.Bars;
using ActorTrader.Quant.Indicators;
using ActorTrader.Strategies.Common;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Signals;

namespace ActorTrader.Strategies.RelativeVolumeBreakout;

/// <summary>
/// Buys a close above the highest high of the previous <c>breakout_window</c> bars when that bar's volume is at least
/// <c>volume_multiple</c> × the average of the previous <c>volume_window</c> bars (a breakout on thin volume is ignored).
/// The trade lasts <c>hold_bars</c> bars unless the close falls <c>stop_atr</c> ATRs below the broken level. Equal weights.
/// Gross exposure: Σ target = 1 whenever a breakout is held.
/// </summary>
public sealed class RelativeVolumeBreakoutStrategy : Strategy<RelativeVolumeBreakoutParameters>
{
    /// <summary>ATR is Wilder-smoothed; it is seeded over this many periods so its value does not depend on where the panel starts.</summary>
    private const int AtrWarmUpPeriods = 3;

    public override string Name => "relative_volume_breakout";

    public override string Description => "Buys N-bar high breakouts confirmed by volume at least k times its average; ATR stop, fixed holding period.";

    public override StrategyRequirements Requirements { get; } = new(Timeframe.Day1, MinimumHistory: 52);

    public override SignalSet Evaluate(PointInTimePanel panel, RelativeVolumeBreakoutParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(parameters);
        var p = parameters;
        var length = p.HoldBars + Math.Max(Math.Max(p.BreakoutWindow, p.VolumeWindow), p.AtrPeriod * AtrWarmUpPeriods);
        var held = new List<(int Symbol, string Reason)>();
        for (var s = 0; s < panel.SymbolCount; s++)
        {
            if (!PriceWindow.TryPrices(panel.High(s), length, out var high)
                || !PriceWindow.TryPrices(panel.Low(s), length, out var low)
                || !PriceWindow.TryPrices(panel.Close(s), length, out var close)
                || !PriceWindow.TryVolumes(panel.Volume(s), length, out var volume)) continue;
            var atr = AverageTrueRange.Compute(high, low, close, p.AtrPeriod);
            if (OpenBreakout(p, high, close, volume, atr) is { } reason) held.Add((s, reason));
        }
        var weight = held.Count == 0 ? 0 : 1.0 / held.Count;
        return new SignalSet(panel.DecisionTime, held.Select(h => new StrategySignal(panel.Symbols[h.Symbol], weight, h.Reason)));
    }

    // The most recent breakout within the holding period decides: held unless a later close hit its stop.
    private static string? OpenBreakout(RelativeVolumeBreakoutParameters p, ReadOnlySpan<double> high, ReadOnlySpan<double> close,
        ReadOnlySpan<double> volume, double[] atr)
    {
        var last = close.Length - 1;
        for (var back = 0; back < p.HoldBars; back++)
        {
            var i = last - back;
            var level = Max(high[(i - p.BreakoutWindow)..i]);
            var averageVolume = Mean(volume[(i - p.VolumeWindow)..i]);
            var breakout = close[i] > level && averageVolume > 0 && volume[i] >= p.VolumeMultiple * averageVolume;
            if (!breakout) continue;
            var stop = level - p.StopAtr * atr[i];
            for (var j = i + 1; j <= last; j++)
            {
                if (close[j] < stop) return null;
            }
            return $"breakout above {SignalFormat.Number(level)} on {SignalFormat.Number(volume[i] / averageVolume, 2)}x volume, " +
                   $"{back} bar(s) ago; stop {SignalFormat.Number(stop)}";
        }
        return null;
    }

    private static double Max(ReadOnlySpan<double> x)
    {
        var m = double.NegativeInfinity;
        foreach (var v in x) m = Math.Max(m, v);
        return m;
    }

    private static double Mean(ReadOnlySpan<double> x)
    {
        double sum = 0;
        foreach (var v in x) sum += v;
        return sum / x.Length;
    }
}
