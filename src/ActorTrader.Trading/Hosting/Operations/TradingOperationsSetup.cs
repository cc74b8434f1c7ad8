using ActorTrader.Actors;
using ActorTrader.Brokers.Abstractions;
using ActorTrader.Trading.Accounts;
using ActorTrader.Trading.Clock;
using ActorTrader.Trading.Host.Targets;

namespace ActorTrader.Trading.Host.Operations;

/// <summary>What <see cref="TradingOperations"/> works with.</summary>
/// <param name="System">The node's actor system (asks, the ledger waiter).</param>
/// <param name="Account">The account's actors.</param>
/// <param name="Gate">The trading gate: every submit goes through it.</param>
/// <param name="Targets">Where the rebalance targets come from.</param>
/// <param name="Quotes">The prices traded on.</param>
/// <param name="Clock">The market clock (a replay's virtual one, or the wall clock).</param>
/// <param name="BrokerIsLive">True when orders move real money (then synthetic prices are refused).</param>
public sealed record TradingOperationsSetup(
    ActorSystem System,
    AccountRefs Account,
    IActorRef Gate,
    ITargetSource Targets,
    IMarketQuotes Quotes,
    IMarketClock Clock,
    bool BrokerIsLive)
{
    /// <summary>Hands the quotes to a simulated broker (the paper broker); null for a real one.</summary>
    public IQuotePublisher? Publisher { get; init; }

    /// <summary>The broker's assets for risk's tradable and shortable checks; null gives risk none.</summary>
    public Func<CancellationToken, Task<IReadOnlyList<BrokerAsset>>>? Assets { get; init; }

    /// <summary>Backs the journal up after the daily snapshot; null skips the step (a replay).</summary>
    public Func<DateOnly, CancellationToken, Task>? Backup { get; init; }

    /// <summary>Hears of every completed day.</summary>
    public ITradingDayListener? Listener { get; init; }

    /// <summary>How long one ask of an account actor may take.</summary>
    public TimeSpan AskTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long reconciliation (orders, fills, positions) may take.</summary>
    public TimeSpan ReconcileTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long the ledger may take to book the fills the paper broker made on published quotes.</summary>
    public TimeSpan SyncTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
