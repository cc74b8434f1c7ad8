namespace ActorTrader.Persistence;

/// <summary>actortrader.persistence.postgresql; <see cref="ConnectionString"/> is empty unless ACTORTRADER_POSTGRES (or the node file) sets it.</summary>
public sealed record PostgresSettings
{
    public string ConnectionString { get; init; } = "";

    public string Schema { get; init; } = "public";

    public int MaxBatchSize { get; init; } = 1000;

    public int MaxPoolSize { get; init; } = 20;
}
