using System.Globalization;
using ActorTrader.Hosting.Management;

namespace ActorTrader.Node.Dashboard;

/// <summary>
/// Turns what <see cref="IDashboardSource"/> read into a <see cref="DashboardSnapshot"/>: money as invariant strings,
/// risk figures from the daily history, the intraday series and charts. Keeps the intraday samples between snapshots,
/// so one builder serves one feed (not thread-safe; the feed calls it from one loop).
/// </summary>
internal sealed class DashboardSnapshotBuilder
{
    /// <summary>Symbols shown in the weights panel, largest absolute target weight first.</summary>
    public const int ShownSymbolWeights = 25;

    private readonly IntradaySeries _intraday = new();

    public DashboardSnapshot Build(DashboardData data, long sequence)
    {
        ArgumentNullException.ThrowIfNull(data);
        var pnl = data.Pnl;
        if (pnl is not null) _intraday.Add(pnl.AsOf, pnl.Nav);
        var money = pnl is null ? null : new DashboardMoney(D(pnl.Nav), D(pnl.Cash), D(pnl.DayPnl), D(pnl.RealisedPnl), D(pnl.UnrealisedPnl), D(pnl.Fees),
            D(pnl.GrossExposure), D(pnl.NetExposure), pnl.Fills, pnl.AsOf);
        return new DashboardSnapshot(
            sequence,
            data.At,
            data.Node,
            data.Trading,
            money,
            data.Positions?.Positions ?? [],
            data.Orders,
            Risk(data),
            Weights(data),
            data.Alerts,
            data.Errors,
            data.Freshness,
            Research(data.Research),
            data.Cluster,
            EquityVersion(pnl),
            DashboardCharts.Intraday(_intraday),
            data.Problems);
    }

    /// <summary>Changes whenever the daily rows do (a new day, or a restated last row).</summary>
    public static long EquityVersion(PnlResponse? pnl) => pnl?.PortfolioDaily is [.., var last] rows
        ? HashCode.Combine(rows.Count, last.Date, last.Nav)
        : 0;

    private static DashboardRisk? Risk(DashboardData data)
    {
        if (data.Pnl is not { } pnl) return null;
        var rows = pnl.PortfolioDaily;
        var navs = rows.Select(r => r.Nav).Append(pnl.Nav).ToList();
        var returns = HistoricalRisk.Returns([.. rows.Select(r => r.Nav)]);
        var tail = HistoricalRisk.TailLoss(returns, pnl.Nav);
        var dated = rows.Select(r => (DateOnly.ParseExact(r.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture), r.Nav)).ToList();
        var beta = data.BenchmarkCloses.Count > 0 ? HistoricalRisk.Beta(dated, data.BenchmarkCloses) : null;
        var betaNote = beta is null
            ? data.BenchmarkNote ?? $"fewer than {HistoricalRisk.MinimumReturns} daily returns on the benchmark's dates"
            : null;
        var risk = data.Risk;
        return new DashboardRisk(
            (double?)risk?.Drawdown,
            (double?)risk?.IntradayDrawdown,
            (double?)risk?.DailyLoss,
            risk?.TrippedBreakers ?? [],
            risk?.ActionsTaken ?? 0,
            risk?.ActionsPending ?? 0,
            risk?.TradesToday ?? 0,
            tail is { } t ? D(t.ValueAtRisk) : null,
            tail is { } s ? D(s.ExpectedShortfall) : null,
            beta,
            betaNote,
            pnl.Nav > 0m ? (double)(pnl.GrossExposure / pnl.Nav) : null,
            pnl.Nav > 0m ? (double)(pnl.NetExposure / pnl.Nav) : null,
            HistoricalRisk.MaxDrawdown(navs));
    }

    private static DashboardWeights? Weights(DashboardData data) => data.Meta is not { } meta ? null : new DashboardWeights(
        meta.Profile,
        meta.Succeeded,
        [.. meta.MetaWeights.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => new DashboardWeight(kv.Key, kv.Value))],
        [.. meta.TargetWeights.OrderByDescending(kv => Math.Abs(kv.Value)).ThenBy(kv => kv.Key).Take(ShownSymbolWeights).Select(kv => new DashboardWeight(kv.Key.ToString(), kv.Value))]);

    private static DashboardResearch? Research(DashboardResearchData? research) => research is null ? null : new DashboardResearch(
        research.Status.Window,
        research.Status.WindowOpen,
        [.. research.Status.Populations.Select(p => research.Histories.TryGetValue(p.Strategy, out var history)
            ? new DashboardPopulation(p, history.StagnationEvents, DashboardCharts.Fitness(history))
            : new DashboardPopulation(p, [], DashboardCharts.Fitness(new ResearchHistoryResponse(p.Strategy, p.RunId, [], []))))],
        research.Candidates);

    private static string D(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
