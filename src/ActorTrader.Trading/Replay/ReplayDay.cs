using ActorTrader.Brokers.Abstractions;
using ActorTrader.Domain.Calendar;

namespace ActorTrader.Trading.Replay;

/// <summary>
/// One trading day of a replay: its session, the quotes at the open (each symbol's bar open, stamped at the session's
/// open) and at the close (bar close, stamped at the session's close), in symbol order, and whether they are synthetic.
/// A symbol without a bar that day has no quote.
/// </summary>
public sealed record ReplayDay(DateOnly Date, MarketSession Session, IReadOnlyList<MarketQuote> Open, IReadOnlyList<MarketQuote> Close, bool Synthetic);
