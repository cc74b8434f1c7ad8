namespace ActorTrader.Cluster.WorkQueues;

/// <summary>
/// How a <see cref="WorkQueueWorker"/> works a queue: at most <paramref name="Parallelism"/> items at once, each claim
/// invisible to others for <paramref name="VisibilityTimeout"/> (extended every third of it while the handler runs), a
/// claim attempt every <paramref name="PollInterval"/> (and at once after each item or a <see cref="Poke"/>), and a failed
/// item claimable again after <paramref name="RetryDelay"/>.
/// </summary>
/// <param name="WorkerName">Recorded as claimed_by, e.g. the node name and the queue.</param>
public sealed record WorkerSettings(string Queue, string WorkerName, int Parallelism, TimeSpan VisibilityTimeout, TimeSpan PollInterval, TimeSpan RetryDelay)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot be used.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Queue, nameof(Queue));
        ArgumentException.ThrowIfNullOrWhiteSpace(WorkerName, nameof(WorkerName));
        ArgumentOutOfRangeException.ThrowIfLessThan(Parallelism, 1, nameof(Parallelism));
        if (VisibilityTimeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(VisibilityTimeout), VisibilityTimeout, $"The visibility timeout of worker {WorkerName} must be positive (it is extended every third of it while an item runs), e.g. 30 s.");
        if (PollInterval <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(PollInterval), PollInterval, $"The poll interval of worker {WorkerName} must be positive, e.g. 1 s.");
        ArgumentOutOfRangeException.ThrowIfLessThan(RetryDelay, TimeSpan.Zero, nameof(RetryDelay));
    }
}
