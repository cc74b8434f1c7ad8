using ActorTrader.Actors;
using ActorTrader.Domain.Orders;
using ActorTrader.Hosting.Management;
using ActorTrader.Trading.Accounts;
using ActorTrader.Trading.Backup;
using ActorTrader.Trading.Day;
using ActorTrader.Trading.Host;
using ActorTrader.Trading.Host.Replay;
using ActorTrader.Trading.Host.Targets;
using ActorTrader.Trading.Ledger;
using ActorTrader.Trading.Meta;
using ActorTrader.Trading.Orders;
using ActorTrader.Trading.Risk;

namespace ActorTrader.Node.Trading;

/// <summary>
/// The running trading core as the management API sees it: its mode, the gate, the account's actors (once started) and a
/// replay's progress. Every read is an ask with the node's ask timeout.
/// </summary>
internal sealed class NodeTrading(string mode, TradingCore core, ReplayProgress? progress, TimeSpan askTimeout)
{
    private readonly IActorRef gate = core.Gate;
    private readonly string broker = core.Setup.BrokerName;
    private volatile string _state = "starting";

    public string Mode { get; } = mode;

    public string AccountId { get; } = core.Setup.AccountId;

    /// <summary>Databases beside the journal that a backup must include (the paper account), each copied by its owner.</summary>
    public IReadOnlyList<DatabaseCopy> StateDatabases { get; init; } = [];

    /// <summary><c>/user/trading</c>: stopping it stops the whole trading core.</summary>
    public IActorRef Root { get; } = core.Actors.Root;

    /// <summary>The account's actors once started; null before.</summary>
    public AccountRefs? Account => core.Account;

    /// <summary>starting, running, finished or failed.</summary>
    public string State
    {
        get => _state;
        set => _state = value;
    }

