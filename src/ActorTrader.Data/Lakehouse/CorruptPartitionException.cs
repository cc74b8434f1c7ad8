namespace ActorTrader.Data.Lakehouse;

/// <summary>A lakehouse partition file could not be read; the message names the file and the fix.</summary>
public sealed class CorruptPartitionException : Exception
{
    public CorruptPartitionException() { }

    public CorruptPartitionException(string message) : base(message) { }

    public CorruptPartitionException(string message, Exception innerException) : base(message, innerException) { }

    public string File { get; init; } = "";
}
