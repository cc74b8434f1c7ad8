using ActorTrader.Data.Providers.Alpaca;
using ActorTrader.Data.Tests.Providers.Alpaca.Fakes;
using ActorTrader.TestKit.Time;

namespace ActorTrader.Data.Tests.Providers.Alpaca;

public sealed class RequestRateLimiterTests
{
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public void A_minute_of_requests_passes_at_once()
    {
        var limiter = new RequestRateLimiter(4, _clock);

        var acquisitions = Enumerable.Range(0, 4).Select(_ => PassesAtOnce(limiter)).ToList();

        Assert.All(acquisitions, Assert.True);
        Assert.Equal(0, _clock.ActiveTimerCount);
    }

    [Fact]
    public async Task The_request_after_a_full_minute_waits_one_slot()
    {
        var limiter = new RequestRateLimiter(4, _clock);
        for (var i = 0; i < 4; i++) await limiter.AcquireAsync(CancellationToken.None);

        var fifth = limiter.AcquireAsync(CancellationToken.None).AsTask();
        _clock.Advance(TimeSpan.FromSeconds(15) - TimeSpan.FromMilliseconds(1));
        Assert.False(fifth.IsCompleted);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        await Guard.Within(fifth);
    }

    [Fact]
    public async Task Waiting_requests_are_spaced_one_slot_apart()
    {
        var limiter = new RequestRateLimiter(2, _clock);
        for (var i = 0; i < 2; i++) await limiter.AcquireAsync(CancellationToken.None);

        var third = limiter.AcquireAsync(CancellationToken.None).AsTask();
        var fourth = limiter.AcquireAsync(CancellationToken.None).AsTask();
        _clock.Advance(TimeSpan.FromSeconds(30));
        await Guard.Within(third);
        Assert.False(fourth.IsCompleted);

        _clock.Advance(TimeSpan.FromSeconds(30));
        await Guard.Within(fourth);
    }

    [Fact]
    public void An_idle_minute_refills_the_whole_budget()
    {
        var limiter = new RequestRateLimiter(3, _clock);
        for (var i = 0; i < 3; i++) Assert.True(PassesAtOnce(limiter));

        _clock.Advance(TimeSpan.FromMinutes(1));

        for (var i = 0; i < 3; i++) Assert.True(PassesAtOnce(limiter));
        Assert.False(PassesAtOnce(limiter));
    }

    [Fact]
    public async Task A_cancelled_wait_gives_its_slot_back()
    {
        var limiter = new RequestRateLimiter(2, _clock);
        for (var i = 0; i < 2; i++) await limiter.AcquireAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var abandoned = limiter.AcquireAsync(cancel.Token).AsTask();

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        _clock.Advance(TimeSpan.FromSeconds(30));

        // Without the returned slot this request would have to wait another 30 s.
        Assert.True(PassesAtOnce(limiter));
    }

    private static bool PassesAtOnce(RequestRateLimiter limiter) =>
        limiter.AcquireAsync(CancellationToken.None).AsTask().IsCompletedSuccessfully;
}
