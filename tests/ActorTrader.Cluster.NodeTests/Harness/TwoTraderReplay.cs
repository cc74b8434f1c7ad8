using System.Diagnostics;
using ActorTrader.Persistence.Tests.Postgres;

namespace ActorTrader.Cluster.NodeTests.Harness;

/// <summary>
/// Two trader nodes started together on the same replay of one account: whichever takes the account's lease first is the
/// <see cref="Holder"/>, the other the <see cref="Standby"/> (once it stands by). Disposing kills both and drops the cluster.
/// </summary>
internal sealed class TwoTraderReplay : IAsyncDisposable
{
    private TwoTraderReplay(ClusterTestSetup setup, ClusterNode a, ClusterNode b)
    {
        Setup = setup;
        A = a;
        B = b;
    }

    public ClusterTestSetup Setup { get; }

    private ClusterNode A { get; }

    private ClusterNode B { get; }

    public ClusterNode Holder { get; private set; } = null!;

    public ClusterNode Standby { get; private set; } = null!;

    public static async Task<TwoTraderReplay> StartAsync(PostgresServerFixture server, int days)
    {
        var setup = ClusterTestSetup.Create(server, days);
        setup.WriteNode("node-a", ["trader"]);
        setup.WriteNode("node-b", ["trader"]);
        var clock = Stopwatch.StartNew();
        var a = ClusterNode.Start("node-a", setup.Root, setup.ReplayArguments("node-a"), clock);
        var b = ClusterNode.Start("node-b", setup.Root, setup.ReplayArguments("node-b"), clock);
        var replay = new TwoTraderReplay(setup, a, b);
        try
        {
            (replay.Holder, replay.Standby) = await TwoNodes.HolderAndStandbyAsync(a, b);
            return replay;
        }
        catch
        {
            await replay.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await Setup.DisposeAsync();
    }
}
