namespace ActorTrader.Actors;

/// <summary>Per-child restart accounting for <c>maxNrOfRetries</c> within <c>withinTimeRange</c>.</summary>
internal sealed class ChildRestartStats
{
    private int _retries;
    private TimeSpan? _windowStart;

    /// <summary>Akka's rule: counts restarts in the current window; true while the limit allows another one.</summary>
    public bool RequestRestartPermission(int? maxNrOfRetries, TimeSpan? withinTimeRange, TimeSpan now)
    {
        if (maxNrOfRetries is < 0) maxNrOfRetries = null; // -1 means unlimited, as in Akka.NET
        if (maxNrOfRetries is 0) return false;
        if (withinTimeRange is null || withinTimeRange <= TimeSpan.Zero)
        {
            if (maxNrOfRetries is null) return true;
            _retries++;
            return _retries <= maxNrOfRetries;
        }
        var limit = maxNrOfRetries ?? 1;
        var windowStart = _windowStart ??= now;
        if (now - windowStart <= withinTimeRange)
        {
            _retries++;
            return _retries <= limit;
        }
        _retries = 1;
        _windowStart = now;
        return true;
    }
}
