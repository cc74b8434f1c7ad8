using System.Globalization;
using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;
using ActorTrader.Trading.Ledger;
using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Rebalancing;

/// <summary>
/// Turns target weights into orders, as a pure function of the targets, the ledger, the prices and the orders still open.
/// First it checks every weight set (finite, long-only when the account is, Σ weights + cash = 1 with cash ≥ 0, a price for
/// every weighted symbol, capital shares adding up to at most 1) and refuses the whole rebalance — no intents at all — when
/// one fails. Then it nets the sets into one account weight per symbol (Σ share × weight), so two sleeves that disagree
/// cost one order, not two; sizes each symbol's move from the held quantity plus what its open orders still have to fill
/// to weight × NAV / price, rounded towards that quantity to whole lots (a target of zero sells or covers exactly what is
/// held); skips moves below one lot or below the minimum notional and says why; and orders the intents sells first, then
/// by symbol. A position that flips from long to short (or back) becomes two orders of one side: a <c>close</c> leg that
/// only reduces exposure, then a <c>target</c> leg that opens the new side. Client order ids follow from (account, sleeve,
/// rebalance id, symbol, side, leg), so the same plan always has the same ids and a re-run of a rebalance places nothing twice.
/// <para>
/// Open orders (of any sleeve, netted per symbol like the weights) count as if filled while they still fit: they move the
/// position the way the target needs and not past it by a lot or more. Then only the rest is ordered, so a second
/// rebalance before the first one's orders filled does not double them. Open orders that no longer fit (the other way,
/// or past the target) are not amended in place: the plan cancels those a rebalance placed (legs <c>target</c> and
/// <c>close</c>) and orders nothing new for the symbol this time, because a replacement sent before the broker confirmed
/// the cancel could fill alongside the old order (double exposure) or be refused as a wash trade. The next rebalance plans
/// the symbol again from the position and the orders open then. Orders of risk's automatic actions, the operator's flatten
/// or adopted broker orders are never cancelled by a rebalance; their symbol waits for them in the same way.
/// </para>
/// </summary>
public sealed class RebalancePlanner
{
    public const string TargetLeg = "target";
    public const string CloseLeg = "close";

    // Far beyond any sane weight; keeps the decimal arithmetic below in range.
    private const double MaxAbsWeight = 1000;

    private readonly RebalanceSettings _settings;

