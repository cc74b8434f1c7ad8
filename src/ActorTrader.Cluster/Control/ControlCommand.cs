namespace ActorTrader.Cluster.Control;

/// <summary>
/// One entry of the cluster's control log (cluster_control_log): a command every node applies once, in id order.
/// </summary>
/// <param name="Id">The log's id; commands are applied in this order and deduplicated by it.</param>
/// <param name="Command">A free name: the node knows "halt", "resume", "rebalance" and "rebalance-cluster".</param>
/// <param name="Arguments">String arguments, ordered by key (ordinal); stored as a JSON object of strings.</param>
/// <param name="IssuedBy">Who issued it (a user, the CLI, a node), for the audit trail.</param>
/// <param name="IssuedAt">When the database accepted it (its clock, UTC).</param>
public sealed record ControlCommand(long Id, string Command, IReadOnlyDictionary<string, string> Arguments, string IssuedBy, DateTimeOffset IssuedAt);
