using System.Globalization;
using ActorTrader.Actors;
using ActorTrader.Data.Settings;
using ActorTrader.Hosting.Control;
using ActorTrader.Hosting.Logging;
using ActorTrader.Hosting.Management;
using ActorTrader.Node.Control;
using ActorTrader.Node.Hosting;
using ActorTrader.Node.Management;
using ActorTrader.Node.Research;
using ActorTrader.Node.Trading;
using ActorTrader.Research.Actors;
using ActorTrader.Research.Actors.Population;
using ActorTrader.Research.Promotion.Pipeline;
using ActorTrader.Trading.Orders;
using ActorTrader.Trading.Risk;

namespace ActorTrader.Node.Dashboard;

/// <summary>
/// Reads the running node for the dashboard: halt state, the trading core (status, P&amp;L, positions, orders, risk,
/// weights), alerts, errors, data freshness, research and cluster. Each part is read on its own: one that fails or times
/// out is left empty and named in <see cref="DashboardData.Problems"/>, so one slow actor never blanks the page.
/// Research changes slowly and is read every <see cref="ResearchEvery"/>.
/// </summary>
internal sealed class NodeDashboardSource(NodeContext node, OrderHistory orderHistory) : IDashboardSource
{
    /// <summary>Recent orders shown beside the open ones.</summary>
    public const int RecentOrders = 50;

    public const int ShownErrors = 20;
    public const int ShownAlerts = 50;
    public static readonly TimeSpan ResearchEvery = TimeSpan.FromSeconds(5);

    private readonly BenchmarkCloses _benchmark = new(node.Settings.Management.Dashboard.Benchmark, ReadData(node));
    private DashboardResearchData? _research;
    private ((long Length, DateTime Written) Stamp, IReadOnlyList<ErrorEntry> Entries)? _errors;
    private DateTimeOffset _researchReadAt = DateTimeOffset.MinValue;

