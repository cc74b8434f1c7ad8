namespace ActorTrader.Persistence;

/// <summary>actortrader.persistence.sqlite, as configured.</summary>
public sealed record SqliteSettings
{
    /// <summary>Database file; relative paths are resolved against node.data-dir.</summary>
    public string Path { get; init; } = "actortrader.db";

    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public int MaxBatchSize { get; init; } = 1000;
}
