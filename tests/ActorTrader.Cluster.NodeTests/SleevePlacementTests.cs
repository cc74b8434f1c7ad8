using System.Diagnostics;
using System.Text.RegularExpressions;
using ActorTrader.Cluster.Leases;
using ActorTrader.Cluster.Membership;
using ActorTrader.Cluster.NodeTests.Harness;
using ActorTrader.Cluster.Placement;
using Xunit.Abstractions;

namespace ActorTrader.Cluster.NodeTests;

/// <summary>
/// Issue 11 §3: two trader nodes replay a profile of two sleeves that rendezvous hashing places one on each node. The
/// node trading the account asks the other node to run the sleeve that node owns (its lease <c>sleeve/&lt;name&gt;</c>),
/// and the replay ends with the same NAV as the same replay on a node alone.
/// </summary>
[Collection(ClusterNodesCollection.Name)]
public sealed partial class SleevePlacementTests(ClusterServer server, ITestOutputHelper output)
{
    private const int Days = 3;
    private const string First = "crash_replay";
    private static readonly string[] NodeNames = ["node-a", "node-b"];

    [Fact]
    public async Task A_sleeve_owned_by_the_standby_runs_there_and_the_replay_ends_as_on_one_node()
    {
        var second = SecondSleeve();
        await using var cluster = ClusterTestSetup.Create(server.Postgres, Days);
        foreach (var name in NodeNames) cluster.WriteNode(name, ["trader"], Profile(cluster, second));
        // The test holds the account until each node holds the lease of its sleeve, so the replay starts with the sleeves placed.
        await using var database = await SchemaAsync(cluster);
        var leases = new LeaseStore(database);
        var gate = await leases.TryAcquireAsync("trading/account-" + ClusterTestSetup.AccountId, "test-gate#0", TimeSpan.FromMinutes(5), CancellationToken.None);
        var clock = Stopwatch.StartNew();
        await using var a = ClusterNode.Start(NodeNames[0], cluster.Root, cluster.ReplayArguments(NodeNames[0]), clock);
        await using var b = ClusterNode.Start(NodeNames[1], cluster.Root, cluster.ReplayArguments(NodeNames[1]), clock);
        await Eventually.HoldsAsync(async () =>
        {
            var held = (await leases.ListAsync(CancellationToken.None)).Where(l => l.Name.StartsWith("sleeve/", StringComparison.Ordinal) && l.Held).ToList();
            return held.Count == 2 && held.Select(l => l.Holder![..l.Holder!.IndexOf('#', StringComparison.Ordinal)]).Distinct().Count() == 2;
        }, TimeSpan.FromMinutes(1), "each node holding the lease of the sleeve placed on it");
        await leases.ReleaseAsync(gate!, CancellationToken.None);
        var (holder, standby) = await TwoNodes.HolderAndStandbyAsync(a, b);
        Assert.Equal(0, await holder.WaitForExitAsync(TimeSpan.FromMinutes(2)));
        Assert.Equal(0, await standby.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        var clustered = Finished(holder);

        await using var alone = ClusterTestSetup.Create(server.Postgres, Days);
        alone.WriteNode("solo", ["trader"], Profile(alone, second));
        await using var solo = ClusterNode.Start("solo", alone.Root, alone.ReplayArguments("solo"), clock);
        Assert.Equal(0, await solo.WaitForExitAsync(TimeSpan.FromMinutes(2)));
        var single = Finished(solo);

        var runs = SleeveRunsServed(cluster, standby.Name);
        output.WriteLine($"cluster: {clustered}{Environment.NewLine}alone:   {single}{Environment.NewLine}{standby.Name} ran {runs.Count} sleeve run(s) for {holder.Name}: {string.Join(", ", runs)}");
        Assert.NotEmpty(runs);
        var owned = Placement(second).Single(p => p.Value == standby.Name).Key;
        Assert.All(runs, key => Assert.Contains($"/{owned}/", key, StringComparison.Ordinal));
        Assert.DoesNotContain(holder.Lines, l => l.Contains("runs on this node after all", StringComparison.Ordinal));
        Assert.Equal(Nav(single), Nav(clustered));
        Assert.Equal(single, clustered);
    }

    /// <summary>The cluster's tables, created before the nodes start (the journal's first: the fencing trigger sits on them).</summary>
    private static async Task<ClusterDatabase> SchemaAsync(ClusterTestSetup setup)
    {
        await (await setup.OpenJournalAsync()).DisposeAsync();
        var database = new ClusterDatabase(setup.ConnectionString, setup.Schema);
        await database.EnsureSchemaAsync();
        return database;
    }

    /// <summary>A name for the second sleeve that rendezvous hashing places on the other node than <see cref="First"/>.</summary>
    private static string SecondSleeve() =>
        Enumerable.Range(2, 30).Select(i => $"crash_replay_{i}").First(name =>
        {
            var placement = Placement(name);
            return placement[First] != placement[name];
        });

    private static IReadOnlyDictionary<string, string> Placement(string second) =>
        SleevePlacement.Assign([First, second], NodeNames.Select(n => new Member(n, Guid.Empty, "", ["trader"], "", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, MemberStatus.Up)));

    /// <summary>A profile of the crash test's sleeve and a copy of it under <paramref name="second"/>, in a sleeves directory of the test's own.</summary>
    private static string Profile(ClusterTestSetup setup, string second)
    {
        var sleeves = Path.Combine(setup.Root, "sleeves");
        Directory.CreateDirectory(sleeves);
        var source = Path.Combine(AppContext.BaseDirectory, "TestData", "sleeves", First + ".conf");
        File.Copy(source, Path.Combine(sleeves, First + ".conf"), overwrite: true);
        File.Copy(source, Path.Combine(sleeves, second + ".conf"), overwrite: true);
        var quoted = "\"" + sleeves.Replace("\\", "\\\\", StringComparison.Ordinal) + "\"";
        return $$"""
            sleeves.dir = {{quoted}}
            meta.profiles.placement { sleeves = [{{First}}, {{second}}], optimizer = equal }
            trading.run.profile = placement
            """;
    }

    private static string Finished(ClusterNode node) =>
        node.Lines.SingleOrDefault(l => l.StartsWith($"Replay finished: {Days}/{Days} days", StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"{node.Name} did not finish the replay:{Environment.NewLine}{node.Tail()}");

    private static string Nav(string finished) => NavPart().Match(finished).Value;

    /// <summary>The sleeve runs a node logged as done for the account core of another node (its JSON log files).</summary>
    private static List<string> SleeveRunsServed(ClusterTestSetup setup, string node) =>
        [.. Directory.EnumerateFiles(setup.NodeDir(node), "*.json*", SearchOption.AllDirectories)
            .SelectMany(File.ReadLines)
            .Where(l => l.Contains("for the account core (item", StringComparison.Ordinal))
            .Select(l => ItemKey().Match(l).Groups["key"].Value)];

    [GeneratedRegex(@"NAV \S+", RegexOptions.CultureInvariant)]
    private static partial Regex NavPart();

    [GeneratedRegex(@"""Key"":""(?<key>[^""]+)""", RegexOptions.CultureInvariant)]
    private static partial Regex ItemKey();
}
