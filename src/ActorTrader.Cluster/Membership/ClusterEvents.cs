namespace ActorTrader.Cluster.Membership;

/// <summary>Published on the event stream when a member (or a new incarnation of it) is first seen up.</summary>
public sealed record MemberUp(Member Member);

/// <summary>Published when a member's heartbeat is older than the unreachable timeout.</summary>
public sealed record MemberUnreachable(Member Member);

/// <summary>Published when an unreachable member heartbeats again.</summary>
public sealed record MemberReachable(Member Member);

/// <summary>Published when a member left, its row was removed, or a new incarnation replaced it.</summary>
public sealed record MemberRemoved(Member Member);
