namespace ActorTrader.Trading.Replay;

/// <summary>A replay's default length in trading days and its first exchange-local date (<c>actortrader.trading.day.replay</c>).</summary>
public sealed record ReplaySettings(int Days, DateOnly Start)
{
    public static ReplaySettings Default { get; } = new(60, new DateOnly(2022, 9, 1));
}
