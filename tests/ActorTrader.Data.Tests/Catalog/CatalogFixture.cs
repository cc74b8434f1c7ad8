using ActorTrader.Data.Catalog;
using ActorTrader.Data.Lakehouse;
using ActorTrader.Data.Providers;
using ActorTrader.Data.Tests.Lakehouse.Support;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Tests.Catalog;

/// <summary>A symbol catalog in a temporary lakehouse.</summary>
public sealed class CatalogFixture : IDisposable
{
    public static readonly DateTimeOffset Jan1 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Feb1 = new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Mar1 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly Symbol Spy = new("ARCA", "SPY");
    public static readonly Symbol Btc = new("CRYPTO", "BTC/USD");

    private readonly TempDirectory _directory = new();

    public CatalogFixture()
    {
        Layout = new LakehouseLayout(_directory.Path);
        Catalog = new SymbolCatalog(Layout);
    }

    public LakehouseLayout Layout { get; }

    public SymbolCatalog Catalog { get; }

    public SymbolCatalog Reopen() => new(Layout);

    public static SymbolMetadata Etf(Symbol symbol) => new(symbol, AssetProfile.Etf, Name: "SPDR S&P 500", Tradable: true, Shortable: true);

    public void Dispose() => _directory.Dispose();
}
