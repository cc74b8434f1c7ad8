using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Ingestion;

/// <summary>
/// What the metadata refresh at the start of a run did to the point-in-time catalog (<c>symbols.parquet</c>), as of
/// <see cref="AsOf"/>, the run's clock time. A failure never fails the run: <see cref="Error"/> says what went wrong and
/// the bars are ingested anyway.
/// </summary>
/// <param name="VersionsAdded">Catalog rows started: symbols new to the catalog plus symbols whose trading fields changed.</param>
/// <param name="UpdatedInPlace">Symbols whose descriptive fields only (name, sector, source) changed in their current version.</param>
/// <param name="Unchanged">Symbols the provider described exactly as the catalog already had them.</param>
/// <param name="UnknownToProvider">Requested symbols the provider has no metadata for (their bars are still fetched).</param>
/// <param name="Notes">The catalog's notes: values ignored or filled from fallbacks, each naming the symbol.</param>
/// <param name="Error">Why the catalog was not refreshed, naming the provider or file and the fix; null when it was.</param>
public sealed record CatalogRefresh(
    DateTimeOffset AsOf,
    int VersionsAdded,
    int UpdatedInPlace,
    int Unchanged,
    IReadOnlyList<Symbol> UnknownToProvider,
    IReadOnlyList<string> Notes,
    string? Error)
{
    public bool Succeeded => Error is null;

    internal static CatalogRefresh Failed(DateTimeOffset asOf, string error) => new(asOf, 0, 0, 0, [], [], error);
}
