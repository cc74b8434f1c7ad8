namespace ActorTrader.Cluster.WorkQueues;

/// <summary>One item to enqueue: its key (unique per queue, so a producer may enqueue it again after a crash), the payload a worker needs, and how many claims it gets before it is dead.</summary>
public sealed record WorkRequest(string Key, string Payload, int MaxAttempts = 3);
