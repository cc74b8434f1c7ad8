namespace ActorTrader.Persistence.Tests.Postgres;

/// <summary>The tests that share one PostgreSQL server (<see cref="PostgresServerFixture"/>); each uses a fresh schema.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServerFixture>
{
    public const string Name = "PostgreSQL server";
}
