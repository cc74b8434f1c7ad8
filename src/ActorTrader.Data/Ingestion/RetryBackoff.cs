namespace ActorTrader.Data.Ingestion;

/// <summary>
/// Exponential backoff with jitter: attempt n (1-based, the first retry is n = 1) waits base·2^(n−1)·(1 + j)
/// with j uniform in [0, 0.5), so many symbols throttled at once do not retry in lockstep.
/// </summary>
public sealed class RetryBackoff(TimeSpan baseDelay, Func<double>? jitter = null)
{
    private readonly Func<double> _jitter = jitter ?? Random.Shared.NextDouble;

    public TimeSpan BaseDelay { get; } = baseDelay;

    /// <summary>The wait before retry <paramref name="retry"/> (1 = the first retry).</summary>
    public TimeSpan DelayBefore(int retry)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        var factor = Math.Pow(2, Math.Min(retry - 1, 30)) * (1 + 0.5 * Math.Clamp(_jitter(), 0, 1));
        return TimeSpan.FromTicks((long)Math.Min(BaseDelay.Ticks * factor, TimeSpan.FromHours(1).Ticks));
    }
}
