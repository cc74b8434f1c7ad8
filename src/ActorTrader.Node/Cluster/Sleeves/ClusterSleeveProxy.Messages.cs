using ActorTrader.Trading.Sleeves;

namespace ActorTrader.Node.Cluster.Sleeves;

/// <summary>The owner of the sleeve was read for <paramref name="Run"/>: another node, or null to run here.</summary>
internal sealed record SleeveOwnerFound(RunSleeve Run, string? Node);

/// <summary>The run was put on the owner's queue.</summary>
internal sealed record RemoteRunSubmitted(RunSleeve Run);

/// <summary>Where the run on the owner stands.</summary>
internal sealed record RemoteRunPolled(RunSleeve Run, RemoteSleeveRun State);

/// <summary>Reading or writing the cluster's tables failed; <paramref name="WhilePolling"/> when the run was already on the owner's queue.</summary>
internal sealed record RemoteRunFailed(RunSleeve Run, Exception Cause, bool WhilePolling);

/// <summary>Time to poll the run on the owner again.</summary>
internal sealed record RemoteRunPollDue
{
    public static RemoteRunPollDue Instance { get; } = new();
}
