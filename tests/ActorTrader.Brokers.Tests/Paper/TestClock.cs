namespace ActorTrader.Brokers.Tests.Paper;

/// <summary>A clock that shows whatever instant the test sets; the paper broker reads nothing else.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Set(DateTimeOffset now) => _now = now;
}
