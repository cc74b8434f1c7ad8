using ActorTrader.Cluster.Placement;

namespace ActorTrader.Cluster.Tests.Placement;

public sealed class RendezvousHashTests
{
    [Fact]
    public void The_weight_is_the_same_in_every_process()
    {
        // Pinned values: a change here reassigns every sleeve of a running cluster during a rolling upgrade.
        Assert.Equal(0x5F64_AAA3_6440_52CFUL, RendezvousHash.Weight("node-a", "sleeve-momentum"));
        Assert.Equal(0x7CE6_3F8A_7CE3_9618UL, RendezvousHash.Weight("node-b", "sleeve-momentum"));
    }

    [Fact]
    public void Node_and_key_boundaries_are_not_ambiguous()
    {
        Assert.NotEqual(RendezvousHash.Weight("ab", "c"), RendezvousHash.Weight("a", "bc"));
    }

    [Fact]
    public void There_is_no_owner_without_nodes()
    {
        Assert.Null(RendezvousHash.Owner("sleeve-momentum", []));
    }

    [Fact]
    public void The_owner_does_not_depend_on_the_order_of_the_nodes()
    {
        string[] nodes = ["node-a", "node-b", "node-c", "node-d"];

        foreach (var key in Enumerable.Range(0, 200).Select(i => $"sleeve-{i}"))
        {
            Assert.Equal(RendezvousHash.Owner(key, nodes), RendezvousHash.Owner(key, nodes.Reverse()));
        }
    }
}
