using ActorTrader.Domain.Bars;

namespace ActorTrader.Data.Providers.Alpaca;

/// <summary>One page of a bars response: bars per Alpaca ticker in the order received, and the next page's token.</summary>
internal sealed record AlpacaBarsPage(IReadOnlyDictionary<string, List<Bar>> Bars, string? NextPageToken);
