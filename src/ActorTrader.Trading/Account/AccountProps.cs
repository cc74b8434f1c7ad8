using ActorTrader.Actors;
using ActorTrader.Brokers.Abstractions;

namespace ActorTrader.Trading.Accounts;

/// <summary>
/// What an account actor is made of. The broker actor and the order manager are built here; the ledger, risk manager and
/// trading day come as Props factories from their own work, so the account does not depend on their constructors.
/// </summary>
/// <param name="AccountId">The broker account (names the actors and journals: account-&lt;id&gt;, orders-&lt;id&gt;).</param>
/// <param name="BrokerFactory">Makes a fresh broker connection; called again after every connection failure.</param>
/// <param name="Ledger">Props of the ledger (it must speak LedgerActor.Messages: BookFill, ReconcilePositions, ...).</param>
/// <param name="Risk">Props of the risk manager, given the refs made before it; null for none.</param>
/// <param name="Day">Props of the trading-day orchestrator, given every ref (Risk null when there is no risk manager); null for none.</param>
public sealed record AccountProps(
    string AccountId,
    Func<IBroker> BrokerFactory,
    Func<Props> Ledger,
    Func<AccountRefs, Props>? Risk = null,
    Func<AccountRefs, Props>? Day = null)
{
    public TradingAccountSettings Settings { get; init; } = TradingAccountSettings.Default;

    /// <summary>
    /// The one actor that tells the order manager whether trading is permitted (the node's trading gate), or null for an
    /// account on its own. When set, the account never sends the order manager a <c>TradingPermission</c>: it tells this
    /// actor each reconciliation outcome (<c>StartupReconciliationSucceeded</c> / <c>StartupReconciliationFailed</c>) and
    /// each stopped child (<see cref="AccountAlert"/>), and the gate merges them with the operator's halt and risk's state.
    /// The order manager stays closed until then by its own default (fail closed), and after every (re)start it tells this
    /// actor <c>OrderManagerStarted</c> to be told the current permission again.
    /// </summary>
    public IActorRef? PermissionGate { get; init; }
}

/// <summary>The account's actors (answer to <see cref="GetAccountRefs"/>, and what the risk and day factories get).</summary>
public sealed record AccountRefs(string AccountId, IActorRef Account, IActorRef Broker, IActorRef Ledger, IActorRef Orders, IActorRef? Risk, IActorRef? Day);