    public RebalancePlanner(RebalanceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.EquityLot <= 0 || settings.FractionalLot <= 0)
            throw new ArgumentException($"Lots must be positive (equity {settings.EquityLot}, fractional {settings.FractionalLot}).", nameof(settings));
        if (settings.MinNotional < 0) throw new ArgumentException($"Minimum notional {settings.MinNotional} is negative.", nameof(settings));
        if (!(settings.WeightTolerance >= 0)) throw new ArgumentException($"Weight tolerance {settings.WeightTolerance} is not a non-negative number.", nameof(settings));
        _settings = settings;
    }

    public RebalanceSettings Settings => _settings;

    /// <param name="rebalanceId">Identifies this rebalance in the client order ids (e.g. <c>2026-11-20T15:45Z</c>).</param>
    /// <param name="targets">The weight sets to move towards.</param>
    /// <param name="ledger">The account now: NAV, held positions, marks (a fallback price for held symbols).</param>
    /// <param name="prices">The latest price of each symbol to trade.</param>
    /// <param name="openOrders">The account's orders that may still fill (the order manager's open orders); null for none.</param>
    public RebalancePlan Plan(string rebalanceId, RebalanceTargets targets, LedgerView ledger, IReadOnlyDictionary<Symbol, decimal> prices,
        IReadOnlyList<OrderView>? openOrders = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rebalanceId);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(prices);

        var nav = ledger.NetAssetValue;
        var errors = Validate(targets, ledger, prices);
        if (errors.Count > 0) return RebalancePlan.Invalid(rebalanceId, nav, errors);

        var weights = NetWeights(targets);
        var held = ledger.Positions.Where(p => p.Quantity != 0).ToDictionary(p => p.Symbol, p => p.Quantity);
        var working = (openOrders ?? [])
            .Where(o => o.Status.IsOpen() && o.Quantity > o.FilledQuantity)
            .GroupBy(o => o.Symbol)
            .ToDictionary(g => g.Key, g => g.OrderBy(o => o.ClientOrderId, StringComparer.Ordinal).ToList());
        var symbols = weights.Keys.Union(held.Keys).Union(working.Keys).Order().ToList();
        var sleeve = targets.IntentSleeve;
        var intents = new List<OrderIntent>();
        var cancels = new List<PlannedCancel>();
        var skipped = new List<SkippedTrade>();
        var positions = new List<PlannedPosition>();
        foreach (var symbol in symbols)
        {
            var weight = weights.GetValueOrDefault(symbol);
            var current = held.GetValueOrDefault(symbol);
            var open = working.GetValueOrDefault(symbol) ?? [];
            var pending = open.Sum(o => Remaining(o));
            var price = PriceOf(symbol, prices, ledger);
            // Only an unweighted symbol can lack a price here (a weighted one without a price is an error above): its target is 0.
            var target = price is { } known ? weight.Decimal * nav / known : 0m;
            if (open.Count > 0 && !Fits(pending, target - current, _settings.LotOf(symbol)))
            {
                skipped.Add(Unfit(symbol, open, current, pending, target, price, cancels));
                positions.Add(new PlannedPosition(symbol, weight.Double, price ?? 0m, current, Normalize(target), Normalize(current + pending), Normalize(pending)));
                continue;
            }
            var planned = current + pending;
            if (price is not { } quote)
            {
                skipped.Add(new SkippedTrade(symbol, planned > 0 ? OrderSide.Sell : OrderSide.Buy, Math.Abs(planned), 0m,
                    $"no price for {symbol}, so its position of {Text(planned)} is left as it is. Fix: make sure the data or the broker quotes {symbol}."));
                continue;
            }
            var openNote = pending == 0 ? "" : $" ({Text(current)} held, {Text(pending)} on open orders)";
            foreach (var leg in Legs(symbol, planned, target))
            {
                var notional = leg.Quantity * quote;
                if (leg.Quantity == 0)
                {
                    skipped.Add(new SkippedTrade(symbol, leg.Side, leg.Raw, leg.Raw * quote,
                        $"the move of {Text(leg.Raw)} is less than one lot of {Text(_settings.LotOf(symbol))}"));
                    continue;
                }
                if (notional < _settings.MinNotional)
                {
                    skipped.Add(new SkippedTrade(symbol, leg.Side, leg.Quantity, notional,
                        $"notional {Money(notional)} is below min-notional {Money(_settings.MinNotional)}"));
                    continue;
                }
                var after = planned + (leg.Side == OrderSide.Buy ? leg.Quantity : -leg.Quantity);
                intents.Add(new OrderIntent(
                    ledger.AccountId, sleeve, rebalanceId, symbol, leg.Side, Normalize(leg.Quantity), leg.Name, quote,
                    TimeInForce: symbol.Exchange == Exchanges.Crypto ? TimeInForce.Gtc : TimeInForce.Day,
                    ReducesExposure: leg.Reduces,
                    Reason: string.Create(CultureInfo.InvariantCulture,
                        $"rebalance {rebalanceId}: {Text(planned)}{openNote} -> {Text(after)} (account weight {weight.Double:0.####} at {Money(quote)})")));
                planned = after;
            }
            positions.Add(new PlannedPosition(symbol, weight.Double, quote, current, Normalize(target), Normalize(planned), Normalize(pending)));
        }
        var ordered = intents
            .OrderBy(i => i.Side == OrderSide.Sell ? 0 : 1)
            .ThenBy(i => i.Symbol)
            .ThenBy(i => i.Leg == CloseLeg ? 0 : 1)
            .ToList();
        return new RebalancePlan(rebalanceId, nav, ordered, skipped, positions, []) { Cancels = cancels };
    }

    /// <summary>
    /// Open orders fit while they move the position the way the target needs and overshoot it by less than one lot (what
    /// lot rounding alone can explain).
    /// </summary>
    private static bool Fits(decimal pending, decimal needed, decimal lot) =>
        pending != 0 && Math.Sign(pending) == Math.Sign(needed) && Math.Abs(pending) - Math.Abs(needed) < lot;

    /// <summary>Cancels the symbol's rebalance orders that no longer fit and says why nothing new is ordered for it.</summary>
    private SkippedTrade Unfit(Symbol symbol, List<OrderView> open, decimal current, decimal pending, decimal target, decimal? price, List<PlannedCancel> cancels)
    {
        var needed = target - current;
        var side = needed >= 0 ? OrderSide.Buy : OrderSide.Sell;
        var quantity = Lots(Math.Abs(needed), _settings.LotOf(symbol));
        var why = $"open orders still to fill {Text(pending)} of {symbol}, but the target of {Text(target)} needs {Text(needed)} from the {Text(current)} held";
        var owned = open.Where(IsRebalanceOrder).ToList();
        foreach (var order in owned)
            cancels.Add(new PlannedCancel(order.ClientOrderId, symbol, $"{why}; cancelled by the rebalance"));
        var kept = open.Where(o => !IsRebalanceOrder(o)).Select(o => $"{o.ClientOrderId} (sleeve {o.Sleeve}, leg {o.Leg})").ToList();
        var done = owned.Count == 0 ? "" : $"{string.Join(", ", owned.Select(o => o.ClientOrderId))} {(owned.Count == 1 ? "is" : "are")} cancelled";
        var left = kept.Count == 0 ? "" : $"{string.Join(", ", kept)} {(kept.Count == 1 ? "is not a rebalance's order and is" : "are not a rebalance's orders and are")} left working";
        return new SkippedTrade(symbol, side, quantity, quantity * (price ?? 0m),
            $"{why}: {string.Join("; ", new[] { done, left }.Where(t => t.Length > 0))}. Nothing new is ordered for {symbol} until the next rebalance, " +
            "so no order can fill alongside one being cancelled.");
    }

    private static bool IsRebalanceOrder(OrderView order) => !order.Adopted && order.Leg is TargetLeg or CloseLeg;

    /// <summary>What an open order still has to fill, signed (buys positive).</summary>
    private static decimal Remaining(OrderView order) => (order.Side == OrderSide.Buy ? 1 : -1) * (order.Quantity - order.FilledQuantity);

    private List<string> Validate(RebalanceTargets targets, LedgerView ledger, IReadOnlyDictionary<Symbol, decimal> prices)
    {
        var errors = new List<string>();
        var tolerance = _settings.WeightTolerance;
        if (ledger.NetAssetValue <= 0)
        {
            errors.Add($"Account {ledger.AccountId}: net asset value is {Money(ledger.NetAssetValue)}, so there is nothing to allocate. " +
                       "Fix: fund the account, or reconcile the ledger with the broker if the value is wrong.");
        }
        var longOnly = _settings.LongOnly || ledger.Kind == AccountKind.Cash;
        var why = ledger.Kind == AccountKind.Cash ? $"account {ledger.AccountId} is a cash account" : "actortrader.trading.day.rebalance.long-only is on";
        foreach (var duplicate in targets.Sets.GroupBy(s => s.Name, StringComparer.Ordinal).Where(g => g.Count() > 1))
            errors.Add($"Sleeve {duplicate.Key} is given {duplicate.Count()} times. Fix: give each sleeve's target once.");
        foreach (var set in targets.Sets)
        {
            var name = set.Name == RebalanceTargets.MetaName ? "The meta-portfolio" : $"Sleeve {set.Name}";
            if (!double.IsFinite(set.CapitalShare) || set.CapitalShare < 0 || set.CapitalShare > 1 + tolerance)
                errors.Add($"{name}: capital share is {Number(set.CapitalShare)}; it must be in [0, 1]. Fix: give the sleeve's fraction of the account, e.g. 0.5.");
            var finite = true;
            foreach (var (symbol, weight) in set.Weights.OrderBy(kv => kv.Key))
            {
                if (!double.IsFinite(weight) || Math.Abs(weight) > MaxAbsWeight)
                {
                    finite = false;
                    errors.Add($"{name}: the weight of {symbol} is {Number(weight)}. Fix: rerun the sleeve; a target holds finite weights of the sleeve's capital, such as 0.25.");
                    continue;
                }
                if (longOnly && weight < 0)
                    errors.Add($"{name}: the weight of {symbol} is {Number(weight)}, a short, but {why}. Fix: turn short legs off for this sleeve, or trade it on a margin account with long-only = off.");
                if (weight != 0 && PriceOf(symbol, prices, ledger) is null)
                    errors.Add($"{name}: {symbol} has weight {Number(weight)} but no price, so it is unknown to the data and the broker. Fix: check the symbol (EXCHANGE:TICKER), or drop it from the sleeve's universe.");
            }
            if (!double.IsFinite(set.Cash) || Math.Abs(set.Cash) > MaxAbsWeight)
            {
                finite = false;
                errors.Add($"{name}: the cash weight is {Number(set.Cash)}. Fix: set cash = 1 − Σ weights.");
            }
            else if (set.Cash < -tolerance)
            {
                // Σ weights + cash = 1 would still hold: the weights ask for more than the capital, on borrowed money.
                errors.Add($"{name}: the cash weight is {Number(set.Cash)}, so the weights add up to {Number(1 - set.Cash)} of the capital: leverage, which a target may not ask for. " +
                           "Fix: scale the weights down so that they add up to 1 or less and the cash weight is 0 or more.");
            }
            var sum = set.Weights.Values.Sum();
            if (finite && Math.Abs(sum + set.Cash - 1) > tolerance)
            {
                errors.Add($"{name}: target weights sum to {Number(sum + set.Cash)} (weights {Number(sum)} + cash {Number(set.Cash)}), not 1 ± {Number(tolerance)}. " +
                           "Fix: normalise the weights so that they and the cash weight add up to 1 (cash = 1 − Σ weights; weights above 1 in total are leverage, which a target may not ask for).");
            }
        }
        var shares = targets.Sets.Sum(s => s.CapitalShare);
        if (targets.Sets.Count > 1 && double.IsFinite(shares) && shares > 1 + tolerance)
        {
            var list = string.Join(", ", targets.Sets.Select(s => $"{s.Name} {Number(s.CapitalShare)}"));
            errors.Add($"The sleeves' capital shares sum to {Number(shares)} ({list}); together they may allocate at most the whole account. Fix: scale the shares so they add up to 1 or less.");
        }
        return errors;
    }

    // Σ over sets of share × weight, in decimal, summed in set-name order so the result never depends on input order.
    private static Dictionary<Symbol, NetWeight> NetWeights(RebalanceTargets targets)
    {
        var result = new Dictionary<Symbol, NetWeight>();
        foreach (var set in targets.Sets)
        {
            foreach (var (symbol, weight) in set.Weights)
            {
                var previous = result.GetValueOrDefault(symbol);
                result[symbol] = new NetWeight(previous.Decimal + (decimal)set.CapitalShare * (decimal)weight, previous.Double + set.CapitalShare * weight);
            }
        }
        return result;
    }

    private IEnumerable<Leg> Legs(Symbol symbol, decimal current, decimal target)
    {
        var lot = _settings.LotOf(symbol);
        if (current != 0 && Math.Sign(target) == -Math.Sign(current))
        {
            // Crossing zero: close what is held (reduces exposure, allowed while risk only permits reducing), then open the other side.
            var side = current > 0 ? OrderSide.Sell : OrderSide.Buy;
            yield return new Leg(CloseLeg, side, Math.Abs(current), Math.Abs(current), true);
            yield return new Leg(TargetLeg, side, Lots(Math.Abs(target), lot), Math.Abs(target), false);
            yield break;
        }
        if (target == 0)
        {
            if (current != 0) yield return new Leg(CloseLeg, current > 0 ? OrderSide.Sell : OrderSide.Buy, Math.Abs(current), Math.Abs(current), true);
            yield break;
        }
        var delta = target - current;
        if (delta == 0) yield break;
        yield return new Leg(TargetLeg, delta > 0 ? OrderSide.Buy : OrderSide.Sell, Lots(Math.Abs(delta), lot), Math.Abs(delta), Math.Abs(target) < Math.Abs(current));
    }

    private static decimal? PriceOf(Symbol symbol, IReadOnlyDictionary<Symbol, decimal> prices, LedgerView ledger)
    {
        if (prices.TryGetValue(symbol, out var price) && price > 0) return price;
        return ledger.Marks.TryGetValue(symbol, out var mark) && mark > 0 ? mark : null;
    }

    // Whole lots, rounded towards zero: a move never overshoots its target.
    private static decimal Lots(decimal quantity, decimal lot) => Normalize(Math.Floor(quantity / lot) * lot);

    // Drops trailing zeros (125.0000 → 125) so quantities print and compare as written.
    private static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    private static string Text(decimal value) => Normalize(value).ToString(CultureInfo.InvariantCulture);

    private static string Money(decimal value) => value.ToString("0.00##", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    private readonly record struct NetWeight(decimal Decimal, double Double);

    /// <param name="Quantity">The lot-rounded quantity to trade (0 when less than one lot).</param>
    /// <param name="Raw">The exact move before rounding.</param>
    private sealed record Leg(string Name, OrderSide Side, decimal Quantity, decimal Raw, bool Reduces);
}
