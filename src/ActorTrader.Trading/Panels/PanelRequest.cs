using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Trading.Panels;

/// <summary>
/// The bars a sleeve needs: its symbols and timeframe over a window. <see cref="From"/> (inclusive) and <see cref="To"/>
/// (exclusive) are UTC; <see cref="LookbackBars"/> keeps only the last that many bar times of the window (with no
/// <see cref="From"/>, the window reaches back as far as needed). With no <see cref="To"/> the window ends at the newest
/// stored bar (lakehouse, CSV) or today (synthetic).
/// </summary>
public sealed record PanelRequest(
    IReadOnlyList<Symbol> Symbols,
    Timeframe Timeframe,
    PanelSourceKind Source = PanelSourceKind.Auto,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int? LookbackBars = null);
