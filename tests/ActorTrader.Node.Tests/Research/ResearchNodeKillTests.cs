using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Runtime.Versioning;
using ActorTrader.Hosting.Management;
using ActorTrader.Hosting.Security;
using ActorTrader.Node.Tests.EndToEnd;
using ActorTrader.TestKit;
using Xunit.Abstractions;

namespace ActorTrader.Node.Tests.Research;

/// <summary>
/// Acceptance with real processes: a node with role research, SIGKILLed in the middle of a generation several times and
/// started again on the same journal, continues the same run and journals, bit for bit, the generation outcomes of an
/// uninterrupted node run with the same seed.
/// </summary>
[Collection(NodeProcessCollection.Name)]
[UnsupportedOSPlatform("windows")]
public sealed class ResearchNodeKillTests(ITestOutputHelper output) : IDisposable
{
    private const int Generations = 8;
    private const int Kills = 3;
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(90);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_research_node_killed_mid_generation_and_restarted_ends_with_the_outcomes_of_an_uninterrupted_run()
    {
        var clock = Stopwatch.StartNew();
        var uninterrupted = ResearchNodeSetup.Create(_dir.File("uninterrupted"), Generations);
        await RunToCompletionAsync(uninterrupted);
        var expected = await ResearchJournal.ReadAsync(uninterrupted.JournalFile, ResearchNodeSetup.Strategy);
        var uninterruptedTook = clock.Elapsed;

        var killed = ResearchNodeSetup.Create(_dir.File("killed"), Generations);
        var journaledAtKill = new List<int>();
        for (var kill = 1; kill <= Kills; kill++)
        {
            // Each run is killed right after the first generation it journals itself, so every restart makes progress.
            await using var run = ResearchNodeRun.Start(killed, killAfterGenerations: 1);
            var exitCode = await run.WaitForExitAsync(TestKitBase.Dilated(RunLimit));
            Assert.True(run.KilledByTest && exitCode == ResearchNodeRun.KilledExitCode,
                $"Kill {kill}: the node (pid {run.Pid}) exited with {exitCode} before the test killed it:{Environment.NewLine}{run.OutputTailText}");
            var journaled = (await ResearchJournal.ReadAsync(killed.JournalFile, ResearchNodeSetup.Strategy)).Outcomes.Count;
            Assert.True(journaled > (journaledAtKill.Count == 0 ? 0 : journaledAtKill[^1]) && journaled < Generations,
                $"Kill {kill} must land after a new generation was journaled and before the run completed; the journal holds {journaled} of {Generations}.");
            journaledAtKill.Add(journaled);
        }
        var resumedAt = clock.Elapsed;
        await RunToCompletionAsync(killed);
        var actual = await ResearchJournal.ReadAsync(killed.JournalFile, ResearchNodeSetup.Strategy);

        var identical = expected.OutcomesJson().SequenceEqual(actual.OutcomesJson(), StringComparer.Ordinal);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"kills {Kills}; generations journaled at each kill: {string.Join(", ", journaledAtKill)} (of {Generations}); after the restarts {actual.Outcomes.Count}; " +
            $"outcomes identical to the uninterrupted run: {(identical ? "yes" : "no")}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"uninterrupted node {uninterruptedTook.TotalSeconds:0.0} s, killed runs {(resumedAt - uninterruptedTook).TotalSeconds:0.0} s, final run {(clock.Elapsed - resumedAt).TotalSeconds:0.0} s, {clock.Elapsed.TotalSeconds:0.0} s in all"));
        Assert.Single(actual.Runs);
        Assert.Equal(Enumerable.Range(0, Generations), actual.Outcomes.Select(o => o.Generation));
        Assert.Equal(Generations, expected.Outcomes.Count);
        Assert.Equal(expected.OutcomesJson(), actual.OutcomesJson());
    }

    /// <summary>Runs the node until its run completed, checks that its API says so, and stops it with SIGTERM.</summary>
    private static async Task RunToCompletionAsync(ResearchNodeSetup setup)
    {
        await using var run = ResearchNodeRun.Start(setup);
        await run.WaitForCompletionAsync(TestKitBase.Dilated(RunLimit));
        var status = await StatusAsync(setup);
        var population = Assert.Single(status.Populations);
        Assert.Equal(("completed", Generations), (population.Phase, population.Generation));
        var exitCode = await run.TerminateAsync(TestKitBase.Dilated(NodeFixturePaths.ShutdownTimeout * 2));
        Assert.True(exitCode == 0, $"The node exited with {exitCode} after SIGTERM:{Environment.NewLine}{run.OutputTailText}");
    }

    private static async Task<ResearchStatusResponse> StatusAsync(ResearchNodeSetup setup)
    {
        var endpoint = EndpointFile.Read(setup.EndpointFile) ?? throw new InvalidOperationException($"The node wrote no {setup.EndpointFile}.");
        using var http = new HttpClient { BaseAddress = new Uri(endpoint.Url) };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", BearerToken.HeaderValue(TokenFile.Read(setup.TokenFile)));
        return (await http.GetFromJsonAsync<ResearchStatusResponse>(ManagementRoutes.ResearchStatus.TrimStart('/'), ManagementJson.Options))!;
    }
}
