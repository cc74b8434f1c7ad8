using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Orders;

namespace ActorTrader.Brokers.Paper;

// Buying power. Cash account: cash minus what open buy orders are expected to cost (their limit, else the slipped last
// quote, plus commission). Margin account: multiplier × equity minus gross exposure minus what open orders are expected
// to add to it. Orders whose price is not yet known (a market order before the symbol's first quote) reserve nothing;
// the check at fill time still holds them to what the account can take.
public sealed partial class PaperBroker
{
    private decimal BuyingPower(PaperOrder? excluding)
    {
        var reserved = 0m;
        foreach (var order in _state.OpenOrders)
        {
            if (ReferenceEquals(order, excluding)) continue;
            if (Estimate(order) is not { } price) continue;
            if (_state.Kind == AccountKind.Cash)
            {
                if (order.Side == OrderSide.Buy) reserved += order.Remaining * price + _pricing.Commission(order, _pricing.RawCommission(order.Remaining, price));
            }
            else
            {
                reserved += ExposureAdded(order.Side, order.Remaining, _state.Ledger.QuantityOf(order.Symbol)) * price;
            }
        }
        var available = _state.Kind == AccountKind.Cash
            ? _state.Ledger.Cash - reserved
            : _settings.MarginMultiplier * _state.Equity() - _state.GrossExposure() - reserved;
        return Math.Max(0, available);
    }

    private decimal? Estimate(PaperOrder order) =>
        _pricing.Estimate(order.Side, order.Type, order.LimitPrice, order.StopPrice, _state.MarkOf(order.Symbol));

    /// <summary>Units by which trading <paramref name="quantity"/> grows |position| from <paramref name="position"/> (closing first).</summary>
    private static decimal ExposureAdded(OrderSide side, decimal quantity, decimal position)
    {
        var closing = side == OrderSide.Buy ? Math.Max(0, -position) : Math.Max(0, position);
        return Math.Max(0, quantity - closing);
    }

    /// <summary>Units of <paramref name="side"/> open orders still working in the symbol, except <paramref name="excluding"/>.</summary>
    private decimal Working(PaperOrder? excluding, Domain.Instruments.Symbol symbol, OrderSide side) =>
        _state.OpenOrders.Where(o => o.Symbol == symbol && o.Side == side && !ReferenceEquals(o, excluding)).Sum(o => o.Remaining);

    /// <summary>
    /// At fill time: how much of <paramref name="wanted"/> the account can take at <paramref name="price"/> (in whole
    /// lots). A cash account pays from cash (commission included) and sells only what it holds; a margin account keeps
    /// gross exposure within multiplier × equity and shorts only shortable assets.
    /// </summary>
    private decimal Allowed(PaperOrder order, decimal wanted, decimal price, out string? limit)
    {
        limit = null;
        var held = _state.Ledger.QuantityOf(order.Symbol);
        var lot = order.Lot;
        decimal allowed;
        if (_state.Kind == AccountKind.Cash)
        {
            if (order.Side == OrderSide.Sell)
            {
                allowed = Math.Min(wanted, Math.Max(0, held));
                if (allowed < wanted) limit = $"the cash account holds {Text(held)} {order.Symbol} and cannot go short";
                // A minimum commission above cash plus proceeds would take cash below zero.
                var commission = _pricing.Commission(order, _pricing.RawCommission(allowed, price));
                if (allowed > 0 && _state.Ledger.Cash + allowed * price - commission < 0)
                {
                    limit = $"cash {Text(_state.Ledger.Cash)} plus proceeds {Text(allowed * price)} do not pay the commission {Text(commission)}";
                    return 0;
                }
                return allowed;
            }
            allowed = Affordable(order, wanted, price, _state.Ledger.Cash);
            if (allowed < wanted) limit = $"cash {Text(_state.Ledger.Cash)} pays for {Text(allowed)} at {Text(price)} plus commission";
            return allowed;
        }

        var closing = Math.Min(wanted, order.Side == OrderSide.Buy ? Math.Max(0, -held) : Math.Max(0, held));
        var extra = wanted - closing;
        if (extra == 0) return wanted;
        if (order.Side == OrderSide.Sell && _assets.Find(order.Symbol) is { Shortable: false })
        {
            limit = $"{order.Symbol} is not shortable and the account holds {Text(held)}";
            return closing;
        }
        // Closing first frees gross exposure that the extra units may then use.
        var room = _settings.MarginMultiplier * _state.Equity() - _state.GrossExposure() + closing * price;
        var extraAllowed = room <= 0 ? 0 : Math.Min(extra, Lots(room / price, lot));
        if (extraAllowed < extra) limit = $"buying power {Text(Math.Max(0, room))} allows {Text(extraAllowed)} more units of exposure at {Text(price)}";
        return closing + extraAllowed;
    }

    // Whole lots the cash pays for, commission (with the per-order minimum) included.
    private decimal Affordable(PaperOrder order, decimal wanted, decimal price, decimal cash)
    {
        if (Cost(wanted) <= cash) return wanted;
        if (cash <= 0) return 0;
        var perUnit = price + _pricing.RawCommission(1, price);
        var units = Math.Min(wanted, Lots(cash / perUnit, order.Lot));
        // When the minimum commission binds, the units are what is left after paying it.
        if (units > 0 && Cost(units) > cash) units = Math.Min(units, Lots((cash - _pricing.Commission(order, 0)) / price, order.Lot));
        for (var i = 0; i < 3 && units > 0 && Cost(units) > cash; i++) units -= order.Lot;
        return units > 0 && Cost(units) <= cash ? units : 0;

        decimal Cost(decimal quantity) => quantity * price + _pricing.Commission(order, _pricing.RawCommission(quantity, price));
    }

    private static decimal Lots(decimal quantity, decimal lot) => quantity <= 0 ? 0 : decimal.Truncate(quantity / lot) * lot;
}
