using ActorTrader.Domain.Instruments;

namespace ActorTrader.Domain.Tests.Instruments;

public sealed class SymbolTests
{
    [Fact]
    public void Parsing_splits_exchange_and_ticker_and_upper_cases_them()
    {
        var symbol = Symbol.Parse(" nasdaq:aapl ");

        Assert.Equal("NASDAQ", symbol.Exchange);
        Assert.Equal("AAPL", symbol.Ticker);
    }

    [Theory]
    [InlineData("CRYPTO:BTC/USD", "BTC/USD")]
    [InlineData("NYSE:BRK.B", "BRK.B")]
    [InlineData("NYSE:BF-B", "BF-B")]
    public void Tickers_may_contain_slash_dot_and_dash(string text, string ticker)
    {
        Assert.Equal(ticker, Symbol.Parse(text).Ticker);
    }

    [Fact]
    public void Formatting_round_trips_through_parsing()
    {
        var symbol = new Symbol("crypto", "eth/usd");

        Assert.Equal("CRYPTO:ETH/USD", symbol.ToString());
        Assert.Equal(symbol, Symbol.Parse(symbol.ToString()));
    }

    [Theory]
    [InlineData("AAPL")]
    [InlineData(":AAPL")]
    [InlineData("NASDAQ:")]
    [InlineData("A:B:C")]
    [InlineData("")]
    public void Text_without_exactly_one_exchange_and_ticker_is_refused_with_an_example(string text)
    {
        var error = Assert.Throws<FormatException>(() => Symbol.Parse(text));

        Assert.Contains("NASDAQ:AAPL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Characters_outside_the_ticker_alphabet_are_refused()
    {
        Assert.False(Symbol.TryParse("NYSE:A B", out _, out var error));
        Assert.Contains("A B", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Symbols_order_by_exchange_then_ticker()
    {
        Symbol[] symbols = [Symbol.Parse("NYSE:A"), Symbol.Parse("NASDAQ:Z"), Symbol.Parse("NASDAQ:B")];

        Assert.Equal(["NASDAQ:B", "NASDAQ:Z", "NYSE:A"], symbols.Order().Select(s => s.ToString()));
    }
}
