using ActorTrader.Data.Ingestion;
using ActorTrader.Data.Providers;
using ActorTrader.Domain.Bars;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Tests.Ingestion;

public class RetryingFetcherTests
{
    private static readonly Symbol Aapl = Symbol.Parse("NASDAQ:AAPL");
    private static readonly BarRequest Request = new(Aapl, Timeframe.Day1, TestBars.Monday, TestBars.Monday.AddDays(14));

    private readonly FakeProvider _provider = new();
    private readonly List<TimeSpan> _delays = [];

    private RetryingFetcher Fetcher(int maxAttempts = 4) =>
        new(_provider, maxAttempts, new RetryBackoff(TimeSpan.FromSeconds(1), () => 0), (delay, _) =>
        {
            _delays.Add(delay);
            return Task.CompletedTask;
        });

    private static MarketDataException Http(int status) => new($"HTTP {status} from fake", isTransient: status is 429 or >= 500) { StatusCode = status };

    [Fact]
    public async Task Rate_limited_requests_are_retried_with_growing_delays_until_they_succeed()
    {
        _provider.FailFirst(Aapl, Http(429), Http(429));
        var outcome = await Fetcher().FetchAsync(Request, CancellationToken.None);
        Assert.NotEmpty(outcome.Bars!);
        Assert.Equal(3, outcome.Attempts);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], _delays);
    }

    [Fact]
    public async Task Server_errors_that_persist_fail_the_symbol_after_the_attempt_limit()
    {
        _provider.FailFirst(Aapl, Http(503), Http(502), Http(500), Http(503), Http(503));
        var outcome = await Fetcher(maxAttempts: 3).FetchAsync(Request, CancellationToken.None);
        Assert.Null(outcome.Bars);
        Assert.Equal(3, _provider.CallsFor(Aapl));
        Assert.Contains("HTTP 500", outcome.Failure!.Error, StringComparison.Ordinal);
        Assert.Equal(3, outcome.Failure.Attempts);
    }

    [Fact]
    public async Task Timeouts_are_retried()
    {
        _provider.FailFirst(Aapl, new TimeoutException("no answer in 30 s"), new TaskCanceledException("request timed out"));
        var outcome = await Fetcher().FetchAsync(Request, CancellationToken.None);
        Assert.NotNull(outcome.Bars);
        Assert.Equal(3, outcome.Attempts);
    }

    [Fact]
    public async Task A_permanent_refusal_is_not_retried_and_rejects_the_symbol()
    {
        _provider.FailFirst(Aapl, Http(404));
        var outcome = await Fetcher().FetchAsync(Request, CancellationToken.None);
        Assert.Equal(RejectionKind.ProviderRefused, outcome.Refused!.Kind);
        Assert.Equal(1, _provider.CallsFor(Aapl));
        Assert.Empty(_delays);
    }

    [Fact]
    public async Task An_unexpected_exception_fails_only_that_symbol_naming_its_type()
    {
        _provider.FailFirst(Aapl, new InvalidOperationException("parser bug"));
        var outcome = await Fetcher().FetchAsync(Request, CancellationToken.None);
        Assert.Contains("InvalidOperationException: parser bug", outcome.Failure!.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_the_run_stops_retrying()
    {
        using var cancel = new CancellationTokenSource();
        _provider.FailFirst(Aapl, Http(503), Http(503));
        var fetcher = new RetryingFetcher(_provider, 4, new RetryBackoff(TimeSpan.FromSeconds(1), () => 0), (_, _) =>
        {
            cancel.Cancel();
            return Task.CompletedTask;
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fetcher.FetchAsync(Request, cancel.Token));
        Assert.Equal(1, _provider.CallsFor(Aapl));
    }
}
