using System.Globalization;
using ActorTrader.Strategies;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Parameters;
using ActorTrader.Strategies.Signals;

namespace ActorTrader.Backtest.StrategyRuns;

/// <summary>
/// Checks a strategy for look-ahead by re-deciding a seeded sample of decision bars on a panel that physically ends at
/// the decision bar, and comparing with the decision on the full panel. A strategy that only uses the point-in-time
/// view gives identical signals; any difference, or any refused future access, is a finding. The cut panel also drops
/// the symbols not listed by the decision bar, so a strategy that sizes or ranks by a universe that includes symbols
/// listing later (survivorship look-ahead) differs too. Signals are compared symbol by symbol, as the two panels may
/// hold the symbols at different positions.
/// </summary>
public static class LookAheadAudit
{
    public static LookAheadAuditReport Run(IStrategy strategy, ParameterSet parameters, BarPanel panel, int samples, int seed)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        strategy.Parameters.Validate(parameters, strategy.Name);
        var first = Math.Max(0, strategy.Requirements.MinimumHistory - 1);
        // The last bar is never sampled: cut there, the panel is the full panel.
        var candidates = Enumerable.Range(first, Math.Max(0, panel.TimeCount - 1 - first)).ToArray();
        new Random(seed).Shuffle(candidates);
        var bars = candidates.Take(samples).Order().ToArray();
        var findings = new List<LookAheadFinding>();
        foreach (var t in bars)
        {
            var time = panel.Times[t];
            var full = Evaluate(strategy, parameters, panel.AsOf(t), t, time, "full panel", findings, failureIsFinding: false);
            var cut = Evaluate(strategy, parameters, Truncate(panel, t).AsOf(t), t, time, "panel cut at the decision bar", findings, failureIsFinding: full is not null);
            if (full is null || cut is null) continue;
            var difference = Difference(full, cut);
            if (difference is not null) findings.Add(new LookAheadFinding(t, time, "differs", difference));
        }
        return new LookAheadAuditReport(strategy.Name, bars, findings);
    }

    private static SignalSet? Evaluate(IStrategy strategy, ParameterSet parameters, PointInTimePanel view, int t, DateTimeOffset time,
        string which, List<LookAheadFinding> findings, bool failureIsFinding)
    {
        try
        {
            return strategy.Evaluate(view, parameters);
        }
        catch (LookAheadException e)
        {
            // The refusal is what the audit looks for: it becomes the finding rather than ending the audit.
            findings.Add(new LookAheadFinding(t, time, "look-ahead", $"On the {which}: {e.Message}"));
            return null;
        }
        catch (Exception e) when (failureIsFinding && e is not OperationCanceledException)
        {
            // It decided on the full panel but not without the later-listed symbols: its decision depends on them.
            findings.Add(new LookAheadFinding(t, time, "differs",
                $"It decided on the full panel but failed on the {which} ({e.GetType().Name}: {e.Message}); it depends on symbols not listed by the decision bar."));
            return null;
        }
    }

    private static string? Difference(SignalSet full, SignalSet cut)
    {
        var a = full.Signals.ToDictionary(s => s.Symbol, s => s.Target);
        var b = cut.Signals.ToDictionary(s => s.Symbol, s => s.Target);
        foreach (var symbol in a.Keys.Union(b.Keys).Order())
        {
            var x = a.GetValueOrDefault(symbol);
            var y = b.GetValueOrDefault(symbol);
            if (!x.Equals(y))
            {
                return $"{symbol}: target {x.ToString("R", CultureInfo.InvariantCulture)} on the full panel but " +
                       $"{y.ToString("R", CultureInfo.InvariantCulture)} on the panel cut at the decision bar.";
            }
        }
        if (full.Events.Count != cut.Events.Count || !full.Events.SequenceEqual(cut.Events))
            return $"audit events differ: {full.Events.Count} on the full panel, {cut.Events.Count} on the panel cut at the decision bar.";
        return null;
    }

    /// <summary>
    /// The panel as it existed at the close of bar <paramref name="t"/>: bars 0..t on the same time axis, only the symbols
    /// with a finite close by then (one that lists later was unknown at the decision — keeping it would let a strategy
    /// that counts or ranks the universe read the future), and the fundamentals of those symbols published by then.
    /// </summary>
    internal static BarPanel Truncate(BarPanel panel, int t)
    {
        var view = panel.AsOf(t);
        var listed = Enumerable.Range(0, panel.SymbolCount).Where(s => HasClose(view, s)).ToArray();
        double[][] Columns(Func<int, ReadOnlySpan<double>> column) => [.. listed.Select(s => column(s).ToArray())];
        var symbols = listed.Select(s => panel.Symbols[s]).ToArray();
        var fundamentals = symbols
            .Where(s => panel.Fundamentals.TryGetValue(s, out var data) && data.KnownFrom <= view.DecisionTime)
            .ToDictionary(s => s, s => panel.Fundamentals[s]);
        return BarPanel.FromColumns(panel.Timeframe, symbols, view.Times.ToArray(),
            Columns(view.Open), Columns(view.High), Columns(view.Low), Columns(view.Close), Columns(view.Volume),
            fundamentals);
    }

    private static bool HasClose(PointInTimePanel view, int symbol)
    {
        foreach (var close in view.Close(symbol))
        {
            if (double.IsFinite(close)) return true;
        }
        return false;
    }
}
