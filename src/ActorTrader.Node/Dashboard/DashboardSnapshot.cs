using ActorTrader.Hosting.Logging;
using ActorTrader.Hosting.Management;

namespace ActorTrader.Node.Dashboard;

/// <summary>
/// Everything the dashboard shows at one moment, built once a second by <see cref="DashboardFeed"/> and sent to every
/// browser as it is. Money is a string holding the invariant decimal (as in the management API), so the page shows the
/// ledger's figures without a binary-float round trip.
/// </summary>
/// <param name="Sequence">Increases with every snapshot; the page shows it as #updated-at's data-version.</param>
/// <param name="At">When the snapshot was built (UTC).</param>
/// <param name="EquityVersion">Changes when the daily history changes: the page then fetches the equity chart again.</param>
/// <param name="IntradaySvg">The intraday NAV chart, rendered on the server.</param>
/// <param name="Problems">Panels that could not be read this time, with why (e.g. an ask that timed out).</param>
internal sealed record DashboardSnapshot(
    long Sequence,
    DateTimeOffset At,
    DashboardNode Node,
    DashboardTrading? Trading,
    DashboardMoney? Money,
    IReadOnlyList<PositionView> Positions,
    IReadOnlyList<DashboardOrder> Orders,
    DashboardRisk? Risk,
    DashboardWeights? Weights,
    IReadOnlyList<DashboardAlert> Alerts,
    IReadOnlyList<ErrorEntry> Errors,
    IReadOnlyList<DashboardFreshness> Freshness,
    DashboardResearch? Research,
    ClusterView? Cluster,
    long EquityVersion,
    string IntradaySvg,
    IReadOnlyList<string> Problems);

/// <summary>The node and its halt state.</summary>
internal sealed record DashboardNode(string Name, IReadOnlyList<string> Roles, string Version, double UptimeSeconds, bool Halted, string? HaltReason, string? HaltedBy, DateTimeOffset? HaltedSince);

/// <summary>
/// The trading core: <paramref name="State"/> is what the operator acts on — HALTED (operator, kill switch or risk),
/// REDUCING, ACTIVE, or OFF when the node runs no trading core — and <paramref name="StateReason"/> says why.
/// </summary>
internal sealed record DashboardTrading(
    string Mode,
    string Core,
    string Account,
    string Broker,
    string State,
    string? StateReason,
    string Permission,
    string Reconciliation,
    string? ReplayProgress,
    bool ReplayFinished);

/// <summary>The ledger's figures now; <paramref name="DayPnl"/> is NAV against the last daily snapshot.</summary>
internal sealed record DashboardMoney(string Nav, string Cash, string DayPnl, string RealisedPnl, string UnrealisedPnl, string Fees, string GrossExposure, string NetExposure, int Fills, DateTimeOffset AsOf);

/// <summary>An open or recent order and the states it went through (as this node saw them since it started, and its current one).</summary>
internal sealed record DashboardOrder(OrderDto Order, IReadOnlyList<DashboardOrderState> History);

/// <summary>One state of an order and when it was entered.</summary>
internal sealed record DashboardOrderState(string Status, DateTimeOffset At);

/// <summary>
/// Risk figures: the risk manager's drawdowns and breakers, and from the daily NAVs a one-day historical VaR and CVaR at 95%
/// (as a loss in account currency) and the beta to the benchmark (null with <paramref name="BetaNote"/> when it cannot be measured).
/// </summary>
internal sealed record DashboardRisk(
    double? Drawdown,
    double? IntradayDrawdown,
    double? DailyLoss,
    IReadOnlyList<string> TrippedBreakers,
    int ActionsTaken,
    int ActionsPending,
    int TradesToday,
    string? ValueAtRisk95,
    string? ExpectedShortfall95,
    double? Beta,
    string? BetaNote,
    double? GrossLeverage,
    double? NetLeverage,
    double? MaxDrawdownOfHistory);

/// <summary>The last meta-portfolio fit: meta-weight per sleeve and target weight per symbol (largest first).</summary>
internal sealed record DashboardWeights(string Profile, bool Succeeded, IReadOnlyList<DashboardWeight> Sleeves, IReadOnlyList<DashboardWeight> Symbols);

internal sealed record DashboardWeight(string Name, double Weight);

internal sealed record DashboardAlert(string Kind, string Severity, string Message, DateTimeOffset At, int Repeats, DateTimeOffset LastAt);

internal sealed record DashboardFreshness(string Source, DateTimeOffset? LastBarAt, double? AgeSeconds, bool Stale);

/// <summary>Research populations, each with its best/mean fitness per generation (as an SVG chart) and stagnation events.</summary>
internal sealed record DashboardResearch(string Window, bool WindowOpen, IReadOnlyList<DashboardPopulation> Populations, int Candidates);

internal sealed record DashboardPopulation(ResearchPopulationView Population, IReadOnlyList<ResearchStagnationView> Stagnation, string FitnessSvg);
