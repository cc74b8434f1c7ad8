using ActorTrader.Domain.Instruments;
using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Risk.PreTrade.Rules;

/// <summary>
/// A restricted list: no order may trade a denied symbol, reducing ones included (a compliance restriction forbids
/// selling too). A position in a denied symbol is wound down by an operator or by risk's automatic actions, which go to
/// the order manager directly and are not pre-trade checked.
/// </summary>
public sealed class DenyListRule(IReadOnlyCollection<Symbol> denied) : IPreTradeRule
{
    private readonly HashSet<Symbol> _denied = [.. denied ?? throw new ArgumentNullException(nameof(denied))];

    public string Name => "deny-list";

    public PreTradeRefusal? Check(OrderIntent intent, RiskContext context)
    {
        ArgumentNullException.ThrowIfNull(intent);
        if (!_denied.Contains(intent.Symbol)) return null;
        return new PreTradeRefusal(Name, intent.ClientOrderId, intent.Symbol, null, null,
            $"{RiskText.Order(intent)} is refused: {intent.Symbol} is on the deny list (actortrader.risk.deny-list), which blocks every order in it, reducing ones included.",
            $"Drop the order, or remove {intent.Symbol} from actortrader.risk.deny-list.");
    }
}
