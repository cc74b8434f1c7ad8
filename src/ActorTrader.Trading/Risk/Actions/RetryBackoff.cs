namespace ActorTrader.Trading.Risk.Actions;

/// <summary>How long an unfinished automatic action waits before its next attempt: the interval, doubled after every attempt, capped.</summary>
internal static class RetryBackoff
{
    public static TimeSpan Delay(TimeSpan interval, TimeSpan max, int attemptsSoFar)
    {
        var doublings = Math.Min(Math.Max(attemptsSoFar, 0), 30);
        var ticks = interval.Ticks * (double)(1L << doublings);
        return ticks >= max.Ticks ? max : TimeSpan.FromTicks((long)ticks);
    }
}
