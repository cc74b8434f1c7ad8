using ActorTrader.Data.Providers;
using ActorTrader.Data.Tests.Providers.Alpaca.Fakes;
using ActorTrader.Domain.Bars;

namespace ActorTrader.Data.Tests.Providers.Alpaca;

public sealed class AlpacaDataClientErrorTests
{
    private static readonly DateTimeOffset Start = new(2022, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = new(2022, 4, 1, 0, 0, 0, TimeSpan.Zero);

    private static AlpacaTestContext NewContext() => new();

    private static Task<MarketDataException> BarsFailWith(AlpacaTestContext context, FakeResponse response)
    {
        context.Server.Map("/v2/stocks/bars", _ => response);
        return Assert.ThrowsAsync<MarketDataException>(() =>
            context.Client().GetStockBarsAsync(["AAPL"], Timeframe.Day1, Start, End));
    }

    private static void AssertNoCredentials(Exception error)
    {
        foreach (var text in new[] { error.Message, error.ToString() })
        {
            Assert.DoesNotContain(AlpacaTestContext.Secret[..16], text, StringComparison.Ordinal);
            Assert.DoesNotContain(AlpacaTestContext.KeyId[..10], text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Rejected_credentials_are_permanent_and_say_which_variables_to_set()
    {
        await using var context = NewContext();
        var error = await BarsFailWith(context, FakeResponse.Status(401, """{"message":"unauthorized."}"""));

        Assert.False(error.IsTransient);
        Assert.Equal(401, error.StatusCode);
        Assert.Contains("APCA_API_KEY_ID", error.Message, StringComparison.Ordinal);
        Assert.Contains("APCA_API_SECRET_KEY", error.Message, StringComparison.Ordinal);
        Assert.Single(context.Server.Requests);
    }

    [Fact]
    public async Task Rejected_credentials_never_appear_in_the_error()
    {
        await using var context = NewContext();
        var error = await BarsFailWith(context, FakeResponse.Status(401, """{"message":"unauthorized."}"""));

        AssertNoCredentials(error);
    }

    [Fact]
    public async Task A_response_that_echoes_the_secret_is_redacted_in_the_error()
    {
        await using var context = NewContext();
        var error = await BarsFailWith(context, FakeResponse.Status(403,
            $$"""{"message":"key {{AlpacaTestContext.KeyId}} with secret {{AlpacaTestContext.Secret}} is not allowed feed=iex"}"""));

        Assert.Equal(403, error.StatusCode);
        Assert.Contains("not allowed feed=iex", error.Message, StringComparison.Ordinal);
        AssertNoCredentials(error);
    }

    [Fact]
    public async Task A_malformed_body_that_echoes_the_secret_is_redacted_everywhere()
    {
        await using var context = NewContext();
        var error = await BarsFailWith(context, FakeResponse.Json(
            $$$"""{"bars":{"AAPL":[{"t":"2022-03-09T05:00:00Z","o":"{{{AlpacaTestContext.Secret}}}","h":1,"l":1,"c":1,"v":1}]}}"""));

        Assert.False(error.IsTransient);
        AssertNoCredentials(error);
    }

    [Fact]
    public async Task Not_found_is_permanent_and_names_the_ticker_and_route()
    {
        await using var context = NewContext();
        var error = await BarsFailWith(context, FakeResponse.Status(404, """{"code":40410000,"message":"symbol not found"}"""));

        Assert.False(error.IsTransient);
        Assert.Equal(404, error.StatusCode);
        Assert.Contains("AAPL", error.Message, StringComparison.Ordinal);
        Assert.Contains("GET " + context.Server.BaseUrl.GetLeftPart(UriPartial.Authority) + "/v2/stocks/bars?", error.Message, StringComparison.Ordinal);
        Assert.Contains("symbol not found", error.Message, StringComparison.Ordinal);
        Assert.Single(context.Server.Requests);
    }

    [Fact]
    public async Task Unprocessable_is_permanent_and_quotes_Alpacas_reason()
    {
        await using var context = NewContext();
        var error = await BarsFailWith(context, FakeResponse.Status(422, """{"code":42210000,"message":"invalid timeframe"}"""));

        Assert.False(error.IsTransient);
        Assert.Equal(422, error.StatusCode);
        Assert.Contains("invalid timeframe", error.Message, StringComparison.Ordinal);
        Assert.Single(context.Server.Requests);
    }

    [Fact]
    public async Task A_plain_text_error_page_is_quoted_in_the_error()
    {
        await using var context = NewContext();
        var error = await BarsFailWith(context, FakeResponse.Status(400, "<html>bad gateway config</html>"));

        Assert.False(error.IsTransient);
        Assert.Equal(400, error.StatusCode);
        Assert.Contains("<html>bad gateway config</html>", error.Message, StringComparison.Ordinal);
    }
}
