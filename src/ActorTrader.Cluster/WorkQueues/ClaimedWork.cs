namespace ActorTrader.Cluster.WorkQueues;

/// <summary>
/// An item this worker claimed: <see cref="Attempt"/> is its claim count so far (1 on the first); <see cref="ClaimToken"/>
/// proves the claim when the result is written, so a worker whose claim expired and was taken over cannot overwrite it.
/// </summary>
public sealed record ClaimedWork(long Id, string Queue, string Key, string Payload, int Attempt, Guid ClaimToken);
