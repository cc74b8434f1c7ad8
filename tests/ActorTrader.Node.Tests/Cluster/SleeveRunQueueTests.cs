using ActorTrader.Cluster.Leases;
using ActorTrader.Cluster.Tests.Support;
using ActorTrader.Cluster.WorkQueues;
using ActorTrader.Data.Runs;
using ActorTrader.Node.Cluster.Sleeves;

namespace ActorTrader.Node.Tests.Cluster;

/// <summary>Sleeve runs over the cluster's lease and work tables (real PostgreSQL), as the account core's proxies use them.</summary>
public sealed class SleeveRunQueueTests(SharedDatabaseFixture db) : IClassFixture<SharedDatabaseFixture>, IDisposable
{
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);
    private readonly string _prefix = Guid.NewGuid().ToString("N")[..8];
    private readonly LeaseStore _leases = new(db.Database);
    private readonly WorkQueue _work = new(db.Database);
    private readonly TempDirectory _runs = new();

    private string Here => $"{_prefix}-a#1";

    private string There => $"{_prefix}-b#1";

    private string ThereNode => $"{_prefix}-b";

    [Fact]
    public async Task The_owner_is_the_other_node_holding_the_sleeves_lease_and_none_when_this_node_or_nobody_holds_it()
    {
        var runs = Runs();
        await _leases.TryAcquireAsync(ClusterSleeveRuns.LeaseOf(Sleeve("there")), There, Ttl, CancellationToken.None);
        await _leases.TryAcquireAsync(ClusterSleeveRuns.LeaseOf(Sleeve("here")), Here, Ttl, CancellationToken.None);

        Assert.Equal(ThereNode, await runs.RemoteOwnerAsync(Sleeve("there"), CancellationToken.None));
        Assert.Null(await runs.RemoteOwnerAsync(Sleeve("here"), CancellationToken.None));
        Assert.Null(await runs.RemoteOwnerAsync(Sleeve("nobody"), CancellationToken.None));
    }

    [Fact]
    public async Task A_done_run_comes_back_with_its_files_in_this_nodes_run_directory_and_leaves_the_queue()
    {
        var runs = Runs();
        var request = Request();
        await _leases.TryAcquireAsync(ClusterSleeveRuns.LeaseOf(request.Sleeve), There, Ttl, CancellationToken.None);
        await runs.SubmitAsync(ThereNode, request, CancellationToken.None);
        Assert.Same(RemoteSleeveRun.Pending, await runs.PollAsync(ThereNode, request, CancellationToken.None));

        var claim = Assert.Single(await _work.ClaimAsync(SleeveRunRequest.QueueOf(ThereNode), ThereNode, 1, Ttl, CancellationToken.None));
        Assert.Equal(request, SleeveRunRequest.FromJson(claim.Payload));
        var ran = SleeveOutcomeJsonTests.Full(request.Sleeve) with { RunId = request.RunId!.Value, RunDirectory = "/on/the/other/node" };
        var files = new Dictionary<string, byte[]> { ["weights.json"] = [1, 2, 3], ["tearsheet/equity.svg"] = [4] };
        await _work.CompleteAsync(claim, new SleeveRunResult(ran, files).ToJson(), CancellationToken.None);
        var done = await runs.PollAsync(ThereNode, request, CancellationToken.None);

        Assert.Equal(RemoteSleeveRunStatus.Done, done.Status);
        var directory = Path.Combine(_runs.Path, request.RunId.Value.Value, "sleeves", request.Sleeve);
        Assert.Equal(directory, done.Outcome!.RunDirectory);
        SleeveOutcomeJsonTests.AssertSame(ran with { RunDirectory = directory }, done.Outcome);
        Assert.Equal(new byte[] { 1, 2, 3 }, await File.ReadAllBytesAsync(Path.Combine(directory, "weights.json")));
        Assert.Equal(new byte[] { 4 }, await File.ReadAllBytesAsync(Path.Combine(directory, "tearsheet", "equity.svg")));
        Assert.Empty(await _work.ReadOutcomesAsync(SleeveRunRequest.QueueOf(ThereNode), [request.Key], CancellationToken.None));
    }

    [Fact]
    public async Task A_run_whose_owner_released_the_sleeve_before_it_was_done_is_abandoned_and_leaves_the_queue()
    {
        var runs = Runs();
        var request = Request();
        var grant = await _leases.TryAcquireAsync(ClusterSleeveRuns.LeaseOf(request.Sleeve), There, Ttl, CancellationToken.None);
        await runs.SubmitAsync(ThereNode, request, CancellationToken.None);

        await _leases.ReleaseAsync(grant!, CancellationToken.None);
        var polled = await runs.PollAsync(ThereNode, request, CancellationToken.None);

        Assert.Equal(RemoteSleeveRunStatus.Abandoned, polled.Status);
        Assert.Contains(ThereNode, polled.Reason, StringComparison.Ordinal);
        Assert.Empty(await _work.ReadOutcomesAsync(SleeveRunRequest.QueueOf(ThereNode), [request.Key], CancellationToken.None));
    }

    public void Dispose() => _runs.Dispose();

    private ClusterSleeveRuns Runs() => new(_leases, _work, Here, new RunArtifacts(_runs.Path));

    private string Sleeve(string name) => $"{_prefix}-{name}";

    private SleeveRunRequest Request() =>
        new(Sleeve("s"), RunId.Create(new DateTimeOffset(2022, 9, 15, 20, 0, 0, TimeSpan.Zero), "0a0b0c"), null, new DateTimeOffset(2022, 9, 16, 4, 0, 0, TimeSpan.Zero));
}
