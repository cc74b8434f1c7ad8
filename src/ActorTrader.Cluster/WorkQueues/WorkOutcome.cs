namespace ActorTrader.Cluster.WorkQueues;

/// <summary>
/// Where an item stands: <see cref="Status"/> is ready, claimed, done or dead (<see cref="WorkStatus"/>); a done item has
/// its <see cref="Result"/>, a dead one the <see cref="Error"/> of its last attempt. <see cref="CompletedBy"/> is the
/// worker of the last claim (the one that finished a done item).
/// </summary>
public sealed record WorkOutcome(string Key, string Status, string? Result, string? Error, int Attempts, string? CompletedBy)
{
    /// <summary>Done or dead: nothing more will happen to the item.</summary>
    public bool IsFinished => Status is WorkStatus.Done or WorkStatus.Dead;
}
