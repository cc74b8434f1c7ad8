using ActorTrader.Domain.Instruments;

namespace ActorTrader.Strategies.Common;

/// <summary>Symbols used to attach panel-wide audit events (a <see cref="Signals.StrategyEvent"/> always names a symbol).</summary>
internal static class PanelSymbols
{
    /// <summary>Stands for the whole panel, e.g. an equal-weight index or a grouping decision.</summary>
    public static Symbol WholePanel { get; } = new("PANEL", "ALL");
}
