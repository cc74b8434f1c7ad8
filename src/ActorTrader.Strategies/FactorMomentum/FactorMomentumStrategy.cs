using ActorTrader.Domain.Bars;
using ActorTrader.Quant.Metrics;
using ActorTrader.Strategies.Common;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Signals;

namespace ActorTrader.Strategies.FactorMomentum;

/// <summary>
/// Multi-factor cross-sectional ranking: each symbol's momentum, low volatility (−realised volatility) and short-term
/// reversal (−recent return) are z-scored across the panel and combined with the configured weights; the top-N symbols are
/// held with equal weights. Symbols without a full window of prices are not ranked.
/// Gross exposure: Σ target = 1 whenever a symbol is ranked.
/// </summary>
public sealed class FactorMomentumStrategy : Strategy<FactorMomentumParameters>
{
    public const string FactorsEvent = "factors";

    public override string Name => "factor_momentum";

    public override string Description => "Ranks symbols on momentum, low volatility and short-term reversal z-scores; holds the top N.";

    public override StrategyRequirements Requirements { get; } = new(Timeframe.Day1, MinimumHistory: 253);

    public override SignalSet Evaluate(PointInTimePanel panel, FactorMomentumParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(parameters);
        var p = parameters;
        var totalWeight = p.MomentumWeight + p.LowVolWeight + p.ReversalWeight;
        if (totalWeight == 0)
        {
            return SignalSet.Flat(panel.DecisionTime,
                [new StrategyEvent(panel.DecisionTime, PanelSymbols.WholePanel, FactorsEvent, "every factor weight is 0; flat. Fix: give at least one factor a positive weight.")]);
        }
        var length = Math.Max(Math.Max(p.MomentumLookback, p.VolWindow), p.ReversalWindow) + 1;
        var n = panel.SymbolCount;
        var momentum = new double[n];
        var lowVol = new double[n];
        var reversal = new double[n];
        for (var s = 0; s < n; s++)
        {
            if (!PriceWindow.TryPrices(panel.Close(s), length, out var close))
            {
                momentum[s] = lowVol[s] = reversal[s] = double.NaN;
                continue;
            }
            momentum[s] = PriceWindow.Momentum(close, p.MomentumLookback, p.MomentumSkip);
            lowVol[s] = -ReturnMoments.StandardDeviation(PriceWindow.SimpleReturns(close[^(p.VolWindow + 1)..]));
            reversal[s] = -PriceWindow.Momentum(close, p.ReversalWindow, 0);
        }
        var (zm, zv, zr) = (CrossSection.ZScores(momentum), CrossSection.ZScores(lowVol), CrossSection.ZScores(reversal));
        var score = new double[n];
        for (var s = 0; s < n; s++)
            score[s] = (p.MomentumWeight * zm[s] + p.LowVolWeight * zv[s] + p.ReversalWeight * zr[s]) / totalWeight;
        var chosen = CrossSection.Top(score, p.TopN);
        return new SignalSet(panel.DecisionTime, chosen.Select(s => new StrategySignal(
            panel.Symbols[s],
            1.0 / chosen.Length,
            $"score {SignalFormat.Number(score[s], 3)} (momentum z {SignalFormat.Number(zm[s], 2)}, low-vol z {SignalFormat.Number(zv[s], 2)}, reversal z {SignalFormat.Number(zr[s], 2)})")));
    }
}
