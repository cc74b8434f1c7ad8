namespace ActorTrader.Data.Tests.Ingestion;

/// <summary>A clock the test sets; nothing in ingestion reads the wall clock.</summary>
internal sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
