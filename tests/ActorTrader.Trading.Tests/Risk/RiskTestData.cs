using ActorTrader.Brokers.Abstractions;
using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;
using ActorTrader.Trading.Ledger;
using ActorTrader.Trading.Orders;
using ActorTrader.Trading.Risk;
using ActorTrader.Trading.Risk.PreTrade;

namespace ActorTrader.Trading.Tests.Risk;

/// <summary>Ledgers, intents and contexts for the risk tests: account acc-1, prices given per position.</summary>
internal static class RiskTestData
{
    public const string TestAccount = "acc-1";

    public static readonly Symbol Aapl = Symbol.Parse("NASDAQ:AAPL");
    public static readonly Symbol Msft = Symbol.Parse("NASDAQ:MSFT");
    public static readonly Symbol Tsla = Symbol.Parse("NASDAQ:TSLA");

    public static readonly DateTimeOffset At = new(2026, 1, 5, 15, 0, 0, TimeSpan.Zero);

    /// <summary>A consistent view: positions valued at their marks, NAV = cash + net exposure.</summary>
    public static LedgerView LedgerOf(decimal cash, params (Symbol Symbol, decimal Quantity, decimal Mark)[] positions) =>
        LedgerOf(AccountKind.Margin, cash, positions);

    public static LedgerView LedgerOf(AccountKind kind, decimal cash, params (Symbol Symbol, decimal Quantity, decimal Mark)[] positions)
    {
        var net = positions.Sum(p => p.Quantity * p.Mark);
        var gross = positions.Sum(p => Math.Abs(p.Quantity * p.Mark));
        return new LedgerView(
            TestAccount, kind, cash,
            [.. positions.Select(p => new Position(p.Symbol, p.Quantity, p.Mark))],
            positions.ToDictionary(p => p.Symbol, p => p.Mark),
            RealisedPnl: 0m, UnrealisedPnl: 0m, Fees: 0m,
            NetAssetValue: cash + net, GrossExposure: gross, NetExposure: net,
            FillCount: 0, Unmarked: [], AsOf: At);
    }

    /// <summary>The ledger with only its NAV changed (cash absorbs the difference): a mark move for monitoring tests.</summary>
    public static LedgerView WithNav(LedgerView view, decimal nav) => view with { Cash = view.Cash + nav - view.NetAssetValue, NetAssetValue = nav };

    public static OrderIntent Buy(Symbol symbol, decimal quantity, decimal price, string leg = "target") =>
        new(TestAccount, "core", "rb-1", symbol, OrderSide.Buy, quantity, leg, price);

    public static OrderIntent Sell(Symbol symbol, decimal quantity, decimal price, string leg = "target") =>
        new(TestAccount, "core", "rb-1", symbol, OrderSide.Sell, quantity, leg, price);

    /// <summary>The order manager's view of <paramref name="intent"/>, submitted at <paramref name="submittedAt"/> and now in <paramref name="state"/>.</summary>
    public static OrderView OrderOf(OrderIntent intent, OrderState state, DateTimeOffset submittedAt, decimal filled = 0m, string? error = null) =>
        new(intent.ClientOrderId, state.IsAwaitingBroker() ? null : "b-" + intent.ClientOrderId, intent.AccountId, intent.Symbol, intent.Side, intent.Type,
            intent.Quantity, filled, filled > 0m ? intent.ReferencePrice : null, state, intent.Sleeve, intent.RebalanceId, intent.Leg, submittedAt, submittedAt, error, false);

    public static BrokerAsset Asset(Symbol symbol, bool shortable = true, bool tradable = true, string status = "active") =>
        new(symbol, "us_equity", tradable, shortable, EasyToBorrow: shortable, Fractionable: true, status);

    public static RiskContext Context(
        LedgerView ledger,
        TradingState state = TradingState.Active,
        bool marketOpen = true,
        int tradesToday = 0,
        decimal? buyingPower = null,
        params BrokerAsset[] assets) =>
        new(ledger, assets.ToDictionary(a => a.Symbol), ledger.Kind, marketOpen, tradesToday,
            state == TradingState.Active ? TradingStatus.Initial : new TradingStatus(state, "drawdown 10.00%", At, "risk"), buyingPower);

    /// <summary>The standard checks with default limits, or with the changes <paramref name="change"/> makes.</summary>
    public static PreTradeChecks Checks(Func<RiskSettings, RiskSettings>? change = null) =>
        PreTradeChecks.Standard(change is null ? RiskSettings.Default : change(RiskSettings.Default));

    /// <summary>Evaluates one intent; the refusal of <paramref name="rule"/>, or null when that rule passed it.</summary>
    public static PreTradeRefusal? RefusalOf(string rule, OrderIntent intent, RiskContext context, Func<RiskSettings, RiskSettings>? change = null) =>
        Checks(change).Evaluate([intent], context).Refused.SelectMany(r => r.Reasons).SingleOrDefault(r => r.Rule == rule);
}
