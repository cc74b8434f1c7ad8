using ActorTrader.Domain.Instruments;

namespace ActorTrader.Domain.Tests.Instruments;

public sealed class AssetProfilesTests
{
    [Theory]
    [InlineData(AssetProfile.UsEquity, "us_equity")]
    [InlineData(AssetProfile.Etf, "etf")]
    [InlineData(AssetProfile.Crypto, "crypto")]
    [InlineData(AssetProfile.Future, "future")]
    public void Each_profile_has_a_text_name_that_parses_back(AssetProfile profile, string text)
    {
        Assert.Equal(text, profile.ToText());
        Assert.Equal(profile, AssetProfiles.Parse(text));
    }

    [Fact]
    public void Parsing_ignores_case_and_surrounding_blanks()
    {
        Assert.Equal(AssetProfile.UsEquity, AssetProfiles.Parse(" US_Equity "));
    }

    [Fact]
    public void An_unknown_name_is_refused_with_the_valid_names()
    {
        var error = Assert.Throws<FormatException>(() => AssetProfiles.Parse("stock"));

        Assert.Contains("stock", error.Message, StringComparison.Ordinal);
        Assert.Contains("us_equity, etf, crypto, future", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CRYPTO:BTC/USD", AssetProfile.Crypto)]
    [InlineData("ARCA:SPY", AssetProfile.Etf)]
    [InlineData("NASDAQ:AAPL", AssetProfile.UsEquity)]
    [InlineData("CME:ES", AssetProfile.Future)]
    public void Inference_uses_the_exchange_then_the_ticker(string symbol, AssetProfile expected)
    {
        Assert.Equal(expected, AssetProfiles.Infer(Symbol.Parse(symbol)));
    }
}