    public async Task<TradingStatusView> StatusAsync(CancellationToken cancellationToken)
    {
        var gateState = await gate.Ask<GateState>(GetGateState.Instance, askTimeout, cancellationToken).ConfigureAwait(false);
        decimal? nav = null, cash = null;
        if (Account is { } account)
        {
            var view = await account.Ledger.Ask<LedgerView>(GetLedger.Instance, askTimeout, cancellationToken).ConfigureAwait(false);
            nav = view.NetAssetValue;
            cash = view.Cash;
        }
        ReplayStatusView? replay = null;
        if (progress?.View is { } p)
            replay = new ReplayStatusView(p.RunId, p.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), p.Completed, p.Total,
                p.LastDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), p.Finished);
        return new TradingStatusView(Mode, State, AccountId, broker, gateState.Permission.Allowed, gateState.Permission.ReducingOnly, gateState.Permission.Reason,
            gateState.Reconciliation, gateState.Risk, nav, cash, replay);
    }

    public async Task<PositionsResponse> PositionsAsync(CancellationToken cancellationToken)
    {
        var view = await Ledger().Ask<LedgerView>(GetLedger.Instance, askTimeout, cancellationToken).ConfigureAwait(false);
        var positions = view.Positions.Where(p => p.Quantity != 0m).OrderBy(p => p.Symbol).Select(p =>
        {
            decimal? mark = view.Marks.TryGetValue(p.Symbol, out var m) ? m : null;
            var price = mark ?? p.AverageCost;
            return new PositionView(p.Symbol.ToString(), p.Quantity, p.AverageCost, mark, p.Quantity * price, p.Quantity * (price - p.AverageCost));
        }).ToList();
        return new PositionsResponse(view.AccountId, view.AsOf, positions);
    }

    public async Task<OrdersResponse> OrdersAsync(bool openOnly, CancellationToken cancellationToken)
    {
        var account = Account ?? throw NotStarted();
        var orders = await account.Orders.Ask<OrdersView>(new GetOrders(openOnly), askTimeout, cancellationToken).ConfigureAwait(false);
        return new OrdersResponse(orders.AccountId, openOnly, [.. orders.Orders.Select(o => new OrderDto(o.ClientOrderId, o.BrokerOrderId, o.Symbol.ToString(),
            o.Side.ToWire(), o.Type.ToWire(), o.Quantity, o.FilledQuantity, o.AverageFillPrice, o.Status.ToWire(), o.Sleeve, o.RebalanceId, o.Leg,
            o.SubmittedAt, o.UpdatedAt, o.LastError))]);
    }

    public async Task<PnlResponse> PnlAsync(CancellationToken cancellationToken)
    {
        var ledger = Ledger();
        var view = await ledger.Ask<LedgerView>(GetLedger.Instance, askTimeout, cancellationToken).ConfigureAwait(false);
        var daily = await ledger.Ask<PortfolioDailyHistory>(GetPortfolioDaily.Instance, askTimeout, cancellationToken).ConfigureAwait(false);
        var rows = daily.Rows.OrderBy(r => r.Date).ToList();
        // Since the last daily snapshot: the P&L of the day in progress (0 right after a day closed; its P&L is the last row's).
        var dayPnl = rows.Count == 0 ? 0m : view.NetAssetValue - rows[^1].NetAssetValue;
        return new PnlResponse(view.AccountId, view.AsOf, view.NetAssetValue, view.Cash, view.RealisedPnl, view.UnrealisedPnl, view.Fees, dayPnl,
            view.GrossExposure, view.NetExposure, view.FillCount,
            [.. rows.Select(r => new PortfolioDailyView(r.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.NetAssetValue, r.Cash, r.DayPnl, r.RealisedPnl, r.Fees, r.Positions))]);
    }

    /// <summary>The operator's rebalance through the trading day; refused when there is no day or it refuses.</summary>
    public async Task<(bool Accepted, string Message)> RebalanceAsync(string? sleeve, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (Account?.Day is not { } day) return (false, $"Refused: the trading core is {State}; its trading day is not running yet.");
        try
        {
            return await day.Ask<object>(new RebalanceNow(sleeve), timeout, cancellationToken).ConfigureAwait(false) switch
            {
                RebalanceCompleted { Report: var report } when report.Succeeded =>
                    (true, $"Rebalance {report.RebalanceId}: {report.Plan?.Intents.Count ?? 0} orders planned, {report.Accepted} accepted, {report.Refused} refused."),
                RebalanceCompleted { Report: var report } => (false, $"Rebalance {report.RebalanceId} stopped: {report.Error}"),
                RebalanceRefused refused => (false, $"Refused: {refused.Reason}"),
                var other => (false, $"The trading day answered {other.GetType().Name}."),
            };
        }
        catch (AskTimeoutException)
        {
            return (true, $"Rebalance requested; it is still running after {timeout.TotalSeconds:0} s (see `actortrader orders` and the log).");
        }
    }

    /// <summary>The risk manager's state (drawdowns, tripped breakers, trading state); null before the account started or without a risk manager.</summary>
    public async Task<RiskStateView?> RiskAsync(CancellationToken cancellationToken) => Account?.Risk is { } risk
        ? await risk.Ask<RiskStateView>(GetRiskState.Instance, askTimeout, cancellationToken).ConfigureAwait(false)
        : null;

    /// <summary>The last meta-portfolio fit (meta-weights per sleeve, target weights per symbol); null before the first or with other targets.</summary>
    public MetaOutcome? LastMetaOutcome => (core.Targets as MetaScheduleTargets)?.LastOutcome;

    /// <summary>The replay's progress; null in live-clock mode.</summary>
    public ReplayProgressView? ReplayProgress => progress?.View;

    private IActorRef Ledger() => (Account ?? throw NotStarted()).Ledger;

    private InvalidOperationException NotStarted() =>
        new($"The trading core is {State}: the account is not started yet. Fix: wait until `actortrader status` shows it running.");
}
