namespace ActorTrader.Node.Cluster.Sleeves;

/// <summary>Where a sleeve runs in a cluster and how a run on another node is asked for and collected.</summary>
internal interface IRemoteSleeveRuns
{
    /// <summary>The node that owns <paramref name="sleeve"/> when that is another live node; null when the run belongs here (this node owns it, or nobody does).</summary>
    Task<string?> RemoteOwnerAsync(string sleeve, CancellationToken cancellationToken);

    /// <summary>Asks <paramref name="node"/> to run <paramref name="request"/> (asking again for the same request is harmless).</summary>
    Task SubmitAsync(string node, SleeveRunRequest request, CancellationToken cancellationToken);

    /// <summary>Where the run stands: still pending, done with its outcome, or abandoned (the node gave up the sleeve or the run died) and to be run here.</summary>
    Task<RemoteSleeveRun> PollAsync(string node, SleeveRunRequest request, CancellationToken cancellationToken);
}
