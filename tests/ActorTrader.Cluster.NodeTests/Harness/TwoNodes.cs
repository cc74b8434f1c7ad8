namespace ActorTrader.Cluster.NodeTests.Harness;

/// <summary>Two trader nodes started together: which one took the account's lease, once the other stands by.</summary>
internal static class TwoNodes
{
    public static async Task<(ClusterNode Holder, ClusterNode Standby)> HolderAndStandbyAsync(ClusterNode a, ClusterNode b)
    {
        var within = TimeSpan.FromMinutes(2);
        var first = await Task.WhenAny(
            a.WhenLineAsync(ClusterNode.IsTradingReady, within, "trading ready"),
            b.WhenLineAsync(ClusterNode.IsTradingReady, within, "trading ready"));
        await first;
        var holder = a.Lines.Any(ClusterNode.IsTradingReady) ? a : b;
        var standby = ReferenceEquals(holder, a) ? b : a;
        await standby.WhenLineAsync(l => l.StartsWith("Cluster: standby for lease", StringComparison.Ordinal), within, "standing by for the lease");
        return (holder, standby);
    }
}
