namespace ActorTrader.Cluster.WorkQueues;

/// <summary>Claim now instead of at the next poll (a producer that just enqueued work may tell its local workers).</summary>
public sealed record Poke
{
    public static Poke Instance { get; } = new();
}

/// <summary>Asks a <see cref="WorkQueueWorker"/> for its <see cref="WorkerState"/>.</summary>
public sealed record GetWorkerState
{
    public static GetWorkerState Instance { get; } = new();
}

/// <summary>Items running now, items this worker completed (its result written) and attempts that failed (the handler threw).</summary>
public sealed record WorkerState(int Running, long Completed, long Failed);

internal sealed record PollDue
{
    public static PollDue Instance { get; } = new();
}

internal sealed record ClaimsArrived(IReadOnlyList<ClaimedWork> Claims);

internal sealed record ClaimFailed(Exception Cause);

internal sealed record ExtendDue(Guid Claim);

internal sealed record ClaimExtended(Guid Claim, bool Held);

internal sealed record ExtendFailed(Guid Claim, Exception Cause);

/// <summary>An item's task ended (keyed by claim: a failed item's next attempt may start before this arrives): completed (result written), failed (handler threw), or abandoned (cancelled or the write failed).</summary>
internal sealed record ItemFinished(Guid Claim, ItemEnd End, string Detail);

internal enum ItemEnd
{
    Completed,
    Failed,
    Abandoned,
}
