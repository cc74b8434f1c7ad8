namespace ActorTrader.Hocon;

/// <summary>Where a HOCON value or token was written: source name (file path or given name), 1-based line and column.</summary>
public sealed record HoconPosition(string Source, int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{Source}:{Line}:{Column}";
}
