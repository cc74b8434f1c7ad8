namespace ActorTrader.Data.Catalog;

/// <summary>Where a catalog value came from, in the order they are tried.</summary>
public enum ValueSource
{
    /// <summary>The market-data provider said so.</summary>
    Provider,

    /// <summary>The exchange's row in <c>exchanges.parquet</c>.</summary>
    Exchange,

    /// <summary>The documented fallback (see <see cref="ExchangeDefaults"/>): nothing better was known.</summary>
    Fallback,
}