    public async Task<DashboardData> ReadAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var now = node.Time.GetUtcNow();
        var halt = await Part("halt state", () => node.Control.Ask<HaltState>(GetHaltState.Instance, node.Settings.Actors.AskTimeout, cancellationToken), problems).ConfigureAwait(false);
        var status = node.Status(halt ?? new HaltState(true, "the control actor did not answer; treat the node as halted", null, HaltState.ByFailClosed));
        var data = new DashboardData(new DashboardNode(status.Node, status.Roles, status.Version, status.UptimeSeconds, status.Halted, status.HaltReason, status.HaltedBy, status.HaltedSince), now)
        {
            Errors = Errors(problems),
            Alerts = node.Alerts is { } alerts
                ? [.. alerts.Recent(ShownAlerts).Select(e => new DashboardAlert(e.Alert.Kind, e.Alert.Severity.ToString(), e.Alert.Message, e.Alert.At, e.Repeats, e.LastAt))]
                : [],
            Freshness = node.Freshness is { } board ? [.. board.Snapshot().Select(f => new DashboardFreshness(f.Source, f.LastBarAt, f.AgeSeconds, f.Stale))] : [],
            Cluster = await Part("cluster", () => ClusterApi.ReadAsync(node, cancellationToken), problems).ConfigureAwait(false),
            Research = await ResearchAsync(now, problems, cancellationToken).ConfigureAwait(false),
        };
        if (node.Trading is { } trading) data = await WithTradingAsync(data, trading, status, problems, cancellationToken).ConfigureAwait(false);
        return data with { Problems = problems };
    }

    private async Task<DashboardData> WithTradingAsync(DashboardData data, NodeTrading trading, NodeStatus status, List<string> problems, CancellationToken ct)
    {
        var view = await Part("trading status", () => trading.StatusAsync(ct), problems).ConfigureAwait(false);
        var risk = trading.Account is null ? null : await Part("risk", () => trading.RiskAsync(ct), problems).ConfigureAwait(false);
        var started = trading.Account is not null;
        var pnl = started ? await Part("P&L", () => trading.PnlAsync(ct), problems).ConfigureAwait(false) : null;
        var positions = started ? await Part("positions", () => trading.PositionsAsync(ct), problems).ConfigureAwait(false) : null;
        var orders = started ? await Part("orders", () => trading.OrdersAsync(false, ct), problems).ConfigureAwait(false) : null;
        var (closes, note) = pnl?.PortfolioDaily is [.., var last]
            ? await _benchmark.ReadAsync(DateOnly.ParseExact(last.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture), ct).ConfigureAwait(false)
            : (new Dictionary<DateOnly, decimal>(), "no daily history yet");
        return data with
        {
            Trading = Trading(trading, view, risk, status),
            Pnl = pnl,
            Positions = positions,
            Orders = orders is null ? [] : Orders(orders),
            Risk = risk,
            Meta = trading.LastMetaOutcome,
            BenchmarkCloses = closes,
            BenchmarkNote = note,
        };
    }

    /// <summary>Open orders first (oldest submit first), then the most recently updated others.</summary>
    private IReadOnlyList<DashboardOrder> Orders(OrdersResponse orders)
    {
        var open = orders.Orders.Where(o => !IsFinal(o.Status)).ToList();
        var recent = orders.Orders.Where(o => IsFinal(o.Status)).OrderByDescending(o => o.UpdatedAt).ThenBy(o => o.ClientOrderId, StringComparer.Ordinal).Take(RecentOrders);
        return [.. open.Concat(recent).Select(o => new DashboardOrder(o, orderHistory.Of(o.ClientOrderId, o.Status, o.UpdatedAt)))];
    }

    // Wire names of OrderStateExtensions.IsTerminal's states.
    private static readonly HashSet<string> Terminal = [.. new[] { OrderState.Filled, OrderState.Canceled, OrderState.Expired, OrderState.Replaced, OrderState.Rejected, OrderState.NeverAccepted }.Select(s => s.ToWire())];

    private static bool IsFinal(string status) => Terminal.Contains(status);

    private static DashboardTrading Trading(NodeTrading trading, TradingStatusView? view, RiskStateView? risk, NodeStatus status)
    {
        // The operator's (or kill switch's) halt wins; then the risk manager's state.
        var (state, reason) = status.Halted
            ? ("HALTED", $"{status.HaltedBy}: {status.HaltReason}")
            : risk is { } r
                ? (r.Status.State.ToString().ToUpperInvariant(), r.Status.Reason)
                : ("ACTIVE", view?.RiskState);
        var progress = trading.ReplayProgress;
        return new DashboardTrading(trading.Mode, trading.State, trading.AccountId, view?.Broker ?? "", state, reason,
            view?.Permission ?? "unknown (the trading gate did not answer)", view?.Reconciliation ?? "unknown",
            progress is null ? null : string.Create(CultureInfo.InvariantCulture, $"{progress.Completed}/{progress.Total} days{(progress.LastDate is { } d ? $" (last {d:yyyy-MM-dd})" : "")}"),
            progress?.Finished ?? false);
    }

    /// <summary>The newest errors; the file is parsed again only when it changed (it can be tens of megabytes).</summary>
    private IReadOnlyList<ErrorEntry> Errors(List<string> problems)
    {
        var file = node.Settings.Logging.ErrorsFile;
        try
        {
            var info = new FileInfo(file);
            var stamp = info.Exists ? (info.Length, info.LastWriteTimeUtc) : (0L, DateTime.MinValue);
            if (_errors is { } cached && cached.Stamp == stamp) return cached.Entries;
            var entries = ErrorLog.Read(file, ShownErrors);
            _errors = (stamp, entries);
            return entries;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add($"errors: {file} cannot be read ({e.Message})");
            return [];
        }
    }

    private async Task<DashboardResearchData?> ResearchAsync(DateTimeOffset now, List<string> problems, CancellationToken ct)
    {
        if (node.Research is not { } research) return null;
        if (_research is not null && now - _researchReadAt < ResearchEvery) return _research;
        _researchReadAt = now;
        var read = await Part("research", async () =>
        {
            var status = ResearchViews.Status(await Expect<ResearchStatus>(research, GetResearchStatus.Instance, ct).ConfigureAwait(false));
            var histories = new SortedDictionary<string, ResearchHistoryResponse>(StringComparer.Ordinal);
            foreach (var population in status.Populations)
            {
                if (await research.AskAsync(new GetResearchHistory(population.Strategy), ct).ConfigureAwait(false) is PopulationHistory history)
                    histories[population.Strategy] = ResearchViews.History(history);
            }
            var candidates = await Expect<CandidateList>(research, GetCandidates.Instance, ct).ConfigureAwait(false);
            return new DashboardResearchData(status, histories, candidates.Candidates.Count);
        }, problems).ConfigureAwait(false);
        _research = read ?? _research;
        return _research;
    }

    private static async Task<T> Expect<T>(NodeResearch research, object message, CancellationToken ct) =>
        await research.AskAsync(message, ct).ConfigureAwait(false) is T typed
            ? typed
            : throw new InvalidOperationException($"the research supervisor did not answer {message.GetType().Name} with {typeof(T).Name}");

    /// <summary>Reads one part; a timeout or refusal becomes a problem line and a null part.</summary>
    private static async Task<T?> Part<T>(string name, Func<Task<T>> read, List<string> problems)
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (Exception e) when (e is AskTimeoutException or InvalidOperationException or TimeoutException or IOException)
        {
            problems.Add($"{name}: {e.Message}");
            return default;
        }
    }

    private static DataSettings? ReadData(NodeContext node)
    {
        var (data, problems) = DataSettings.Read(node.Config.Config, node.Config.WorkingDirectory);
        return problems.Count == 0 ? data : null;
    }
}
