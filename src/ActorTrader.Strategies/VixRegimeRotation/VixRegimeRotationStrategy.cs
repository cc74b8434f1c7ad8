using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;
using ActorTrader.Quant.Metrics;
using ActorTrader.Quant.Regimes;
using ActorTrader.Strategies.Common;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Parameters;
using ActorTrader.Strategies.Signals;

namespace ActorTrader.Strategies.VixRegimeRotation;

/// <summary>
/// Rotates between risk-on and defensive holdings by the volatility regime. The regime comes from a volatility index in
/// the panel when there is one (a symbol whose ticker is one of <see cref="VolatilityIndexTickers"/>, e.g. CBOE:VIX):
/// below <c>vix_low</c> calm, above <c>vix_high</c> stressed. Without one it comes from a proxy — the realised volatility
/// of the market symbol (SPY by default) when present and <c>use_market_symbol</c> is set, else of an equal-weight index of
/// the panel — classified by Quant's <see cref="VolatilityRegimes"/> with expanding (look-ahead free) quantile thresholds.
/// Calm holds the top-N momentum symbols, stressed the lowest-volatility ones (or cash), neutral half of each.
/// Every decision emits a <c>regime</c> event naming the input used.
/// Gross exposure: Σ target ≤ 1 (with defensive = cash: 0.5 when neutral, 0 when stressed).
/// </summary>
public sealed class VixRegimeRotationStrategy : Strategy<VixRegimeRotationParameters>, ITrailingWindow
{
    public const string RegimeEvent = "regime";

    /// <summary>A volatility index quote older than this many bars is not used.</summary>
    private const int MaxIndexStaleness = 5;

