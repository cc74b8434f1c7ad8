namespace ActorTrader.Strategies.Common;

/// <summary>Which side a strategy may take; a <c>direction</c> choice parameter (long | short | both) maps onto it by index.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Long and short are the trading words for the two sides.")]
public enum TradeDirection
{
    Long = 0,
    Short = 1,
    Both = 2,
}

/// <summary>The choice names of <see cref="TradeDirection"/> in index order, as written in HOCON.</summary>
internal static class TradeDirections
{
    public static IReadOnlyList<string> Names { get; } = ["long", "short", "both"];

    public static bool AllowsLong(this TradeDirection direction) => direction != TradeDirection.Short;

    public static bool AllowsShort(this TradeDirection direction) => direction != TradeDirection.Long;
}
