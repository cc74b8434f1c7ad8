namespace ActorTrader.Data.Providers.Alpaca;

/// <summary>
/// Token bucket holding one minute's worth of requests, refilled continuously on the injected clock. A caller
/// that finds it empty reserves the next free slot (first come, first served) and waits for it, so
/// <c>permitsPerMinute</c> requests pass at once and the next one waits <c>60 s / permitsPerMinute</c>.
/// </summary>
public sealed class RequestRateLimiter
{
    private readonly TimeProvider _clock;
    private readonly double _capacity;
    private readonly double _permitsPerSecond;
    private readonly Lock _gate = new();
    private double _tokens;
    private long _lastRefill;

    public RequestRateLimiter(int permitsPerMinute, TimeProvider clock)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permitsPerMinute, 1);
        _clock = clock;
        _capacity = permitsPerMinute;
        _permitsPerSecond = permitsPerMinute / 60.0;
        _tokens = _capacity;
        _lastRefill = clock.GetTimestamp();
    }

    /// <summary>Completes when this caller may send one request; cancelling gives its reserved slot back.</summary>
    public async ValueTask AcquireAsync(CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_gate)
        {
            Refill();
            _tokens -= 1;
            if (_tokens >= 0) return;
            // Rounded up to whole milliseconds: timers truncate, and waking early would exceed the rate.
            wait = TimeSpan.FromMilliseconds(Math.Ceiling(-_tokens / _permitsPerSecond * 1000));
        }
        try
        {
            await Task.Delay(wait, _clock, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            lock (_gate) _tokens += 1;
            throw;
        }
    }

    private void Refill()
    {
        var now = _clock.GetTimestamp();
        var elapsed = _clock.GetElapsedTime(_lastRefill, now);
        _lastRefill = now;
        _tokens = Math.Min(_capacity, _tokens + elapsed.TotalSeconds * _permitsPerSecond);
    }
}
