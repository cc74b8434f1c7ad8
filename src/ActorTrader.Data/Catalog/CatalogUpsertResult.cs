namespace ActorTrader.Data.Catalog;

/// <summary>
/// What one <see cref="SymbolCatalog.Upsert"/> did: symbols added, given a new version, updated in place (descriptive
/// fields only), left unchanged; exchanges added to <c>exchanges.parquet</c>; and notes on values that were ignored or
/// fell back (each naming the symbol).
/// </summary>
public sealed record CatalogUpsertResult(
    int Added,
    int Versioned,
    int UpdatedInPlace,
    int Unchanged,
    IReadOnlyList<string> ExchangesAdded,
    IReadOnlyList<string> Notes)
{
    public bool Changed => Added + Versioned + UpdatedInPlace > 0 || ExchangesAdded.Count > 0;
}
