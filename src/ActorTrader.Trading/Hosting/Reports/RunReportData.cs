using ActorTrader.Brokers.Abstractions;
using ActorTrader.Trading.Host.Replay;
using ActorTrader.Trading.Ledger;
using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Host.Reports;

/// <summary>Everything the report of a trading run shows (a replay's, or a live node's on demand).</summary>
/// <param name="RunId">The run's id (its directory under data/runs).</param>
/// <param name="Mode">replay or live.</param>
/// <param name="Profile">The meta profile the targets came from.</param>
/// <param name="Broker">The broker's name (paper, alpaca-paper, ...).</param>
/// <param name="Source">Where the prices came from.</param>
/// <param name="Synthetic">True when the prices were generated.</param>
/// <param name="InitialCash">The ledger's opening cash (the NAV returns are measured from).</param>
/// <param name="Daily">The ledger's portfolio_daily rows, oldest first.</param>
/// <param name="Days">The replay cursor's completed days (orders and fills per day), oldest first.</param>
/// <param name="Orders">Every order of the order manager.</param>
/// <param name="Fills">Every execution booked by the ledger, in booking order.</param>
/// <param name="Ledger">The ledger at the end.</param>
/// <param name="BrokerPositions">The broker's positions at the end (null when they could not be read).</param>
public sealed record RunReportData(
    string RunId,
    string Mode,
    string Profile,
    string Broker,
    string Source,
    bool Synthetic,
    decimal InitialCash,
    IReadOnlyList<PortfolioDailyRow> Daily,
    IReadOnlyList<ReplayDayCompleted> Days,
    IReadOnlyList<OrderView> Orders,
    IReadOnlyList<LedgerFillBooked> Fills,
    LedgerView Ledger,
    IReadOnlyList<BrokerPosition>? BrokerPositions)
{
    /// <summary>Symbols of the universe the prices did not cover (left in cash).</summary>
    public IReadOnlyList<string> Dropped { get; init; } = [];

    /// <summary>Facts shown in the report's header table (start, days, meta-weights, ...), sorted by key.</summary>
    public IReadOnlyDictionary<string, string> Notes { get; init; } = new Dictionary<string, string>();
}
