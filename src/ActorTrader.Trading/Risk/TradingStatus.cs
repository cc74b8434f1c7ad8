namespace ActorTrader.Trading.Risk;

/// <summary>The trading state, why it is what it is, since when (null before the first change) and who changed it.</summary>
public sealed record TradingStatus(TradingState State, string Reason, DateTimeOffset? Since, string ChangedBy)
{
    /// <summary>The state of an account the risk manager has never restricted.</summary>
    public static TradingStatus Initial { get; } = new(TradingState.Active, "no restriction so far", null, "risk");

    /// <summary>"REDUCING since 2026-01-05 15:00:00Z (reason)", for refusal texts and logs.</summary>
    public string Describe() =>
        $"{RiskText.State(State)}{(Since is { } since ? " since " + RiskText.Time(since) : "")} ({Reason})";
}
