using System.Text;
using ActorTrader.Data.Providers.Alpaca;
using ActorTrader.Data.Tests.Providers.Alpaca.Fakes;

namespace ActorTrader.Data.Tests.Providers.Alpaca;

public sealed class AlpacaBarsParserTests
{
    private static AlpacaBarsPage Parse(string json) => AlpacaBarsParser.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Recorded_multi_symbol_page_parses_to_the_values_in_the_file()
    {
        var json = AlpacaMocks.Read(AlpacaMocks.MultiSymbolBars);

        var page = Parse(json);

        Assert.Equal(AlpacaMocks.ExpectedBars(json, "AAPL"), page.Bars["AAPL"]);
        Assert.Equal(AlpacaMocks.ExpectedBars(json, "TSLA"), page.Bars["TSLA"]);
        Assert.Null(page.NextPageToken);
    }

    [Fact]
    public void Recorded_next_page_token_is_kept()
    {
        var page = Parse(AlpacaMocks.Read(AlpacaMocks.AaplBars));

        Assert.Equal("QUFQTHxEfDIwMjItMDItMDJUMDU6MDA6MDAuMDAwMDAwMDAwWg==", page.NextPageToken);
    }

    [Fact]
    public void Single_symbol_route_shape_is_filed_under_its_symbol()
    {
        var json = AlpacaMocks.Read(AlpacaMocks.AaplBars);

        var page = Parse(JsonRewrites.AsSingleSymbolShape(json, "AAPL"));

        Assert.Equal(AlpacaMocks.ExpectedBars(json, "AAPL"), page.Bars["AAPL"]);
    }

    [Fact]
    public void Latest_bar_shape_gives_one_bar_per_ticker()
    {
        var page = Parse("""{"bars":{"SPY":{"t":"2022-07-26T20:50:00Z","o":392.18,"h":392.18,"l":392.18,"c":392.18,"v":2100,"n":2,"vw":392.18}}}""");

        var bar = Assert.Single(page.Bars["SPY"]);
        Assert.Equal(392.18m, bar.Close);
        Assert.Equal(2, bar.TradeCount);
    }

    [Theory]
    [InlineData("""{"bars":{},"next_page_token":null}""")]
    [InlineData("""{"bars":null,"symbol":"AAPL","next_page_token":null}""")]
    [InlineData("""{"next_page_token":""}""")]
    public void Empty_or_null_bars_give_an_empty_last_page(string json)
    {
        var page = Parse(json);

        Assert.All(page.Bars.Values, Assert.Empty);
        Assert.Null(page.NextPageToken);
    }

    [Fact]
    public void Decimals_keep_every_written_digit()
    {
        var page = Parse("""{"bars":{"X":[{"t":"2022-02-01T05:00:00Z","o":0.1000000000000000000000000001,"h":"79228162514264337593543950335","l":1e-7,"c":1.5E3,"v":"12345678901234567.25"}]}}""");

        var bar = Assert.Single(page.Bars["X"]);
        Assert.Equal(decimal.Parse("0.1000000000000000000000000001", System.Globalization.CultureInfo.InvariantCulture), bar.Open);
        Assert.Equal(decimal.MaxValue, bar.High);
        Assert.Equal(0.0000001m, bar.Low);
        Assert.Equal(1500m, bar.Close);
        Assert.Equal(12345678901234567.25m, bar.Volume);
        Assert.Equal(0, bar.TradeCount);
        Assert.Equal(0m, bar.Vwap);
    }

    [Fact]
    public void A_field_that_is_not_a_number_is_reported_with_its_path()
    {
        var error = Assert.Throws<FormatException>(() => Parse(
            """{"bars":{"AAPL":[{"t":"2022-02-01T05:00:00Z","o":1,"h":1,"l":1,"c":1,"v":1},{"t":"2022-02-02T05:00:00Z","o":"abc","h":1,"l":1,"c":1,"v":1}]}}"""));

        Assert.Contains("bars.AAPL[1].o", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"abc\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_price_is_reported_with_its_path()
    {
        var error = Assert.Throws<FormatException>(() => Parse("""{"bars":{"AAPL":[{"t":"2022-02-01T05:00:00Z","o":1,"h":1,"l":1,"v":1}]}}"""));

        Assert.Contains("bars.AAPL[0].c", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fractional_trade_count_is_rejected()
    {
        var error = Assert.Throws<FormatException>(() => Parse("""{"bars":{"AAPL":[{"t":"2022-02-01T05:00:00Z","o":1,"h":1,"l":1,"c":1,"v":1,"n":2.5}]}}"""));

        Assert.Contains("bars.AAPL[0].n", error.Message, StringComparison.Ordinal);
    }
}
