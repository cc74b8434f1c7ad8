using System.Collections.Concurrent;
using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Calendar;
using ActorTrader.Domain.Instruments;
using ActorTrader.Trading.Day;
using ActorTrader.Trading.Ledger;
using ActorTrader.Trading.Orders;
using ActorTrader.Trading.Rebalancing;

namespace ActorTrader.Trading.Tests.Day;

/// <summary>One call the day made, with the market clock's time when it came.</summary>
internal sealed record OperationCall(string Name, DateTimeOffset At, object? Argument = null);

/// <summary>
/// The node's side of the trading day, faked: every call is recorded in <see cref="Calls"/> (with the clock's time) before
/// it completes — so by the time the day reports a phase, its calls are in — and then does what the test set up: by
/// default succeed, with a meta target of 50% AAPL and a 100,000 ledger.
/// </summary>
internal sealed class FakeOperations(Func<DateTimeOffset> now) : ITradingDayOperations
{
    public static readonly Symbol Aapl = Symbol.Parse("NASDAQ:AAPL");

    private readonly ConcurrentQueue<OperationCall> _calls = new();

    public IReadOnlyList<OperationCall> Calls => [.. _calls];

    public IReadOnlyList<OperationCall> Named(string name) => [.. _calls.Where(c => c.Name == name)];

    public Func<DateOnly, Task> Reconcile { get; set; } = _ => Task.CompletedTask;

    public Func<DateOnly, Task> RefreshData { get; set; } = _ => Task.CompletedTask;

    public Func<DateOnly, string?, RebalanceTargets> Targets { get; set; } =
        (_, _) => RebalanceTargets.Meta(new TargetWeightSet("meta", 1.0, new Dictionary<Symbol, double> { [Aapl] = 0.5 }, 0.5));

    public LedgerView Ledger { get; set; } = new("acct-1", AccountKind.Cash, 100_000m, [], new Dictionary<Symbol, decimal>(), 0m, 0m, 0m, 100_000m, 0m, 0m, 0, [],
        new DateTimeOffset(2026, 1, 6, 0, 0, 0, TimeSpan.Zero));

    public IReadOnlyDictionary<Symbol, decimal> Prices { get; set; } = new Dictionary<Symbol, decimal> { [Aapl] = 100m };

    /// <summary>The open orders the rebalance sees (none by default).</summary>
    public IReadOnlyList<OrderView> OpenOrders { get; set; } = [];

    private Task Record(string name, object? argument = null)
    {
        _calls.Enqueue(new OperationCall(name, now(), argument));
        return Task.CompletedTask;
    }

    public async Task ReconcileAsync(DateOnly date, CancellationToken cancellationToken)
    {
        await Record("reconcile", date);
        await Reconcile(date);
    }

    public async Task RefreshDataAsync(DateOnly date, CancellationToken cancellationToken)
    {
        await Record("refresh-data", date);
        await RefreshData(date);
    }

    public Task MarketOpenAsync(MarketSession session, CancellationToken cancellationToken) => Record("market-open", session.Date);

    public Task RunStrategiesAsync(DateOnly date, DateTimeOffset at, IReadOnlyList<string> strategies, CancellationToken cancellationToken) =>
        Record("run", (at, string.Join(",", strategies)));

    public async Task<RebalanceTargets> ComputeTargetsAsync(DateOnly date, string? sleeve, CancellationToken cancellationToken)
    {
        await Record("targets", sleeve);
        return Targets(date, sleeve);
    }

    public Task<LedgerView> GetLedgerAsync(CancellationToken cancellationToken) => Task.FromResult(Ledger);

    public async Task<IReadOnlyList<OrderView>> GetOpenOrdersAsync(CancellationToken cancellationToken)
    {
        await Record("open-orders");
        return OpenOrders;
    }

    public async Task<IReadOnlyList<CancelSubmission>> CancelAsync(IReadOnlyList<PlannedCancel> cancels, CancellationToken cancellationToken)
    {
        await Record("cancel", cancels);
        return [.. cancels.Select(c => new CancelSubmission(c.ClientOrderId, true))];
    }

    public Task<IReadOnlyDictionary<Symbol, decimal>> GetPricesAsync(IReadOnlyCollection<Symbol> symbols, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<Symbol, decimal>>(symbols.Where(Prices.ContainsKey).ToDictionary(s => s, s => Prices[s]));

    public async Task<IReadOnlyList<IntentSubmission>> SubmitAsync(IReadOnlyList<OrderIntent> intents, CancellationToken cancellationToken)
    {
        await Record("submit", intents);
        return [.. intents.Select(i => new IntentSubmission(i.ClientOrderId, true))];
    }

    public Task MarketCloseAsync(MarketSession session, CancellationToken cancellationToken) => Record("market-close", session.Date);

    public Task SnapshotAsync(DateOnly date, CancellationToken cancellationToken) => Record("snapshot", date);

    public Task BackupAsync(DateOnly date, CancellationToken cancellationToken) => Record("backup", date);

    public Task WriteReportAsync(TradingDaySummary summary, CancellationToken cancellationToken) => Record("report", summary);
}
