namespace ActorTrader.Data.Scanners;

/// <summary>Which side a scanner looks for: long admits tradable symbols, short only shortable ones.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Long and short are the trading sides, not integer types.")]
public enum ScanDirection
{
    Long,
    Short,
    Both,
}
