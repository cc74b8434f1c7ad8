namespace ActorTrader.Research.Evaluation.Distributed;

/// <summary>
/// How <see cref="ClusterEvaluationBackend"/> uses the work queue: the queue name, how often it reads the outcomes of a
/// generation, and how many attempts each evaluation gets before it scores worst.
/// </summary>
public sealed record ClusterEvaluationSettings
{
    public const string DefaultQueue = "research-evaluations";

    public static ClusterEvaluationSettings Default { get; } = new();

    public string Queue { get; init; } = DefaultQueue;

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    public int MaxAttempts { get; init; } = 3;

    /// <summary>
    /// Keep a generation's finished evaluations in the queue table (an audit of which node evaluated what) instead of
    /// deleting them once read; a later run with the same window, fitness and genome reuses the stored result.
    /// </summary>
    public bool KeepFinished { get; init; }

    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Queue, nameof(Queue));
        if (PollInterval <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(PollInterval), PollInterval, "The poll interval of the cluster evaluation backend must be positive, e.g. 200 ms.");
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxAttempts, 1, nameof(MaxAttempts));
    }
}
