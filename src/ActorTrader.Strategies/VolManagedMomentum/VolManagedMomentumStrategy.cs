using ActorTrader.Domain.Bars;
using ActorTrader.Quant.Metrics;
using ActorTrader.Quant.Returns;
using ActorTrader.Strategies.Common;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Parameters;
using ActorTrader.Strategies.Signals;

namespace ActorTrader.Strategies.VolManagedMomentum;

/// <summary>
/// Cross-sectional 12-1 momentum, volatility-managed (Barroso and Santa-Clara's idea): holds the top-N symbols by the
/// return from <c>lookback</c> to <c>skip</c> bars ago, weighted by inverse realised volatility, and scales the book down so
/// its volatility — estimated conservatively as if the holdings were perfectly correlated — is at most <c>target_vol</c>.
/// Gross exposure: Σ target = the book scale, at most 1.
/// </summary>
public sealed class VolManagedMomentumStrategy : Strategy<VolManagedMomentumParameters>, ITrailingWindow
{
    public override string Name => "vol_managed_momentum";

    public override string Description => "Top-N 12-1 momentum, inverse-volatility weighted and scaled to a volatility target.";

    public override StrategyRequirements Requirements { get; } = new(Timeframe.Day1, MinimumHistory: 253);

    /// <summary>Momentum and volatility both come from the last closes of this window.</summary>
    public int WindowBars(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters.Validate(parameters, Name);
        return Length(VolManagedMomentumParameters.From(parameters));
    }

    public override SignalSet Evaluate(PointInTimePanel panel, VolManagedMomentumParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(parameters);
        var p = parameters;
        var length = Length(p);
        var momentum = new double[panel.SymbolCount];
        var volatility = new double[panel.SymbolCount];
        for (var s = 0; s < panel.SymbolCount; s++)
        {
            momentum[s] = double.NaN;
            if (!PriceWindow.TryPrices(panel.Close(s), length, out var close)) continue;
            var vol = ReturnMoments.Volatility(PriceWindow.SimpleReturns(close[^(p.VolWindow + 1)..]), PeriodsPerYear.TradingDays);
            var mom = PriceWindow.Momentum(close, p.Lookback, p.Skip);
            if (!(vol > 0) || (p.RequirePositive && !(mom > 0))) continue;
            momentum[s] = mom;
            volatility[s] = vol;
        }
        var chosen = CrossSection.Top(momentum, p.TopN);
        if (chosen.Length == 0) return SignalSet.Flat(panel.DecisionTime);
        var inverseSum = chosen.Sum(s => 1 / volatility[s]);
        // Weights ∝ 1/σ give every holding the same risk; Σ wᵢσᵢ bounds the book's volatility from above.
        var bookVol = chosen.Sum(s => 1 / volatility[s] / inverseSum * volatility[s]);
        var scale = Math.Min(1, p.TargetVol / bookVol);
        return new SignalSet(panel.DecisionTime, chosen.Select(s => new StrategySignal(
            panel.Symbols[s],
            1 / volatility[s] / inverseSum * scale,
            $"momentum {SignalFormat.Percent(momentum[s])}, volatility {SignalFormat.Percent(volatility[s])}, book scale {SignalFormat.Number(scale, 3)}")));
    }

    private static int Length(VolManagedMomentumParameters p) => Math.Max(p.Lookback, p.VolWindow) + 1;
}
