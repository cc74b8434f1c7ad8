using ActorTrader.Data.Providers.Alpaca;

namespace ActorTrader.Data.Tests.Providers.Alpaca;

public sealed class AlpacaDataOptionsTests
{
    private static readonly AlpacaDataOptions Valid = new() { KeyId = "AKID-visible-nowhere", SecretKey = "secret-visible-nowhere" };

    [Fact]
    public void Printing_the_options_hides_the_key_pair()
    {
        var text = Valid.ToString();

        Assert.DoesNotContain("AKID-visible-nowhere", text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-visible-nowhere", text, StringComparison.Ordinal);
        Assert.Contains("PageLimit = 10000", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_match_the_reference_configuration()
    {
        Assert.Equal(new Uri("https://data.alpaca.markets"), Valid.DataBaseUrl);
        Assert.Equal("iex", Valid.Feed);
        Assert.Equal(10_000, Valid.PageLimit);
        Assert.Equal(200, Valid.RateLimitPerMinute);
        Assert.Equal(TimeSpan.FromSeconds(30), Valid.RequestTimeout);
        Valid.Validate();
    }

    [Fact]
    public void Missing_credentials_name_the_environment_variables()
    {
        var error = Assert.Throws<ArgumentException>(() => (Valid with { SecretKey = "" }).Validate());

        Assert.Contains("APCA_API_SECRET_KEY", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AKID-visible-nowhere", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_with_a_trailing_newline_is_refused_without_being_printed()
    {
        var error = Assert.Throws<ArgumentException>(() => (Valid with { SecretKey = "secret-visible-nowhere\n" }).Validate());

        Assert.Contains("APCA_API_SECRET_KEY", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-visible-nowhere", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("page-limit")]
    [InlineData("feed")]
    [InlineData("rate-limit-per-minute")]
    [InlineData("request-timeout")]
    public void An_unusable_setting_is_named_in_the_error(string setting)
    {
        var options = setting switch
        {
            "page-limit" => Valid with { PageLimit = 10_001 },
            "feed" => Valid with { Feed = "nasdaq" },
            "rate-limit-per-minute" => Valid with { RateLimitPerMinute = 0 },
            _ => Valid with { RequestTimeout = TimeSpan.Zero },
        };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains("actortrader.data.alpaca." + setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_client_refuses_invalid_options()
    {
        using var http = new HttpClient();

        Assert.Throws<ArgumentException>(() => new AlpacaDataClient(http, Valid with { PageLimit = 0 }));
    }
}
