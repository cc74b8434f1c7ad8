namespace ActorTrader.Parquet;

/// <summary>Resolution of a Parquet TIMESTAMP column.</summary>
public enum TimestampUnit
{
    /// <summary>Milliseconds since the Unix epoch.</summary>
    Millis,

    /// <summary>Microseconds since the Unix epoch.</summary>
    Micros,

    /// <summary>Nanoseconds since the Unix epoch (read back truncated to 100 ns ticks).</summary>
    Nanos,
}
