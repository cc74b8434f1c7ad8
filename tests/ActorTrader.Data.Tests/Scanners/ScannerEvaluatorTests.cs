using ActorTrader.Data.Providers;
using ActorTrader.Data.Scanners;
using ActorTrader.Data.Tests.Ingestion;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Tests.Scanners;

public class ScannerEvaluatorTests
{
    private static readonly Symbol Aapl = Symbol.Parse("NASDAQ:AAPL");
    private static readonly DateTimeOffset AsOf = new(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static ScannerDefinition Definition(ScannerFilters filters, ScanDirection direction = ScanDirection.Long) =>
        new("t", "", "t.conf", direction, new ScannerUniverse(null, [Aapl], [], []), filters, 100, null);

    private static SymbolMetadata Metadata(bool shortable = true, AssetProfile profile = AssetProfile.UsEquity, DateOnly? listed = null) =>
        new(Aapl, profile, ListedOn: listed ?? new DateOnly(2020, 1, 1), Shortable: shortable);

    // Flat bars: close 50, volume 1000, so dollar volume is exactly 50,000 a day and volatility 0.
    private static List<Bar> Flat(int count) =>
        Enumerable.Range(0, count).Select(i => new Bar(AsOf.AddDays(i - count), 50m, 51m, 49m, 50m, 1000m)).ToList();

    [Fact]
    public void A_symbol_inside_every_bound_passes()
    {
        var filters = new ScannerFilters(Price: new(5m, 100m), AvgDollarVolume: new(40_000m, null, 20), Volatility: new(null, 0.5m, 20), ListingAgeDays: new(365m, null));
        Assert.True(ScannerEvaluator.Evaluate(Definition(filters), Metadata(), Flat(30), AsOf).Passed);
    }

    [Fact]
    public void Average_dollar_volume_below_the_minimum_fails_naming_the_filter()
    {
        var verdict = ScannerEvaluator.Evaluate(Definition(new ScannerFilters(AvgDollarVolume: new(60_000m, null, 20))), Metadata(), Flat(30), AsOf);
        Assert.StartsWith("avg-dollar-volume: 50000", verdict.FailedFilter, StringComparison.Ordinal);
    }

    [Fact]
    public void A_price_above_the_maximum_fails()
    {
        Assert.StartsWith("price", ScannerEvaluator.Evaluate(Definition(new ScannerFilters(Price: new(null, 10m))), Metadata(), Flat(5), AsOf).FailedFilter, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_few_bars_for_a_window_fail_rather_than_pass()
    {
        var verdict = ScannerEvaluator.Evaluate(Definition(new ScannerFilters(Volatility: new(null, 1m, 60))), Metadata(), Flat(30), AsOf);
        Assert.StartsWith("volatility: not enough data", verdict.FailedFilter, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recent_listing_fails_the_listing_age_filter()
    {
        var verdict = ScannerEvaluator.Evaluate(Definition(new ScannerFilters(ListingAgeDays: new(365m, null))), Metadata(listed: new DateOnly(2024, 3, 1)), Flat(5), AsOf);
        Assert.StartsWith("listing-age-days: 92", verdict.FailedFilter, StringComparison.Ordinal);
    }

    [Fact]
    public void A_short_scanner_refuses_a_symbol_that_cannot_be_shorted()
    {
        var verdict = ScannerEvaluator.Evaluate(Definition(new ScannerFilters(), ScanDirection.Short), Metadata(shortable: false), Flat(5), AsOf);
        Assert.StartsWith("direction", verdict.FailedFilter, StringComparison.Ordinal);
    }

    [Fact]
    public void A_profile_outside_the_filter_fails()
    {
        var verdict = ScannerEvaluator.Evaluate(Definition(new ScannerFilters(Profiles: [AssetProfile.Etf])), Metadata(), Flat(5), AsOf);
        Assert.StartsWith("profiles", verdict.FailedFilter, StringComparison.Ordinal);
    }

    [Fact]
    public void Momentum_is_the_total_return_over_the_window()
    {
        var bars = Flat(30);
        bars[^1] = bars[^1] with { Close = 60m, High = 60m };
        var verdict = ScannerEvaluator.Evaluate(Definition(new ScannerFilters(Momentum: new(0.1m, null, 20))), Metadata(), bars, AsOf);
        Assert.True(verdict.Passed);
        Assert.Equal(0.2m, verdict.Metrics.Momentum);
    }

    [Fact]
    public void Volatility_is_annualised_from_daily_log_returns()
    {
        // Alternating ±r log returns: sample stdev ≈ r, annualised by √252.
        var bars = new List<Bar>();
        for (var i = 0; i < 41; i++)
        {
            var close = i % 2 == 0 ? 100m : 110m;
            bars.Add(new Bar(AsOf.AddDays(i - 41), close, close, close, close, 1m));
        }
        var verdict = ScannerEvaluator.Evaluate(Definition(new ScannerFilters(Volatility: new(null, 10m, 40))), Metadata(), bars, AsOf);
        var r = Math.Log(1.1);
        var expected = Math.Sqrt(40.0 / 39.0) * r * Math.Sqrt(252);
        Assert.Equal(expected, verdict.Metrics.Volatility!.Value, 9);
    }
}
