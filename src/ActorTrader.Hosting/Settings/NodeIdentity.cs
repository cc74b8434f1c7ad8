namespace ActorTrader.Hosting.Settings;

/// <summary><c>actortrader.node</c>: who this node is and where it keeps its state.</summary>
/// <param name="Name">Name in logs and status.</param>
/// <param name="Roles">Roles it plays (trader, research, ingest).</param>
/// <param name="DataDir">Absolute directory of its runtime state.</param>
public sealed record NodeIdentity(string Name, IReadOnlyList<string> Roles, string DataDir)
{
    /// <summary>The known roles; a node may have several.</summary>
    public static IReadOnlyList<string> KnownRoles { get; } = ["trader", "research", "ingest"];
}
