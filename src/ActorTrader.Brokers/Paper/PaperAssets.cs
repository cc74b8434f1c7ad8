using ActorTrader.Brokers.Abstractions;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Brokers.Paper;

/// <summary>
/// The assets the paper broker trades: the configured list, or — when the list is empty — every symbol. All are
/// tradable and fractionable; all are shortable except the configured not-shortable ones.
/// </summary>
internal sealed class PaperAssets(PaperBrokerSettings settings)
{
    private readonly HashSet<Symbol> _listed = [.. settings.Assets];
    private readonly HashSet<Symbol> _notShortable = [.. settings.NotShortable];

    public bool IsListed => _listed.Count > 0;

    public int Count => _listed.Count;

    /// <summary>The asset, or null when an explicit list is configured and does not hold the symbol.</summary>
    public BrokerAsset? Find(Symbol symbol)
    {
        if (symbol.Ticker is null || (IsListed && !_listed.Contains(symbol))) return null;
        var shortable = !_notShortable.Contains(symbol);
        return new BrokerAsset(symbol, symbol.Exchange == Exchanges.Crypto ? "crypto" : "us_equity", Tradable: true,
            Shortable: shortable, EasyToBorrow: shortable, Fractionable: true);
    }

    /// <summary>The configured assets, or (with no list) those the account has seen: quoted, ordered or held; sorted.</summary>
    public IReadOnlyList<BrokerAsset> All(IEnumerable<Symbol> seen) =>
        [.. (IsListed ? _listed : seen.Distinct()).Order().Select(s => Find(s)!)];
}
