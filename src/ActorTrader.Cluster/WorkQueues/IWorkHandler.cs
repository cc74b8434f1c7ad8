namespace ActorTrader.Cluster.WorkQueues;

/// <summary>
/// Does one item's work for a <see cref="WorkQueueWorker"/> and returns its result text. Throwing fails the attempt (the
/// item is retried, then dead, with the exception's message); <paramref name="cancellationToken"/> is cancelled when the
/// worker stops or loses the claim, and the item is then claimed again elsewhere.
/// </summary>
public interface IWorkHandler
{
    Task<string> HandleAsync(ClaimedWork work, CancellationToken cancellationToken);
}
