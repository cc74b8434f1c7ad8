namespace ActorTrader.Cluster.Leases;

/// <summary>
/// This node's view of which leases it holds and at which epoch, and which persistence ids each lease fences. The
/// fenced journal reads it on every write, the singleton managers update it; a cleared lease makes writes in its scope
/// fail locally at once, before the database would refuse them.
/// </summary>
public sealed class LeaseEpochs
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _prefixes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _held = new(StringComparer.Ordinal);

    /// <summary>Records which persistence ids <paramref name="leaseName"/> fences; a pattern registered again moves to this lease.</summary>
    public void Register(string leaseName, IReadOnlyList<LeaseScope> scopes)
    {
        ArgumentException.ThrowIfNullOrEmpty(leaseName);
        ArgumentNullException.ThrowIfNull(scopes);
        lock (_gate)
        {
            foreach (var scope in scopes)
            {
                // A pattern is one row in cluster_lease_scopes (its primary key), whatever its kind.
                _exact.Remove(scope.Pattern);
                _prefixes.Remove(scope.Pattern);
                (scope.IsPrefix ? _prefixes : _exact)[scope.Pattern] = leaseName;
            }
        }
    }

    /// <summary>This node holds the lease at the grant's epoch.</summary>
    public void Hold(LeaseGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        lock (_gate) _held[grant.Name] = grant.Epoch;
    }

    /// <summary>This node no longer holds the lease; writes in its scope are refused from now on.</summary>
    public void Release(string leaseName)
    {
        ArgumentNullException.ThrowIfNull(leaseName);
        lock (_gate) _held.Remove(leaseName);
    }

    /// <summary>The lease that fences <paramref name="persistenceId"/>, or null when none: exact beats prefix, the longest prefix wins.</summary>
    public string? LeaseFor(string persistenceId)
    {
        ArgumentNullException.ThrowIfNull(persistenceId);
        lock (_gate)
        {
            if (_exact.TryGetValue(persistenceId, out var exact)) return exact;
            string? best = null;
            var bestLength = -1;
            foreach (var (prefix, lease) in _prefixes)
            {
                if (prefix.Length > bestLength && persistenceId.StartsWith(prefix, StringComparison.Ordinal))
                {
                    best = lease;
                    bestLength = prefix.Length;
                }
            }

            return best;
        }
    }

    /// <summary>The epoch this node holds <paramref name="leaseName"/> at, or null when it does not hold it.</summary>
    public long? EpochOf(string leaseName)
    {
        ArgumentNullException.ThrowIfNull(leaseName);
        lock (_gate) return _held.TryGetValue(leaseName, out var epoch) ? epoch : null;
    }
}
