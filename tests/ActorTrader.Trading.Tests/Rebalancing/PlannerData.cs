using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Instruments;
using ActorTrader.Trading.Ledger;
using ActorTrader.Trading.Rebalancing;

namespace ActorTrader.Trading.Tests.Rebalancing;

/// <summary>Ledgers, prices and weight sets for the planner tests.</summary>
internal static class PlannerData
{
    public const string Account = "acct-1";

    public static readonly Symbol Aapl = Symbol.Parse("NASDAQ:AAPL");
    public static readonly Symbol Msft = Symbol.Parse("NASDAQ:MSFT");
    public static readonly Symbol Tsla = Symbol.Parse("NASDAQ:TSLA");
    public static readonly Symbol Btc = Symbol.Parse("CRYPTO:BTC/USD");

    public static LedgerView LedgerOf(decimal nav, AccountKind kind = AccountKind.Margin, params (Symbol Symbol, decimal Quantity)[] positions) =>
        new(Account, kind, nav, [.. positions.Select(p => new Position(p.Symbol, p.Quantity, 10m))], new Dictionary<Symbol, decimal>(),
            0m, 0m, 0m, nav, 0m, 0m, 0, [], new DateTimeOffset(2026, 1, 6, 20, 45, 0, TimeSpan.Zero));

    public static Dictionary<Symbol, decimal> Prices(params (Symbol Symbol, decimal Price)[] prices) => prices.ToDictionary(p => p.Symbol, p => p.Price);

    public static TargetWeightSet Set(string name, double share, double cash, params (Symbol Symbol, double Weight)[] weights) =>
        new(name, share, weights.ToDictionary(w => w.Symbol, w => w.Weight), cash);

    public static RebalancePlanner Planner(RebalanceSettings? settings = null) => new(settings ?? RebalanceSettings.Default);
}
