using ActorTrader.Domain.Bars;
using ActorTrader.Quant.Indicators;
using ActorTrader.Strategies.Common;
using ActorTrader.Strategies.Panel;
using ActorTrader.Strategies.Signals;

namespace ActorTrader.Strategies.Pairs;

/// <summary>
/// Statistical-arbitrage pairs: every pair of symbols (y = the earlier in panel order, x = the later) is tested with
/// <see cref="EngleGranger"/> on log prices over <c>formation_window</c>; pairs with a positive hedge ratio β that pass at
/// <c>significance</c> are ranked by test statistic and taken greedily (no symbol twice) up to <c>max_pairs</c>.
/// The spread log y − β·log x is z-scored over <c>zscore_window</c>; |z| ≥ <c>entry_z</c> opens a trade against the spread
/// (z high: short y, long x), |z| ≤ <c>exit_z</c> or <c>max_hold</c> bars close it. Legs are 1/(1+β) and β/(1+β) of the
/// pair's share (1/max_pairs), with opposite signs. Needs a margin account: one leg is always short.
/// Gross exposure: Σ|target| = open pairs / max_pairs, at most 1.
/// </summary>
public sealed class PairsStrategy : Strategy<PairsParameters>
{
    public const string CointegrationEvent = "cointegration";

    public override string Name => "pairs";

    public override string Description => "Engle-Granger cointegrated pairs; trades the spread z-score, long one leg and short the other (margin).";

    public override StrategyRequirements Requirements { get; } = new(Timeframe.Day1, MinimumHistory: 252, NeedsMargin: true, CanShort: true);

    public override SignalSet Evaluate(PointInTimePanel panel, PairsParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(panel);
        ArgumentNullException.ThrowIfNull(parameters);
        var p = parameters;
        var time = panel.DecisionTime;
        var length = Math.Max(p.FormationWindow, p.ZScoreWindow + p.MaxHold - 1);
        var logs = new double[panel.SymbolCount][];
        for (var s = 0; s < panel.SymbolCount; s++)
        {
            if (!PriceWindow.TryPrices(panel.Close(s), length, out var close)) continue;
            logs[s] = new double[length];
            for (var i = 0; i < length; i++) logs[s][i] = Math.Log(close[i]);
        }

        var candidates = new List<(int Y, int X, CointegrationTest Test)>();
        for (var y = 0; y < logs.Length; y++)
        {
            for (var x = y + 1; x < logs.Length; x++)
            {
                if (logs[y] is null || logs[x] is null) continue;
                var test = EngleGranger.Test(logs[y].AsSpan(^p.FormationWindow..), logs[x].AsSpan(^p.FormationWindow..), p.AdfLags, p.Significance);
                if (test.IsCointegrated && test.Beta > 0) candidates.Add((y, x, test));
            }
        }

        var used = new HashSet<int>();
        var weights = new double[panel.SymbolCount];
        var reasons = new string?[panel.SymbolCount];
        var events = new List<StrategyEvent>();
        foreach (var (y, x, test) in candidates.OrderBy(c => c.Test.AdfStatistic).ThenBy(c => c.Y).ThenBy(c => c.X))
        {
            if (used.Count / 2 >= p.MaxPairs) break;
            if (used.Contains(y) || used.Contains(x)) continue;
            used.Add(y);
            used.Add(x);
            var spread = new double[length];
            for (var i = 0; i < length; i++) spread[i] = logs[y][i] - test.Beta * logs[x][i];
            var z = RollingZScore.Compute(spread, p.ZScoreWindow);
            var (side, barsAgo) = Position(p, z);
            var summary = $"{panel.Symbols[y]} ~ {panel.Symbols[x]}: beta {SignalFormat.Number(test.Beta, 3)}, ADF t {SignalFormat.Number(test.AdfStatistic, 2)} " +
                          $"< {SignalFormat.Number(test.CriticalValue, 2)} ({PairsParameters.SignificanceNames[(int)p.Significance]}, MacKinnon 2010), spread z {SignalFormat.Number(z[^1], 2)}";
            events.Add(new StrategyEvent(time, panel.Symbols[y], CointegrationEvent, side == 0 ? $"{summary}; flat" : $"{summary}; {(side > 0 ? "long" : "short")} spread since {barsAgo} bar(s)"));
            if (side == 0) continue;
            var share = 1.0 / p.MaxPairs;
            weights[y] = side * share / (1 + test.Beta);
            weights[x] = -side * share * test.Beta / (1 + test.Beta);
            reasons[y] = reasons[x] = summary;
        }
        var signals = Enumerable.Range(0, weights.Length).Where(s => weights[s] != 0)
            .Select(s => new StrategySignal(panel.Symbols[s], weights[s], reasons[s]));
        return new SignalSet(time, signals, events);
    }

    // +1 long the spread (long y, short x) after a low z, −1 short after a high z; the most recent entry within max_hold
    // bars counts unless the spread came back inside exit_z since.
    private static (int Side, int BarsAgo) Position(PairsParameters p, double[] z)
    {
        var back = Holding.OpenEntry(z.Length, p.MaxHold, i => Math.Abs(z[i]) >= p.EntryZ, i => !(Math.Abs(z[i]) > p.ExitZ));
        return back < 0 ? (0, -1) : (z[^(1 + back)] > 0 ? -1 : 1, back);
    }
}
