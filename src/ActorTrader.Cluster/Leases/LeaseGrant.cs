namespace ActorTrader.Cluster.Leases;

/// <summary>A lease this node holds: its fencing epoch and when it expires by the database's clock.</summary>
/// <param name="Name">The lease (trading/account-&lt;id&gt;, research/coordinator, sleeve/&lt;name&gt;).</param>
/// <param name="Holder">'&lt;node&gt;#&lt;incarnation&gt;'.</param>
/// <param name="Epoch">Raised by one on every acquisition; journal writes in the lease's scope must carry it.</param>
/// <param name="ExpiresAt">The database time the lease lapses unless renewed.</param>
public sealed record LeaseGrant(string Name, string Holder, long Epoch, DateTimeOffset ExpiresAt);
