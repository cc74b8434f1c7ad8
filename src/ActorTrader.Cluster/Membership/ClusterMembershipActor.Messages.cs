namespace ActorTrader.Cluster.Membership;

/// <summary>Asks the membership actor for the members it saw last.</summary>
public sealed record GetClusterState
{
    public static GetClusterState Instance { get; } = new();
}

/// <summary>The members as last read, ordered by node name (left members included until their rows are removed).</summary>
public sealed record CurrentClusterState(IReadOnlyList<Member> Members);

internal sealed record HeartbeatTick
{
    public static HeartbeatTick Instance { get; } = new();
}

internal sealed record MembersRead(IReadOnlyList<Member>? Members, IReadOnlyList<string> Removed, Exception? Error);
