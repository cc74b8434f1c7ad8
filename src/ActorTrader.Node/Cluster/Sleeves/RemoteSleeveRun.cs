using ActorTrader.Trading.Sleeves;

namespace ActorTrader.Node.Cluster.Sleeves;

/// <summary>A sleeve run asked of another node: pending, done (<see cref="Outcome"/>) or abandoned (<see cref="Reason"/>).</summary>
internal sealed record RemoteSleeveRun(RemoteSleeveRunStatus Status, SleeveOutcome? Outcome, string Reason)
{
    public static RemoteSleeveRun Pending { get; } = new(RemoteSleeveRunStatus.Pending, null, "");

    public static RemoteSleeveRun Done(SleeveOutcome outcome) => new(RemoteSleeveRunStatus.Done, outcome ?? throw new ArgumentNullException(nameof(outcome)), "");

    public static RemoteSleeveRun Abandoned(string reason) => new(RemoteSleeveRunStatus.Abandoned, null, reason);
}

internal enum RemoteSleeveRunStatus
{
    Pending,
    Done,
    Abandoned,
}
