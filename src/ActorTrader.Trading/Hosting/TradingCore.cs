using ActorTrader.Actors;
using ActorTrader.Domain.Calendar;
using ActorTrader.Trading.Clock;
using ActorTrader.Trading.Accounts;
using ActorTrader.Trading.Host.Operations;
using ActorTrader.Trading.Host.Targets;
using ActorTrader.Trading.Ledger;
using ActorTrader.Trading.Meta;
using ActorTrader.Trading.Risk;

namespace ActorTrader.Trading.Host;

/// <summary>
/// The running trading core: <c>/user/trading</c> with <c>gate-&lt;id&gt;</c>, <c>sleeves</c>, <c>meta</c> and
/// <c>account-&lt;id&gt;</c> (broker, orders, ledger, risk, day). Built in two steps: <see cref="PrepareAsync"/> makes
/// everything that exists before the account (so the targets can be computed before the first day), then
/// <see cref="StartAccountAsync"/> starts the account with the trading day's Props and attaches it to the gate.
/// The folder is Hosting; the namespace is Host because a namespace ActorTrader.Trading.Hosting would hide
/// ActorTrader.Hosting from every file under ActorTrader.Trading that names it partially.
/// </summary>
public sealed class TradingCore
{
    private TradingCore(TradingCoreSetup setup, TradingActors actors, ITargetSource targets)
    {
        Setup = setup;
        Actors = actors;
        Targets = targets;
    }

    public TradingCoreSetup Setup { get; }

    public TradingActors Actors { get; }

    public ITargetSource Targets { get; }

    private volatile AccountRefs? _account;

    /// <summary>The account's actors once <see cref="StartAccountAsync"/> ran; null before.</summary>
    public AccountRefs? Account => _account;

    public IActorRef Gate => Actors.Gate;

    public static async Task<TradingCore> PrepareAsync(TradingCoreSetup setup, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var root = setup.System.ActorOf(TradingRoot.CreateProps(), TradingRoot.Name);
        var gate = await Create(root, TradingGate.CreateProps(setup.AccountId, setup.HaltSource), TradingGate.NameOf(setup.AccountId), setup, cancellationToken).ConfigureAwait(false);
        IActorRef? sleeves = null, meta = null;
        if (setup.Sleeves is { } sleeveProps)
        {
            sleeves = await Create(root, SleevesActor.CreateProps(sleeveProps), SleevesActor.Name, setup, cancellationToken).ConfigureAwait(false);
            if (setup.Meta is { } metaProps)
                meta = await Create(root, metaProps(sleeves), MetaPortfolioActor.Name, setup, cancellationToken).ConfigureAwait(false);
        }
        var actors = new TradingActors(root, gate, sleeves, meta);
        return new TradingCore(setup, actors, setup.Targets(actors));
    }

    /// <summary>Creates another child of <c>/user/trading</c> (e.g. a replay's cursor).</summary>
    public Task<IActorRef> CreateChildAsync(Props props, string name, CancellationToken cancellationToken = default) =>
        Create(Actors.Root, props, name, Setup, cancellationToken);

    /// <summary>
    /// Starts <c>account-&lt;id&gt;</c> with the ledger, the risk manager (whose order manager is the gate; it reads the
    /// market as <paramref name="riskCalendar"/> says) and the day from <paramref name="day"/> (null: no trading day), and
    /// attaches the account to the gate.
    /// </summary>
    public async Task<AccountRefs> StartAccountAsync(Func<AccountRefs, Props>? day, IMarketCalendar riskCalendar, CancellationToken cancellationToken = default)
    {
        var setup = Setup;
        var id = setup.AccountId;
        var gate = Actors.Gate;
        var props = new AccountProps(
            id,
            setup.BrokerFactory,
            () => LedgerActor.CreateProps(id, setup.Ledger),
            refs => RiskActor.CreateProps(id, setup.Risk, gate, riskCalendar, refs.Ledger),
            day is null ? null : refs => DayHost.CreateProps(day(refs)))
        {
            Settings = setup.Account,
            // The gate alone tells the order manager whether it may trade; the account tells the gate what it found.
            PermissionGate = gate,
        };
        var account = await Create(Actors.Root, AccountActor.CreateProps(props), AccountActor.NameOf(id), setup, cancellationToken).ConfigureAwait(false);
        var refs = await account.Ask<AccountRefs>(GetAccountRefs.Instance, setup.AskTimeout, cancellationToken).ConfigureAwait(false);
        gate.Tell(new AttachAccount(refs), ActorRefs.NoSender);
        _account = refs;
        return refs;
    }

    /// <summary>The operations a trading day of this core runs with, over <paramref name="quotes"/> on <paramref name="clock"/>.</summary>
    public TradingOperations Operations(AccountRefs refs, IMarketQuotes quotes, IMarketClock clock, ITradingDayListener? listener,
        Func<DateOnly, CancellationToken, Task>? backup = null) =>
        new(new TradingOperationsSetup(Setup.System, refs, Actors.Gate, Targets, quotes, clock, Setup.BrokerIsLive)
        {
            Publisher = Setup.Publisher,
            Assets = Setup.Assets,
            Listener = listener,
            Backup = backup,
            AskTimeout = Setup.AskTimeout,
        });

    private static Task<IActorRef> Create(IActorRef root, Props props, string name, TradingCoreSetup setup, CancellationToken cancellationToken) =>
        root.Ask<IActorRef>(new CreateTradingChild(props, name), setup.AskTimeout, cancellationToken);
}
