using ActorTrader.Hosting.Logging;
using ActorTrader.Hosting.Management;
using ActorTrader.Trading.Meta;
using ActorTrader.Trading.Risk;

namespace ActorTrader.Node.Dashboard;

/// <summary>
/// What the dashboard read from the node for one snapshot, before any figure is derived from it. A part that could not
/// be read is null (or empty) and <see cref="Problems"/> says why.
/// </summary>
internal sealed record DashboardData(DashboardNode Node, DateTimeOffset At)
{
    public DashboardTrading? Trading { get; init; }
    public PnlResponse? Pnl { get; init; }
    public PositionsResponse? Positions { get; init; }
    public IReadOnlyList<DashboardOrder> Orders { get; init; } = [];
    public RiskStateView? Risk { get; init; }
    public MetaOutcome? Meta { get; init; }
    public IReadOnlyList<DashboardAlert> Alerts { get; init; } = [];
    public IReadOnlyList<ErrorEntry> Errors { get; init; } = [];
    public IReadOnlyList<DashboardFreshness> Freshness { get; init; } = [];
    public DashboardResearchData? Research { get; init; }
    public ClusterView? Cluster { get; init; }

    /// <summary>Daily closes of the benchmark by exchange date; empty when there are none.</summary>
    public IReadOnlyDictionary<DateOnly, decimal> BenchmarkCloses { get; init; } = new Dictionary<DateOnly, decimal>();

    /// <summary>Why the beta cannot be measured (no benchmark configured, no bars); null when the closes are there.</summary>
    public string? BenchmarkNote { get; init; }

    public IReadOnlyList<string> Problems { get; init; } = [];
}

/// <summary>The research supervisor's status, each population's history and the number of candidates.</summary>
internal sealed record DashboardResearchData(ResearchStatusResponse Status, IReadOnlyDictionary<string, ResearchHistoryResponse> Histories, int Candidates);

/// <summary>Where the dashboard's data comes from: the running node, or a prepared set (benchmarks, tests).</summary>
internal interface IDashboardSource
{
    Task<DashboardData> ReadAsync(CancellationToken cancellationToken);
}
