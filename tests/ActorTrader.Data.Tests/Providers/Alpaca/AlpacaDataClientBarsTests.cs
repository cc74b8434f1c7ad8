using ActorTrader.Data.Providers;
using ActorTrader.Data.Tests.Providers.Alpaca.Fakes;
using ActorTrader.Domain.Bars;

namespace ActorTrader.Data.Tests.Providers.Alpaca;

public sealed class AlpacaDataClientBarsTests
{
    private static readonly DateTimeOffset Start = new(2022, 2, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = new(2022, 3, 1, 0, 0, 0, TimeSpan.Zero);

    private static AlpacaTestContext NewContext() => new();

    private static Task<IReadOnlyDictionary<string, IReadOnlyList<Bar>>> GetAaplAsync(AlpacaTestContext context) =>
        context.Client().GetStockBarsAsync(["AAPL"], Timeframe.Day1, Start, End);

    [Fact]
    public async Task Recorded_bars_arrive_with_the_values_in_the_file()
    {
        await using var context = NewContext();
        var json = AlpacaMocks.Read(AlpacaMocks.AaplBars);
        // The recording names a next page; the route answers it with the recorded empty page.
        context.Server.Map("/v2/stocks/bars", r => FakeResponse.Json(
            r.QueryValue("page_token") is null ? json : AlpacaMocks.Read(AlpacaMocks.EmptyBars)));

        var bars = await GetAaplAsync(context);

        Assert.Equal(AlpacaMocks.ExpectedBars(json, "AAPL"), bars["AAPL"]);
        Assert.Equal(
            [null, "QUFQTHxEfDIwMjItMDItMDJUMDU6MDA6MDAuMDAwMDAwMDAwWg=="],
            context.Server.Requests.Select(r => r.QueryValue("page_token")));
    }

    [Fact]
    public async Task Pages_are_concatenated_in_order()
    {
        await using var context = NewContext();
        var json = AlpacaMocks.Read(AlpacaMocks.TslaBarsDescending);
        var pages = JsonRewrites.SplitIntoPages(json, "TSLA", barsPerPage: 1);
        context.Server.Map("/v2/stocks/bars", r => FakeResponse.Json(
            pages[r.QueryValue("page_token") is { } token ? int.Parse(token["page-".Length..], System.Globalization.CultureInfo.InvariantCulture) - 1 : 0]));

        var bars = await context.Client().GetStockBarsAsync(["TSLA"], Timeframe.Day1, Start, End);

        Assert.Equal(3, pages.Count);
        Assert.Equal(AlpacaMocks.ExpectedBars(json, "TSLA"), bars["TSLA"]);
        Assert.Equal([null, "page-2", "page-3"], context.Server.Requests.Select(r => r.QueryValue("page_token")));
    }

    [Fact]
    public async Task A_multi_symbol_answer_keeps_each_tickers_bars()
    {
        await using var context = NewContext();
        var json = AlpacaMocks.Read(AlpacaMocks.MultiSymbolBars);
        context.Server.MapJson("/v2/stocks/bars", json);

        var bars = await context.Client().GetStockBarsAsync(["AAPL", "TSLA"], Timeframe.Day1, Start, End);

        Assert.Equal(AlpacaMocks.ExpectedBars(json, "AAPL"), bars["AAPL"]);
        Assert.Equal(AlpacaMocks.ExpectedBars(json, "TSLA"), bars["TSLA"]);
        Assert.Equal("AAPL,TSLA", Assert.Single(context.Server.Requests).QueryValue("symbols"));
    }

    [Fact]
    public async Task The_request_carries_range_timeframe_feed_and_raw_adjustment()
    {
        await using var context = NewContext();
        context.Server.MapJson("/v2/stocks/bars", AlpacaMocks.Read(AlpacaMocks.EmptyBars));

        await context.Client(context.Options with { PageLimit = 500, Feed = "sip" })
            .GetStockBarsAsync(["AAPL"], Timeframe.Minute1, Start, End.AddTicks(5_000));

        var request = Assert.Single(context.Server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("AAPL", request.QueryValue("symbols"));
        Assert.Equal("1Min", request.QueryValue("timeframe"));
        Assert.Equal("2022-02-01T00:00:00Z", request.QueryValue("start"));
        Assert.Equal("2022-03-01T00:00:00.0005Z", request.QueryValue("end"));
        Assert.Equal("500", request.QueryValue("limit"));
        Assert.Equal("raw", request.QueryValue("adjustment"));
        Assert.Equal("sip", request.QueryValue("feed"));
    }

    [Fact]
    public async Task Every_request_carries_the_key_pair_headers()
    {
        await using var context = NewContext();
        var pages = JsonRewrites.SplitIntoPages(AlpacaMocks.Read(AlpacaMocks.TslaBarsDescending), "TSLA", barsPerPage: 2);
        context.Server.Script(FakeResponse.Status(503));
        context.Server.Map("/v2/stocks/bars", r => FakeResponse.Json(pages[r.QueryValue("page_token") is null ? 0 : 1]));

        await context.Client().GetStockBarsAsync(["TSLA"], Timeframe.Day1, Start, End);

        Assert.Equal(3, context.Server.Requests.Count);
        Assert.All(context.Server.Requests, r =>
        {
            Assert.Equal(AlpacaTestContext.KeyId, r.Header("APCA-API-KEY-ID"));
            Assert.Equal(AlpacaTestContext.Secret, r.Header("APCA-API-SECRET-KEY"));
        });
    }

    [Fact]
    public async Task Numbers_written_as_strings_give_the_same_bars()
    {
        await using var context = NewContext();
        var json = AlpacaMocks.Read(AlpacaMocks.MultiSymbolBars);
        var quoted = JsonRewrites.NumbersAsStrings(json);
        Assert.Contains("\"o\":\"161.51\"", quoted, StringComparison.Ordinal);
        context.Server.MapJson("/v2/stocks/bars", quoted);

        var bars = await GetAaplAsync(context);

        Assert.Equal(AlpacaMocks.ExpectedBars(json, "AAPL"), bars["AAPL"]);
    }

    [Fact]
    public async Task Nine_digit_timestamps_keep_their_first_seven_digits()
    {
        await using var context = NewContext();
        var json = AlpacaMocks.Read(AlpacaMocks.MultiSymbolBars);
        var rewritten = JsonRewrites.NineDigitTimestamps(json, "987654321");
        Assert.Contains("\"2022-03-09T05:00:00.987654321Z\"", rewritten, StringComparison.Ordinal);
        context.Server.MapJson("/v2/stocks/bars", rewritten);

        var bars = await GetAaplAsync(context);

        var expected = AlpacaMocks.ExpectedBars(json, "AAPL").Select(b => b with { Timestamp = b.Timestamp.AddTicks(9_876_543) });
        Assert.Equal(expected, bars["AAPL"]);
    }

    [Fact]
    public async Task Unknown_fields_are_ignored()
    {
        await using var context = NewContext();
        var json = AlpacaMocks.Read(AlpacaMocks.MultiSymbolBars);
        context.Server.MapJson("/v2/stocks/bars", JsonRewrites.WithUnknownFields(json));

        var bars = await context.Client().GetStockBarsAsync(["AAPL", "TSLA"], Timeframe.Day1, Start, End);

        Assert.Equal(AlpacaMocks.ExpectedBars(json, "AAPL"), bars["AAPL"]);
        Assert.Equal(AlpacaMocks.ExpectedBars(json, "TSLA"), bars["TSLA"]);
    }

    [Fact]
    public async Task The_single_symbol_route_shape_is_accepted()
    {
        await using var context = NewContext();
        var json = AlpacaMocks.Read(AlpacaMocks.MultiSymbolBars);
        context.Server.MapJson("/v2/stocks/bars", JsonRewrites.AsSingleSymbolShape(json, "AAPL"));

        var bars = await GetAaplAsync(context);

        Assert.Equal(AlpacaMocks.ExpectedBars(json, "AAPL"), bars["AAPL"]);
    }

    [Fact]
    public async Task A_repeated_page_token_stops_with_a_permanent_error()
    {
        await using var context = NewContext();
        var json = AlpacaMocks.Read(AlpacaMocks.AaplBars);
        context.Server.MapJson("/v2/stocks/bars", json);

        var error = await Assert.ThrowsAsync<MarketDataException>(() => GetAaplAsync(context));

        Assert.False(error.IsTransient);
        Assert.Contains("page token", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, context.Server.Requests.Count);
    }

    [Fact]
    public async Task Crypto_bars_use_the_crypto_route_without_a_feed()
    {
        await using var context = NewContext();
        var json = JsonRewrites.Retickered(AlpacaMocks.Read(AlpacaMocks.AaplBars), "AAPL", "BTC/USD");
        context.Server.MapJson("/v1beta3/crypto/us/bars", json);

        var bars = await context.Client().GetCryptoBarsAsync(["BTC/USD"], Timeframe.Day1, Start, End);

        Assert.Equal(AlpacaMocks.ExpectedBars(json, "BTC/USD"), bars["BTC/USD"]);
        var request = Assert.Single(context.Server.Requests);
        Assert.Equal("BTC/USD", request.QueryValue("symbols"));
        Assert.Null(request.QueryValue("feed"));
    }
}
