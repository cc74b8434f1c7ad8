using ActorTrader.Data.Catalog;
using ActorTrader.Data.Providers;
using ActorTrader.Domain.Instruments;
using static ActorTrader.Data.Tests.Catalog.CatalogFixture;

namespace ActorTrader.Data.Tests.Catalog;

public sealed class ExchangeTableTests : IDisposable
{
    private readonly CatalogFixture _catalog = new();

    public void Dispose() => _catalog.Dispose();

    [Fact]
    public void Opening_a_catalog_bootstraps_exchanges_parquet_with_the_default_exchanges()
    {
        Assert.True(File.Exists(_catalog.Layout.Exchanges));

        var exchanges = _catalog.Reopen().Exchanges.ToDictionary(e => e.Code);

        foreach (var code in new[] { "NYSE", "NASDAQ", "ARCA", "AMEX", "BATS", "IEX", "OTC", "CRYPTO" }) Assert.False(exchanges[code].IsFallback);
        Assert.Equal(("XNYS", "America/New_York", "09:30-16:00", "NYSE"), (exchanges["NYSE"].Mic, exchanges["NYSE"].TimeZone, exchanges["NYSE"].Session, exchanges["NYSE"].Calendar));
        Assert.Equal(("UTC", "24x7", "CRYPTO"), (exchanges["CRYPTO"].TimeZone, exchanges["CRYPTO"].Session, exchanges["CRYPTO"].Calendar));
    }

    [Fact]
    public void The_exchange_table_covers_every_exchange_in_the_catalog()
    {
        var random = new Random(8);
        var codes = new[] { "NYSE", "LSE", "TSX", "CRYPTO", "BINANCE", "ASX", "NASDAQ" };
        for (var round = 0; round < 10; round++)
        {
            var batch = Enumerable.Range(0, 5)
                .Select(i => new Symbol(codes[random.Next(codes.Length)], $"T{round}X{i}"))
                .Select(s => new SymbolMetadata(s, s.Exchange is "CRYPTO" or "BINANCE" ? AssetProfile.Crypto : AssetProfile.UsEquity))
                .ToArray();
            _catalog.Catalog.Upsert(batch, Jan1.AddDays(round));
        }

        var reopened = _catalog.Reopen();
        var table = reopened.Exchanges.Select(e => e.Code).ToHashSet();
        var inCatalog = reopened.AllAsOf(Mar1).Select(v => v.Symbol.Exchange).Distinct().ToArray();
        Assert.NotEmpty(inCatalog);
        Assert.All(inCatalog, code => Assert.Contains(code, table));
        Assert.Equal(table.Count, reopened.Exchanges.Count);
    }

    [Fact]
    public void A_deleted_exchange_table_is_rebuilt_covering_the_catalog_exchanges()
    {
        _catalog.Catalog.Upsert([new SymbolMetadata(new Symbol("LSE", "VOD"), AssetProfile.UsEquity)], Jan1);
        File.Delete(_catalog.Layout.Exchanges);

        var exchanges = _catalog.Reopen().Exchanges;

        Assert.Contains(exchanges, e => e.Code == "LSE" && e.IsFallback);
        Assert.Contains(exchanges, e => e.Code == "NYSE" && !e.IsFallback);
    }

    [Fact]
    public void A_new_exchange_is_reported_in_the_upsert_result()
    {
        var result = _catalog.Catalog.Upsert([new SymbolMetadata(new Symbol("LSE", "VOD"), AssetProfile.UsEquity)], Jan1);

        Assert.Equal(["LSE"], result.ExchangesAdded);
    }

    [Fact]
    public void An_exchange_edited_in_the_table_supplies_its_own_defaults()
    {
        // An operator fixes the fallback row for LSE by hand; new symbols there pick up the real hours.
        _catalog.Catalog.Upsert([new SymbolMetadata(new Symbol("LSE", "VOD"), AssetProfile.UsEquity)], Jan1);
        var rows = _catalog.Reopen().Exchanges.Select(e => e.Code == "LSE" ? e with { TimeZone = "Europe/London", Session = "08:00-16:30", IsFallback = false } : e).ToArray();
        Data.Catalog.CatalogFiles.WriteExchanges(_catalog.Layout.Exchanges, rows);

        var catalog = _catalog.Reopen();
        catalog.Upsert([new SymbolMetadata(new Symbol("LSE", "BP"), AssetProfile.UsEquity)], Feb1);

        var bp = catalog.Current(new Symbol("LSE", "BP"))!;
        Assert.Equal(("Europe/London", "08:00-16:30", ValueSource.Exchange), (bp.TimeZone, bp.Session, bp.SessionSource));
    }
}