    public VixRegimeRotationStrategy(IReadOnlyList<string>? volatilityIndexTickers = null, string marketTicker = "SPY")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(marketTicker);
        VolatilityIndexTickers = [.. (volatilityIndexTickers ?? ["VIX", "VIX.X", "VIXINDEX"]).Select(Normalise)];
        MarketTicker = Normalise(marketTicker);
    }

    /// <summary>Tickers recognised as a volatility index (upper case; a leading ^ or $ as in "^VIX" is ignored).</summary>
    public IReadOnlyList<string> VolatilityIndexTickers { get; }

    /// <summary>Ticker of the market symbol used for the proxy when present.</summary>
    public string MarketTicker { get; }

    public override string Name => "vix_regime_rotation";

    public override string Description => "Risk-on momentum when volatility is low, low-volatility assets or cash when high (VIX, else a realised-volatility proxy).";

    public override StrategyRequirements Requirements { get; } = new(Timeframe.Day1, MinimumHistory: 127);

    /// <summary>
    /// The proxy's returns (regime_history + vol_window − 1 of them), the momentum and volatility scores and the index's
    /// last quotes all come from the last bars of this window.
    /// </summary>
    public int WindowBars(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters.Validate(parameters, Name);
        var p = VixRegimeRotationParameters.From(parameters);
        return Math.Max(Math.Max(p.RegimeHistory + p.VolWindow, p.MomentumLookback + 1), Math.Max(p.VolWindow + 1, MaxIndexStaleness));
    }

    public override SignalSet Evaluate(PointInTimePanel panel, VixRegimeRotationParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(parameters);
        var p = parameters;
        var indices = Enumerable.Range(0, panel.SymbolCount).Where(s => IsVolatilityIndex(panel.Symbols[s])).ToArray();
        var index = indices.FirstOrDefault(s => LastLevel(panel, s) is not null, -1);
        var tradables = Enumerable.Range(0, panel.SymbolCount).Except(indices).ToArray();
        var (regime, input, inputSymbol) = index >= 0 && LastLevel(panel, index) is { } level
            ? (level < p.VixLow ? 0 : level > p.VixHigh ? 2 : 1,
               $"volatility index {panel.Symbols[index]} at {SignalFormat.Number(level, 2)} (vix_low {SignalFormat.Number(p.VixLow, 1)}, vix_high {SignalFormat.Number(p.VixHigh, 1)})",
               panel.Symbols[index])
            : Proxy(panel, p, tradables);
        var time = panel.DecisionTime;
        if (regime < 0)
            return SignalSet.Flat(time, [new StrategyEvent(time, inputSymbol, RegimeEvent, $"input: {input}; flat")]);

        var weights = new double[panel.SymbolCount];
        var riskOnShare = regime switch { 0 => 1.0, 1 => 0.5, _ => 0.0 };
        Add(weights, RiskOn(panel, p, tradables), riskOnShare);
        if (p.Defensive == DefensiveMode.LowVolatility) Add(weights, LowVolatility(panel, p, tradables), 1 - riskOnShare);
        var name = regime switch { 0 => "calm: risk-on", 1 => "neutral: half risk-on, half defensive", _ => "stressed: defensive" };
        var detail = $"input: {input}; regime {name}" + (regime > 0 && p.Defensive == DefensiveMode.Cash ? " (defensive = cash)" : "");
        var signals = Enumerable.Range(0, weights.Length).Where(s => weights[s] != 0)
            .Select(s => new StrategySignal(panel.Symbols[s], weights[s], name));
        return new SignalSet(time, signals, [new StrategyEvent(time, inputSymbol, RegimeEvent, detail)]);
    }

    private static string Normalise(string ticker) => ticker.Trim().TrimStart('^', '$').ToUpperInvariant();

    private bool IsVolatilityIndex(Domain.Instruments.Symbol symbol) => VolatilityIndexTickers.Contains(Normalise(symbol.Ticker), StringComparer.Ordinal);

    private static double? LastLevel(PointInTimePanel panel, int index)
    {
        var close = panel.Close(index);
        for (var back = 0; back < Math.Min(MaxIndexStaleness, close.Length); back++)
        {
            var v = close[^(1 + back)];
            if (v > 0 && double.IsFinite(v)) return v;
        }
        return null;
    }

    private (int Regime, string Input, Symbol Symbol) Proxy(PointInTimePanel panel, VixRegimeRotationParameters p, int[] tradables)
    {
        var why = $"no volatility index quoted in the last {MaxIndexStaleness} bars";
        var returnsNeeded = p.RegimeHistory + p.VolWindow - 1;
        var market = p.UseMarketSymbol ? tradables.FirstOrDefault(s => panel.Symbols[s].Ticker == MarketTicker, -1) : -1;
        double[]? returns = null;
        string source;
        Symbol symbol;
        if (market >= 0 && PriceWindow.TryPrices(panel.Close(market), returnsNeeded + 1, out var marketClose))
        {
            returns = PriceWindow.SimpleReturns(marketClose);
            source = $"realised volatility of the market symbol {panel.Symbols[market]}";
            symbol = panel.Symbols[market];
        }
        else
        {
            returns = EqualWeightReturns(panel, tradables, returnsNeeded);
            var quoted = tradables.Count(s => double.IsFinite(panel.CloseAt(s, panel.Now)));
            source = $"realised volatility of an equal-weight index of the {quoted} symbols quoted now";
            symbol = PanelSymbols.WholePanel;
        }
        var input = $"proxy ({why}): {source}";
        if (returns is null) return (-1, $"{input}, which needs {returnsNeeded + 1} bars of history", symbol);
        var result = VolatilityRegimes.Classify(returns, p.VolWindow, [p.LowQuantile, p.HighQuantile], ThresholdMode.Expanding);
        return (result.Labels[^1], $"{input} {SignalFormat.Percent(result.RollingVolatility[^1])} per bar", symbol);
    }

    // Mean simple return of the symbols quoted on both bars; null when a bar has none or the panel is too short.
    private static double[]? EqualWeightReturns(PointInTimePanel panel, int[] symbols, int count)
    {
        if (panel.Length < count + 1 || symbols.Length == 0) return null;
        var returns = new double[count];
        for (var k = 0; k < count; k++)
        {
            var t = panel.Length - count + k;
            double sum = 0;
            var n = 0;
            foreach (var s in symbols)
            {
                var close = panel.Close(s);
                if (!(close[t] > 0) || !(close[t - 1] > 0) || !double.IsFinite(close[t]) || !double.IsFinite(close[t - 1])) continue;
                sum += close[t] / close[t - 1] - 1;
                n++;
            }
            if (n == 0) return null;
            returns[k] = sum / n;
        }
        return returns;
    }

    private static int[] RiskOn(PointInTimePanel panel, VixRegimeRotationParameters p, int[] tradables)
    {
        var scores = Score(panel, tradables, p.MomentumLookback + 1, close => PriceWindow.Momentum(close, p.MomentumLookback, 0));
        return [.. CrossSection.Top(scores, p.TopN).Select(i => tradables[i])];
    }

    private static int[] LowVolatility(PointInTimePanel panel, VixRegimeRotationParameters p, int[] tradables)
    {
        var scores = Score(panel, tradables, p.VolWindow + 1, close => -ReturnMoments.StandardDeviation(PriceWindow.SimpleReturns(close)));
        return [.. CrossSection.Top(scores, p.TopN).Select(i => tradables[i])];
    }

    private delegate double WindowScore(ReadOnlySpan<double> close);

    private static double[] Score(PointInTimePanel panel, int[] symbols, int length, WindowScore score)
    {
        var scores = new double[symbols.Length];
        for (var i = 0; i < symbols.Length; i++)
            scores[i] = PriceWindow.TryPrices(panel.Close(symbols[i]), length, out var close) ? score(close) : double.NaN;
        return scores;
    }

    private static void Add(double[] weights, int[] chosen, double share)
    {
        if (chosen.Length == 0 || share == 0) return;
        foreach (var s in chosen) weights[s] += share / chosen.Length;
    }
}
