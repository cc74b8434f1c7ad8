using ActorTrader.Hosting.Checking;

namespace ActorTrader.Hosting.Tests.Checking;

/// <summary>config-check reads actortrader.cluster: a cluster node must not start on a value that would make it flap or trade unfenced.</summary>
public sealed class ClusterSectionCheckTests : SectionCheckTestBase
{
    [Fact]
    public void The_default_cluster_section_passes_and_is_off()
    {
        Assert.Empty(ConfigCheck.Run(Sources.For(Dir, Config(""))).Problems);
    }

    [Fact]
    public void A_cluster_on_the_sqlite_journal_is_refused_naming_both_keys_and_the_fix()
    {
        var problem = Assert.Single(ConfigCheck.Run(Sources.For(Dir, Config("cluster.enabled = on"))).Problems);

        Assert.Equal("actortrader.cluster.enabled", problem.Key);
        Assert.Contains("actortrader.persistence.journal = \"sqlite\"", problem.Message, StringComparison.Ordinal);
        Assert.Contains("postgresql", problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreachable_timeout_not_longer_than_the_heartbeat_is_refused()
    {
        var problem = Assert.Single(ConfigCheck.Run(Sources.For(Dir, Config("cluster { heartbeat-interval = 2s, unreachable-after = 2s }"))).Problems);

        Assert.Equal("actortrader.cluster.unreachable-after", problem.Key);
        Assert.Contains("heartbeat", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lease_ttl_not_longer_than_the_journals_idle_transaction_timeout_is_refused()
    {
        var problem = Assert.Single(ConfigCheck.Run(Sources.For(Dir, Config("cluster.lease-ttl = 3s\npersistence.postgresql.idle-in-transaction-timeout = 5s"))).Problems);

        Assert.Equal("actortrader.cluster.lease-ttl", problem.Key);
        Assert.Contains("idle-in-transaction-timeout", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lease_ttl_under_a_second_is_refused()
    {
        var problem = Assert.Single(ConfigCheck.Run(Sources.For(Dir, Config("cluster.lease-ttl = 200ms\npersistence.postgresql.idle-in-transaction-timeout = 100ms"))).Problems);

        Assert.Equal("actortrader.cluster.lease-ttl", problem.Key);
        Assert.Contains("at least 1s", problem.Fix, StringComparison.Ordinal);
    }
}
