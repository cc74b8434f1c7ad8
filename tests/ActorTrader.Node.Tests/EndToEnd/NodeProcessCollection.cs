namespace ActorTrader.Node.Tests.EndToEnd;

/// <summary>Node-process tests run one at a time: each starts a real node, and the machines here have two cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NodeProcessCollection
{
    public const string Name = "node processes";
}
