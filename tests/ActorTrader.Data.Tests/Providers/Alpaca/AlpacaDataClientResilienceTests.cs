using ActorTrader.Data.Providers;
using ActorTrader.Data.Tests.Providers.Alpaca.Fakes;
using ActorTrader.Domain.Bars;
using ActorTrader.TestKit.Time;

namespace ActorTrader.Data.Tests.Providers.Alpaca;

public sealed class AlpacaDataClientResilienceTests
{
    private static readonly DateTimeOffset Start = new(2022, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = new(2022, 4, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly string _json = AlpacaMocks.Read(AlpacaMocks.MultiSymbolBars);

    /// <summary>A fake whose bars route answers with the recorded multi-symbol page unless a fault is scripted.</summary>
    private AlpacaTestContext NewContext()
    {
        var context = new AlpacaTestContext();
        context.Server.MapJson("/v2/stocks/bars", _json);
        return context;
    }

    private static Task<IReadOnlyDictionary<string, IReadOnlyList<Bar>>> GetAaplAsync(
        AlpacaTestContext context, Data.Providers.Alpaca.AlpacaDataOptions? options = null) =>
        context.Client(options).GetStockBarsAsync(["AAPL"], Timeframe.Day1, Start, End);

    [Fact]
    public async Task A_rate_limited_request_is_retried_after_the_servers_Retry_After()
    {
        await using var context = NewContext();
        context.Server.Script(FakeResponse.Status(429, """{"message":"too many requests"}""", retryAfterSeconds: 7));

        var bars = await GetAaplAsync(context);

        Assert.Equal(AlpacaMocks.ExpectedBars(_json, "AAPL"), bars["AAPL"]);
        Assert.Equal(2, context.Server.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(7)], context.Clock.Waits);
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_max_delay_is_capped()
    {
        await using var context = NewContext();
        context.Server.Script(FakeResponse.Status(429, retryAfterSeconds: 3600));

        await GetAaplAsync(context, context.Options with { MaxRetryDelay = TimeSpan.FromSeconds(20) });

        Assert.Equal([TimeSpan.FromSeconds(20)], context.Clock.Waits);
    }

    [Fact]
    public async Task Server_errors_are_retried_until_an_answer_succeeds()
    {
        await using var context = NewContext();
        context.Server.Script(FakeResponse.Status(500), FakeResponse.Status(503));

        var bars = await GetAaplAsync(context);

        Assert.Equal(AlpacaMocks.ExpectedBars(_json, "AAPL"), bars["AAPL"]);
        Assert.Equal(3, context.Server.Requests.Count);
    }

    [Fact]
    public async Task Backoff_waits_are_positive_and_never_exceed_the_max_delay()
    {
        await using var context = NewContext();
        context.Server.Script(Enumerable.Repeat(FakeResponse.Status(502), 6).ToArray());

        await GetAaplAsync(context, context.Options with { MaxRetryAttempts = 6, RetryBaseDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromSeconds(5) });

        Assert.Equal(6, context.Clock.Waits.Count);
        Assert.All(context.Clock.Waits, w => Assert.InRange(w, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task A_server_error_on_every_attempt_gives_a_transient_error_with_the_status()
    {
        await using var context = NewContext();
        context.Server.Script(Enumerable.Repeat(FakeResponse.Status(503, "upstream unavailable"), 4).ToArray());

        var error = await Assert.ThrowsAsync<MarketDataException>(() => GetAaplAsync(context));

        Assert.True(error.IsTransient);
        Assert.Equal(503, error.StatusCode);
        Assert.Equal(4, context.Server.Requests.Count);
        Assert.Contains("all 4 attempts", error.Message, StringComparison.Ordinal);
        Assert.Contains("upstream unavailable", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rate_limiting_on_every_attempt_gives_a_transient_error_naming_the_setting()
    {
        await using var context = NewContext();
        context.Server.Script(Enumerable.Repeat(FakeResponse.Status(429, retryAfterSeconds: 1), 4).ToArray());

        var error = await Assert.ThrowsAsync<MarketDataException>(() => GetAaplAsync(context));

        Assert.True(error.IsTransient);
        Assert.Equal(429, error.StatusCode);
        Assert.Contains("rate-limit-per-minute", error.Message, StringComparison.Ordinal);
        Assert.Contains("AAPL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_dropped_mid_answer_is_retried_and_succeeds()
    {
        await using var context = NewContext();
        context.Server.Script(FakeResponse.CutOff(_json));

        var bars = await GetAaplAsync(context);

        Assert.Equal(AlpacaMocks.ExpectedBars(_json, "AAPL"), bars["AAPL"]);
        Assert.Equal(2, context.Server.Requests.Count);
        Assert.Single(context.Clock.Waits);
    }

    [Fact]
    public async Task A_connection_dropped_before_any_answer_is_retried_and_succeeds()
    {
        await using var context = NewContext();
        context.Server.Script(FakeResponse.Drop);

        var bars = await GetAaplAsync(context);

        Assert.Equal(AlpacaMocks.ExpectedBars(_json, "AAPL"), bars["AAPL"]);
    }

    [Fact]
    public async Task Dropped_connections_on_every_attempt_give_a_transient_error_without_a_status()
    {
        await using var context = NewContext();
        context.Server.Map("/v2/stocks/bars", _ => FakeResponse.Drop);

        var error = await Assert.ThrowsAsync<MarketDataException>(() => GetAaplAsync(context));

        Assert.True(error.IsTransient);
        Assert.Null(error.StatusCode);
        Assert.Equal(context.Options.MaxRetryAttempts, context.Clock.Waits.Count);
        Assert.Contains("Could not reach Alpaca", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_cut_off_on_every_attempt_give_a_transient_error()
    {
        await using var context = NewContext();
        context.Server.Map("/v2/stocks/bars", _ => FakeResponse.CutOff(_json));

        var error = await Assert.ThrowsAsync<MarketDataException>(() => GetAaplAsync(context));

        Assert.True(error.IsTransient);
        Assert.Equal(context.Options.MaxRetryAttempts + 1, context.Server.Requests.Count);
    }

    [Fact]
    public async Task A_timed_out_attempt_is_retried_and_succeeds()
    {
        await using var context = NewContext();
        context.Server.Script(FakeResponse.Hang);

        var bars = await GetAaplAsync(context, context.Options with { RequestTimeout = TimeSpan.FromMilliseconds(300) });

        Assert.Equal(AlpacaMocks.ExpectedBars(_json, "AAPL"), bars["AAPL"]);
        Assert.Equal(2, context.Server.Requests.Count);
    }

    [Fact]
    public async Task Timeouts_on_every_attempt_give_a_transient_error_naming_the_setting()
    {
        await using var context = NewContext();
        context.Server.Script(FakeResponse.Hang, FakeResponse.Hang);

        var error = await Assert.ThrowsAsync<MarketDataException>(() =>
            GetAaplAsync(context, context.Options with { RequestTimeout = TimeSpan.FromMilliseconds(200), MaxRetryAttempts = 1 }));

        Assert.True(error.IsTransient);
        Assert.Null(error.StatusCode);
        Assert.Equal(2, context.Server.Requests.Count);
        Assert.Contains("request-timeout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_is_a_permanent_error_naming_the_route_and_is_not_retried()
    {
        await using var context = NewContext();
        context.Server.Script(FakeResponse.Json("""{"bars": {"AAPL": [{"t": "2022-03-09T05:00:00Z", "o": 161.51,"""));

        var error = await Assert.ThrowsAsync<MarketDataException>(() => GetAaplAsync(context));

        Assert.False(error.IsTransient);
        Assert.Single(context.Server.Requests);
        Assert.Contains("/v2/stocks/bars?symbols=AAPL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_call_throws_cancellation_not_a_provider_error()
    {
        await using var context = NewContext();
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            context.Client().GetStockBarsAsync(["AAPL"], Timeframe.Day1, Start, End, cancel.Token));
    }

    [Fact]
    public async Task The_rate_limiter_holds_the_request_after_the_budget_until_its_slot()
    {
        await using var context = NewContext();
        var clock = new ManualTimeProvider();
        var client = context.Client(context.Options with { RateLimitPerMinute = 2 }, clock);
        await client.GetStockBarsAsync(["AAPL"], Timeframe.Day1, Start, End);
        await client.GetStockBarsAsync(["AAPL"], Timeframe.Day1, Start, End);

        var third = client.GetStockBarsAsync(["AAPL"], Timeframe.Day1, Start, End);
        await Guard.Within(clock.WaitForActiveTimerAsync());
        clock.Advance(TimeSpan.FromSeconds(30) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, context.Server.Requests.Count);
        Assert.False(third.IsCompleted);

        clock.Advance(TimeSpan.FromMilliseconds(1));
        await Guard.Within(third);
        Assert.Equal(3, context.Server.Requests.Count);
    }
}
