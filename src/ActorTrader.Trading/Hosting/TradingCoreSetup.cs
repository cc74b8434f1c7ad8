using ActorTrader.Actors;
using ActorTrader.Brokers.Abstractions;
using ActorTrader.Domain.Calendar;
using ActorTrader.Trading.Accounts;
using ActorTrader.Trading.Day;
using ActorTrader.Trading.Host.Operations;
using ActorTrader.Trading.Host.Targets;
using ActorTrader.Trading.Ledger;
using ActorTrader.Trading.Risk;

namespace ActorTrader.Trading.Host;

/// <summary>What the trading core of a node is made of (role trader), whatever clock it runs on.</summary>
/// <param name="System">The node's actor system, with persistence installed (every event of <see cref="TradingJournal"/> registered).</param>
/// <param name="AccountId">The broker account: names account-&lt;id&gt;, orders-&lt;id&gt;, ledger-&lt;id&gt;, risk-&lt;id&gt;.</param>
/// <param name="BrokerFactory">A fresh broker connection for the broker actor (a <see cref="SharedBroker"/> over the paper broker).</param>
/// <param name="BrokerName">The broker's name for reports.</param>
/// <param name="BrokerIsLive">True when orders move real money.</param>
/// <param name="HaltSource">Answers <see cref="GetOperatorHalt"/> and publishes <see cref="OperatorHalt"/> (the node's control actor).</param>
/// <param name="Calendar">The market's calendar.</param>
/// <param name="Targets">Makes the target source once the sleeves and the meta-portfolio exist (or ignores them).</param>
public sealed record TradingCoreSetup(
    ActorSystem System,
    string AccountId,
    Func<IBroker> BrokerFactory,
    string BrokerName,
    bool BrokerIsLive,
    IActorRef HaltSource,
    IMarketCalendar Calendar,
    Func<TradingActors, ITargetSource> Targets)
{
    public LedgerSettings Ledger { get; init; } = LedgerSettings.Default;

    public RiskSettings Risk { get; init; } = RiskSettings.Default;

    public TradingAccountSettings Account { get; init; } = TradingAccountSettings.Default;

    public TradingDaySettings Day { get; init; } = TradingDaySettings.Default;

    /// <summary>Hands quotes to a simulated broker; null for a real one.</summary>
    public IQuotePublisher? Publisher { get; init; }

    /// <summary>The broker's assets for risk's checks.</summary>
    public Func<CancellationToken, Task<IReadOnlyList<BrokerAsset>>>? Assets { get; init; }

    /// <summary>Props of the sleeves actor (null: no <c>/user/trading/sleeves</c> and no meta).</summary>
    public Func<IActorRef, Props>? Meta { get; init; }

    /// <summary>Props of the sleeve actor per sleeve name (the sleeve files); null: no sleeves.</summary>
    public Func<string, Props>? Sleeves { get; init; }

    /// <summary>How long an ask of an account actor may take.</summary>
    public TimeSpan AskTimeout { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>The actors under <c>/user/trading</c> made before the account: the root, the gate, the sleeves and the meta (null when not configured).</summary>
public sealed record TradingActors(IActorRef Root, IActorRef Gate, IActorRef? Sleeves, IActorRef? Meta);
