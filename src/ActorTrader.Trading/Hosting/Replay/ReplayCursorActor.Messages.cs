namespace ActorTrader.Trading.Host.Replay;

/// <summary>Begin (or find) the replay; journals <see cref="ReplayStarted"/> unless a replay is already recorded. Replies <see cref="ReplayCursor"/>.</summary>
public sealed record BeginReplay(ReplayStarted Started);

/// <summary>Record a completed day (idempotent per date); replies <see cref="ReplayCursor"/> once durable.</summary>
public sealed record RecordReplayDay(ReplayDayCompleted Day);

/// <summary>Mark the replay finished; replies <see cref="ReplayCursor"/> once durable.</summary>
public sealed record FinishReplay(string RunId);

/// <summary>Asks for the cursor; replies <see cref="ReplayCursor"/>.</summary>
public sealed record GetReplayCursor
{
    public static GetReplayCursor Instance { get; } = new();
}
