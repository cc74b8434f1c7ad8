using ActorTrader.Data.Providers;
using ActorTrader.Data.Runs;
using ActorTrader.Data.Scanners;
using ActorTrader.Data.Tests.Ingestion;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Tests.Scanners;

public class ScanRunnerTests
{
    private static readonly DateTimeOffset AsOf = new(2024, 6, 3, 0, 0, 0, TimeSpan.Zero);

    private static (FakeProvider Provider, ScannerDefinition Scanner) Setup(int? limit = null)
    {
        var provider = new FakeProvider();
        foreach (var (ticker, price, profile) in new[] { ("CHEAP", 2m, AssetProfile.UsEquity), ("MID", 50m, AssetProfile.UsEquity), ("BIG", 500m, AssetProfile.UsEquity), ("FUND", 80m, AssetProfile.Etf) })
        {
            var symbol = new Symbol("NASDAQ", ticker);
            provider.Metadata.Add(new SymbolMetadata(symbol, profile, ListedOn: new DateOnly(2015, 1, 1)));
            provider.SetBars(symbol, TestBars.Weekdays(AsOf.AddDays(-120), AsOf, price));
        }
        provider.Metadata.Add(new SymbolMetadata(new Symbol("NYSE", "OTHER"), AssetProfile.UsEquity));
        var scanner = new ScannerDefinition("t", "", "t.conf", ScanDirection.Long,
            new ScannerUniverse(null, [], ["NASDAQ"], [AssetProfile.UsEquity, AssetProfile.Etf]),
            new ScannerFilters(Price: new(5m, 1000m), AvgDollarVolume: new(1m, null, 20), Profiles: [AssetProfile.UsEquity]), 30, limit);
        return (provider, scanner);
    }

    [Fact]
    public async Task A_scan_keeps_the_symbols_passing_every_filter_ranked_by_dollar_volume()
    {
        var (provider, scanner) = Setup();
        var result = await new ScanRunner(provider, null, new ManualClock(AsOf)).RunAsync(scanner);
        Assert.Equal(["NASDAQ:BIG", "NASDAQ:MID"], result.Candidates.Select(c => c.Symbol.ToString()));
        Assert.Equal(4, result.Evaluated);
        Assert.Equal(1, result.FailedByFilter["price"]);
        Assert.Equal(1, result.FailedByFilter["profiles"]);
    }

    [Fact]
    public async Task The_limit_keeps_the_most_liquid()
    {
        var (provider, scanner) = Setup(limit: 1);
        var result = await new ScanRunner(provider, null, new ManualClock(AsOf)).RunAsync(scanner);
        Assert.Equal("NASDAQ:BIG", Assert.Single(result.Candidates).Symbol.ToString());
    }

    [Fact]
    public async Task A_symbol_whose_bars_fail_is_listed_as_an_error_and_the_scan_goes_on()
    {
        var (provider, scanner) = Setup();
        provider.FailFirst(new Symbol("NASDAQ", "MID"), new MarketDataException("HTTP 404 for MID", isTransient: false));
        var result = await new ScanRunner(provider, null, new ManualClock(AsOf)).RunAsync(scanner);
        Assert.Equal("NASDAQ:MID", Assert.Single(result.Errors).Symbol.ToString());
        Assert.Equal("NASDAQ:BIG", Assert.Single(result.Candidates).Symbol.ToString());
    }

    [Fact]
    public async Task Candidates_round_trip_through_candidates_json()
    {
        var (provider, scanner) = Setup();
        var result = await new ScanRunner(provider, null, new ManualClock(AsOf)).RunAsync(scanner);
        var root = Path.Combine(Path.GetTempPath(), $"export-{Guid.NewGuid():N}");
        try
        {
            var path = CandidateFile.Write(new ExportWriter(root, new ManualClock(AsOf)), RunId.Create(AsOf, "abc123"), result, synthetic: true);
            Assert.Equal(Path.Combine(root, "20240603T000000Z-abc123", "candidates.json"), path);
            Assert.Equal(result.Candidates.Select(c => c.Symbol), CandidateFile.ReadSymbols(path));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void A_candidates_file_without_data_names_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"candidates-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"meta": {}}""");
        try
        {
            Assert.Contains(path, Assert.Throws<InvalidDataException>(() => CandidateFile.ReadSymbols(path)).Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
