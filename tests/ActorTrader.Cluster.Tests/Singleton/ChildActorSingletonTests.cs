using ActorTrader.Actors;
using ActorTrader.Cluster.Leases;
using ActorTrader.Cluster.Singleton;

namespace ActorTrader.Cluster.Tests.Singleton;

public sealed class ChildActorSingletonTests : TestKit.TestKit
{
    private static readonly LeaseGrant Grant = new("research/coordinator", "node-a#1", 4, DateTimeOffset.UnixEpoch);

    [Fact]
    public async Task Starting_creates_the_actor_with_the_grant_and_stopping_terminates_it()
    {
        var probe = CreateTestProbe();
        var singleton = new ChildActorSingleton(Sys, grant => Props.Create(() => new Reporter(probe.Ref, grant.Epoch)), "coordinator", TimeSpan.FromSeconds(5));

        await singleton.StartAsync(Grant, CancellationToken.None);
        var actor = singleton.Current!;
        Assert.Equal("started at epoch 4", await probe.ExpectMsgAsync<string>());
        probe.Watch(actor);
        await singleton.StopAsync("lease taken over by node-b#1 at epoch 5");

        await probe.ExpectTerminatedAsync(actor);
        Assert.Null(singleton.Current);
    }

    [Fact]
    public async Task The_actor_can_start_again_under_the_same_name_after_a_stop()
    {
        var probe = CreateTestProbe();
        var singleton = new ChildActorSingleton(Sys, grant => Props.Create(() => new Reporter(probe.Ref, grant.Epoch)), "coordinator", TimeSpan.FromSeconds(5));
        await singleton.StartAsync(Grant, CancellationToken.None);
        await probe.ExpectMsgAsync<string>();
        await singleton.StopAsync("lease not renewed within TTL (database unreachable?)");

        await singleton.StartAsync(Grant with { Epoch = 6 }, CancellationToken.None);

        Assert.Equal("started at epoch 6", await probe.ExpectMsgAsync<string>());
        Assert.Equal("coordinator", singleton.Current!.Path.Name);
    }

    [Fact]
    public async Task Stopping_when_nothing_runs_does_nothing()
    {
        var singleton = new ChildActorSingleton(Sys, _ => Props.Create(() => new Reporter(TestActor, 0)), "coordinator", TimeSpan.FromSeconds(5));

        await singleton.StopAsync("node shutting down");

        Assert.Null(singleton.Current);
    }

    private sealed class Reporter : ReceiveActor
    {
        public Reporter(IActorRef probe, long epoch)
        {
            probe.Tell($"started at epoch {epoch}", Self);
            ReceiveAny(_ => { });
        }
    }
}
