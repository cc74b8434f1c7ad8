using System.Collections.Concurrent;
using ActorTrader.Actors;
using ActorTrader.Data.Runs;
using ActorTrader.Node.Cluster.Sleeves;
using ActorTrader.TestKit;
using ActorTrader.Trading.Host.Targets;
using ActorTrader.Trading.Sleeves;

namespace ActorTrader.Node.Tests.Cluster;

/// <summary>The account core's sleeve in a cluster: run here when owned here, else on the owner, else here after all.</summary>
public sealed class SleeveProxyRoutingTests() : TestKit.TestKit(new TestKitSettings { VirtualTime = true })
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);
    private static readonly RunSleeve Run = new(RunId.Create(new DateTimeOffset(2022, 9, 15, 20, 0, 0, TimeSpan.Zero), "00aa11"), null, new DateTimeOffset(2022, 9, 15, 20, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_sleeve_this_node_owns_runs_on_the_local_sleeves_actor_and_is_recorded_there()
    {
        var remote = new FakeRemote(owner: null);
        var sleeves = CreateTestProbe();
        var proxy = Sys.ActorOf(ClusterSleeveProxy.Factory(sleeves.Ref, remote, Poll)("crash_replay"));

        proxy.Tell(Run, TestActor);

        var asked = await sleeves.ExpectMsgAsync<RunNamedSleeve>();
        Assert.Equal(new RunNamedSleeve("crash_replay", Run), asked);
        var outcome = SleeveOutcomeJsonTests.Full();
        sleeves.Reply(outcome);
        Assert.Same(outcome, await ExpectMsgAsync<SleeveOutcome>());
        Assert.Same(outcome, (await sleeves.ExpectMsgAsync<SleeveOutcomeRecorded>()).Outcome);
        Assert.Empty(remote.Submitted);
    }

    [Fact]
    public async Task A_sleeve_another_node_owns_runs_there_and_its_outcome_is_recorded_here()
    {
        var outcome = SleeveOutcomeJsonTests.Full();
        var remote = new FakeRemote("node-b", RemoteSleeveRun.Pending, RemoteSleeveRun.Done(outcome));
        var sleeves = CreateTestProbe();
        var proxy = Sys.ActorOf(ClusterSleeveProxy.Factory(sleeves.Ref, remote, Poll)("crash_replay"));

        proxy.Tell(Run, TestActor);
        await AwaitAssertAsync(() =>
        {
            Scheduler.Advance(Poll);
            Assert.Equal(2, remote.Polls);
        });

        Assert.Same(outcome, await ExpectMsgAsync<SleeveOutcome>());
        Assert.Same(outcome, (await sleeves.ExpectMsgAsync<SleeveOutcomeRecorded>()).Outcome);
        var (node, request) = Assert.Single(remote.Submitted);
        Assert.Equal("node-b", node);
        Assert.Equal(SleeveRunRequest.Of("crash_replay", Run), request);
    }

    [Fact]
    public async Task A_sleeve_whose_owner_gives_it_up_before_the_run_is_done_runs_here_after_all()
    {
        var remote = new FakeRemote("node-b", RemoteSleeveRun.Abandoned("node-b no longer holds sleeve/crash_replay"));
        var sleeves = CreateTestProbe();
        var proxy = Sys.ActorOf(ClusterSleeveProxy.Factory(sleeves.Ref, remote, Poll)("crash_replay"));

        proxy.Tell(Run, TestActor);

        Assert.Equal(new RunNamedSleeve("crash_replay", Run), await sleeves.ExpectMsgAsync<RunNamedSleeve>());
        Assert.Single(remote.Submitted);
        var outcome = SleeveOutcomeJsonTests.Full();
        sleeves.Reply(outcome);
        Assert.Same(outcome, await ExpectMsgAsync<SleeveOutcome>());
    }

    [Fact]
    public async Task A_sleeve_whose_owner_cannot_be_read_runs_here()
    {
        var remote = new FakeRemote(owner: null) { OwnerError = new InvalidOperationException("database away") };
        var sleeves = CreateTestProbe();
        var proxy = Sys.ActorOf(ClusterSleeveProxy.Factory(sleeves.Ref, remote, Poll)("crash_replay"));

        proxy.Tell(Run, TestActor);

        Assert.Equal(new RunNamedSleeve("crash_replay", Run), await sleeves.ExpectMsgAsync<RunNamedSleeve>());
        Assert.Empty(remote.Submitted);
    }

    /// <summary>A fixed owner, and the poll answers in order (the last one repeats).</summary>
    private sealed class FakeRemote(string? owner, params RemoteSleeveRun[] polls) : IRemoteSleeveRuns
    {
        private int _polls;

        public ConcurrentQueue<(string Node, SleeveRunRequest Request)> Submitted { get; } = new();

        public Exception? OwnerError { get; init; }

        public int Polls => Volatile.Read(ref _polls);

        public Task<string?> RemoteOwnerAsync(string sleeve, CancellationToken cancellationToken) =>
            OwnerError is { } error ? Task.FromException<string?>(error) : Task.FromResult(owner);

        public Task SubmitAsync(string node, SleeveRunRequest request, CancellationToken cancellationToken)
        {
            Submitted.Enqueue((node, request));
            return Task.CompletedTask;
        }

        public Task<RemoteSleeveRun> PollAsync(string node, SleeveRunRequest request, CancellationToken cancellationToken)
        {
            var n = Interlocked.Increment(ref _polls);
            return Task.FromResult(polls[Math.Min(n, polls.Length) - 1]);
        }
    }
}
