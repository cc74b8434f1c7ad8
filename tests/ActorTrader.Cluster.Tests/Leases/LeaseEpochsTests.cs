using ActorTrader.Cluster.Leases;

namespace ActorTrader.Cluster.Tests.Leases;

public sealed class LeaseEpochsTests
{
    [Fact]
    public void An_exact_scope_beats_a_prefix_that_also_matches()
    {
        var epochs = new LeaseEpochs();
        epochs.Register("account", [LeaseScope.Prefix("trading/")]);
        epochs.Register("control", [LeaseScope.Exact("trading/control")]);

        Assert.Equal("control", epochs.LeaseFor("trading/control"));
        Assert.Equal("account", epochs.LeaseFor("trading/orders"));
    }

    [Fact]
    public void The_longest_matching_prefix_wins()
    {
        var epochs = new LeaseEpochs();
        epochs.Register("all", [LeaseScope.Prefix("sleeve-")]);
        epochs.Register("momentum", [LeaseScope.Prefix("sleeve-momentum")]);

        Assert.Equal("momentum", epochs.LeaseFor("sleeve-momentum/strategy-1"));
        Assert.Equal("all", epochs.LeaseFor("sleeve-value"));
    }

    [Fact]
    public void A_persistence_id_outside_every_scope_has_no_lease()
    {
        var epochs = new LeaseEpochs();
        epochs.Register("account", [LeaseScope.Prefix("trading/"), LeaseScope.Exact("ledger")]);

        Assert.Null(epochs.LeaseFor("research/population"));
        Assert.Null(epochs.LeaseFor("ledger-2"));
    }

    [Fact]
    public void The_epoch_is_known_while_held_and_gone_after_release()
    {
        var epochs = new LeaseEpochs();
        epochs.Hold(new LeaseGrant("account", "node-a#1", 7, DateTimeOffset.UnixEpoch));

        Assert.Equal(7L, epochs.EpochOf("account"));
        epochs.Release("account");
        Assert.Null(epochs.EpochOf("account"));
    }

    [Fact]
    public void A_pattern_registered_for_another_lease_moves_to_it()
    {
        var epochs = new LeaseEpochs();
        epochs.Register("old", [LeaseScope.Prefix("orders")]);

        epochs.Register("new", [LeaseScope.Exact("orders")]);

        Assert.Equal("new", epochs.LeaseFor("orders"));
        Assert.Null(epochs.LeaseFor("orders-2"));
    }
}
