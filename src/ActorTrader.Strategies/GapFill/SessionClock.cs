namespace ActorTrader.Strategies.GapFill;

/// <summary>One session's decision times in UTC: the entry window and the exit time; a bar decides at its close.</summary>
internal sealed record SessionClock(DateTimeOffset EntryStart, DateTimeOffset EntryEnd, DateTimeOffset Exit, TimeSpan BarLength)
{
    /// <summary>When the bar starting at <paramref name="barStart"/> is decided: at its close.</summary>
    public DateTimeOffset DecisionAt(DateTimeOffset barStart) => barStart + BarLength;
}
