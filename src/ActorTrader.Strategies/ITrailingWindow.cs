using ActorTrader.Strategies.Parameters;

namespace ActorTrader.Strategies;

/// <summary>
/// A strategy whose decision reads a trailing window of bars only: evaluated at the close of bar t on a view that holds
/// at least <see cref="WindowBars"/> bars, its signals and events depend on nothing but the open, high, low, close and
/// volume of bars t − WindowBars + 1 .. t, the panel's symbols and timeframe and the decision time — not on how many bars
/// come before the window, nor on fundamentals. Two panels with the same bars in that window give the same decision, so
/// <see cref="Replay.SignalMemo"/> may reuse it when a refit's window overlaps the previous one.
/// </summary>
public interface ITrailingWindow
{
    /// <summary>Bars the decision reads with <paramref name="parameters"/> (at least 1); invalid parameters throw <see cref="ArgumentException"/>.</summary>
    int WindowBars(ParameterSet parameters);
}
