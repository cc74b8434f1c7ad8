using ActorTrader.Domain.Instruments;
using ActorTrader.Trading.Orders;

namespace ActorTrader.Trading.Risk.PreTrade.Rules;

/// <summary>
/// When the allow list is not empty, only its symbols may be bought into or sold short. Reducing a position outside it
/// still passes, so a symbol dropped from the list can be wound down.
/// </summary>
public sealed class AllowListRule(IReadOnlyCollection<Symbol> allowed) : ExposureIncreasingRule
{
    private readonly HashSet<Symbol> _allowed = [.. allowed ?? throw new ArgumentNullException(nameof(allowed))];

    public override string Name => "allow-list";

    protected override PreTradeRefusal? CheckIncreasing(OrderIntent intent, RiskContext context)
    {
        if (_allowed.Count == 0 || _allowed.Contains(intent.Symbol)) return null;
        return Refuse(intent, null, null,
            $"{RiskText.Order(intent)} is refused: {intent.Symbol} is not on the allow list (actortrader.risk.allow-list has {_allowed.Count} symbol{(_allowed.Count == 1 ? "" : "s")}).",
            $"Add {intent.Symbol} to actortrader.risk.allow-list, or empty the list to allow every symbol.");
    }
}
