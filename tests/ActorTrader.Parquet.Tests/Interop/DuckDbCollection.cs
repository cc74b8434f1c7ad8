namespace ActorTrader.Parquet.Tests.Interop;

/// <summary>All DuckDB interop tests share one <see cref="DuckDbHarness"/>, so npm installs at most once per run.</summary>
[CollectionDefinition(Name)]
public sealed class DuckDbCollection : ICollectionFixture<DuckDbHarness>
{
    public const string Name = "DuckDB interop";
}
