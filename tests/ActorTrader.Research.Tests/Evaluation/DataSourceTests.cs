using ActorTrader.Research.Evaluation;
using ActorTrader.Research.Fitness;
using ActorTrader.Research.Settings;
using ActorTrader.Research.Synthetic;
using ActorTrader.Strategies.Catalog;

namespace ActorTrader.Research.Tests.Evaluation;

/// <summary>Where research reads its bars: the planted market, the synthetic generator, and the errors when a source lacks the data.</summary>
public sealed class DataSourceTests
{
    private static readonly Strategies.IStrategy Daily = StrategyCatalog.Default.Get(PlantedMarket.StrategyName);

    [Fact]
    public async Task The_planted_source_gives_the_planted_markets_bars()
    {
        var panel = await new PlantedDataSource(seed: 3, symbols: 2, years: 2).LoadAsync(Daily);

        var market = PlantedMarket.Create(seed: 3, symbols: 2, years: 2);
        Assert.Equal(market.Window.DataFingerprint, PinnedWindowFactory.Create(panel, PlantedMarket.InSampleFraction).DataFingerprint);
    }

    [Fact]
    public async Task The_synthetic_source_gives_every_symbol_over_the_configured_dates_the_same_way_twice()
    {
        var settings = ResearchDataSettings.Default with
        {
            Source = ResearchDataSourceKind.Synthetic,
            Symbols = ["AAA", "NASDAQ:BBB"],
            From = new DateOnly(2015, 1, 1),
            To = new DateOnly(2015, 12, 31),
        };

        var first = await new StoredDataSource(settings, null, null).LoadAsync(Daily);
        var second = await new StoredDataSource(settings, null, null).LoadAsync(Daily);

        Assert.Equal(["NASDAQ:BBB", "NYSE:AAA"], first.Symbols.Select(s => s.ToString()));
        Assert.InRange(first.TimeCount, 240, 262);
        Assert.True(first.Times[0] >= new DateTimeOffset(2015, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var window = PinnedWindowFactory.Create(first, 0.7);
        Assert.Equal(window.DataFingerprint, PinnedWindowFactory.Create(second, 0.7).DataFingerprint);
    }

    [Fact]
    public async Task A_forced_lakehouse_without_data_fails_naming_the_source_and_the_fix()
    {
        var settings = ResearchDataSettings.Default with { Source = ResearchDataSourceKind.Lakehouse };

        var error = await Assert.ThrowsAsync<ResearchDataException>(() => new StoredDataSource(settings, "/nonexistent/lakehouse", null).LoadAsync(Daily));

        Assert.Contains("lakehouse: no lakehouse directory", error.Message);
        Assert.Contains("actortrader ingest", error.Message);
    }

    [Fact]
    public async Task Auto_without_lakehouse_or_samples_fails_listing_what_each_source_lacked()
    {
        var error = await Assert.ThrowsAsync<ResearchDataException>(() => new StoredDataSource(ResearchDataSettings.Default, null, null).LoadAsync(Daily));

        Assert.Contains("lakehouse: no lakehouse directory", error.Message);
        Assert.Contains("csv: no sample directory", error.Message);
        Assert.Contains("synthetic or planted", error.Message);
    }
}
