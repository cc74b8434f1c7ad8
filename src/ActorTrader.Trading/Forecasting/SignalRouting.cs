using ActorTrader.Backtest.Forecasting;
using ActorTrader.Quant.Forecasting.Signals;

namespace ActorTrader.Trading.Forecasting;

/// <summary>
/// Time-series-primary routing: the primary model's signal for a symbol is chosen when that model (at that version) was
/// validated GREEN at the signal's horizon; otherwise the first GREEN fallback's. A model that is not GREEN is never
/// chosen, whatever else is missing.
/// </summary>
public static class SignalRouting
{
    /// <summary>The signal to route for <paramref name="symbol"/>, or null with the reason for every model passed over.</summary>
    public static (Signal? Signal, IReadOnlyList<string> Reasons) Choose(string symbol, IReadOnlyList<Signal> signals, ValidationReport? report,
        string primary, IReadOnlyList<string> fallbacks)
    {
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(fallbacks);
        if (report is null) return (null, ["no forecast validation has been run; run `actortrader forecast validate` first"]);
        var reasons = new List<string>();
        foreach (var model in new[] { primary }.Concat(fallbacks).Distinct(StringComparer.Ordinal))
        {
            var signal = signals.FirstOrDefault(s => s.Symbol == symbol && s.Model == model);
            if (signal is null)
            {
                reasons.Add($"{model}: no signal for {symbol} in this run");
                continue;
            }
            var row = report.Find(model, signal.Horizon);
            if (row is null) reasons.Add($"{model}: not validated at horizon {signal.Horizon}");
            else if (row.Version != signal.Version) reasons.Add($"{model}: validated at version {row.Version}, the signal is version {signal.Version}; validate again");
            else if (row.Tier != ValidationTier.Green) reasons.Add($"{model}: validation is {row.Tier.ToString().ToUpperInvariant()} at horizon {signal.Horizon}, only GREEN is routed");
            else return (signal, reasons);
        }
        return (null, reasons);
    }
}
