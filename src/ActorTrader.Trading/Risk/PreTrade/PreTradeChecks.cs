using ActorTrader.Trading.Orders;
using ActorTrader.Trading.Risk.PreTrade.Rules;

namespace ActorTrader.Trading.Risk.PreTrade;

/// <summary>
/// Runs every rule on every intent of a batch; pure. Intents that really reduce a position (marked
/// <c>ReducesExposure</c>) are judged first, so a rebalance's sells free cash and exposure for its buys; the rest follow
/// in the order given. An approved intent moves the context for the next (<see cref="RiskContext.After"/>); a refused one
/// does not. A refused intent lists every rule that refused it.
/// </summary>
public sealed class PreTradeChecks
{
    public PreTradeChecks(IEnumerable<IPreTradeRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Rules = [.. rules];
    }

    public IReadOnlyList<IPreTradeRule> Rules { get; }

    /// <summary>The standard rules with the limits of <paramref name="settings"/>, cheapest and most fundamental first.</summary>
    public static PreTradeChecks Standard(RiskSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new PreTradeChecks(
        [
            new AccountRule(),
            new TradingStateRule(),
            new ReducesExposureClaimRule(),
            new MarketOpenRule(settings.AllowWhenMarketClosed),
            new DenyListRule(settings.DenyList),
            new TradableAssetRule(),
            new AllowListRule(settings.AllowList),
            new ConfidenceRule(settings.MinConfidence),
            new PositiveNavRule(),
            new MinNotionalRule(settings.MinNotional),
            new OrderNotionalCapRule(settings.MaxOrderWeight),
            new PositionWeightCapRule(settings.MaxPositionWeight),
            new GrossExposureRule(settings.MaxGrossExposure),
            new NetExposureRule(settings.MaxNetExposure),
            new ShortSaleRule(),
            new BuyingPowerRule(settings.MarginMultiplier),
            new DailyTradeCountRule(settings.MaxTradesPerDay),
        ]);
    }

    public PreTradeResult Evaluate(IReadOnlyList<OrderIntent> intents, RiskContext context)
    {
        ArgumentNullException.ThrowIfNull(intents);
        ArgumentNullException.ThrowIfNull(context);
        var refusals = new IReadOnlyList<PreTradeRefusal>?[intents.Count];
        var approved = new bool[intents.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var order = Enumerable.Range(0, intents.Count)
            .OrderBy(i => intents[i] is { ReducesExposure: true } intent && OrderValues.Problem(intent) is null && context.IsReduction(intent) ? 0 : 1)
            .ThenBy(i => i);
        foreach (var i in order)
        {
            var intent = intents[i] ?? throw new ArgumentException($"Intent {i} of the batch is null. Fix: send only intents.", nameof(intents));
            if (OrderValues.Problem(intent) is { } problem)
            {
                refusals[i] = [problem];
                continue;
            }
            if (!seen.Add(intent.ClientOrderId))
            {
                refusals[i] = [OrderValues.Duplicate(intent)];
                continue;
            }
            var found = Rules.Select(rule => rule.Check(intent, context)).OfType<PreTradeRefusal>().ToArray();
            if (found.Length > 0)
            {
                refusals[i] = found;
                continue;
            }
            approved[i] = true;
            context = context.After(intent);
        }
        return new PreTradeResult(
            [.. Enumerable.Range(0, intents.Count).Where(i => approved[i]).Select(i => intents[i])],
            [.. Enumerable.Range(0, intents.Count).Where(i => !approved[i]).Select(i => new RefusedOrder(intents[i], refusals[i]!))]);
    }
}
