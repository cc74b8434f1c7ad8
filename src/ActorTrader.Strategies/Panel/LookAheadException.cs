namespace ActorTrader.Strategies.Panel;

/// <summary>A strategy asked for a bar after its decision bar: its signal would use data it cannot have when trading.</summary>
public sealed class LookAheadException : InvalidOperationException
{
    public LookAheadException(DateTimeOffset decisionTime, int now, int requested)
        : base($"Look-ahead: at decision time {decisionTime:O} (bar {now}) the strategy asked for bar {requested}, " +
               $"{requested - now} bar(s) in the future. Fix: use only bars up to PointInTimePanel.Now.")
    {
        DecisionTime = decisionTime;
        Now = now;
        Requested = requested;
    }

    public DateTimeOffset DecisionTime { get; }

    public int Now { get; }

    public int Requested { get; }
}
