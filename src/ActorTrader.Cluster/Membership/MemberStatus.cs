namespace ActorTrader.Cluster.Membership;

/// <summary>A member's status by the database's clock at the time of the read.</summary>
public enum MemberStatus
{
    /// <summary>Heartbeat within the unreachable timeout.</summary>
    Up,

    /// <summary>No heartbeat for longer than the unreachable timeout (crashed, paused or cut off).</summary>
    Unreachable,

    /// <summary>Left gracefully (its row is removed soon).</summary>
    Left,
}
