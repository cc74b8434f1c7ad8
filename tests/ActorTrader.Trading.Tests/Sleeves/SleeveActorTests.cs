using System.Text.Json;
using ActorTrader.Actors;
using ActorTrader.Data.Runs;
using ActorTrader.TestKit;
using ActorTrader.Trading.Sleeves;
using ActorTrader.Trading.Sleeves.Definition;

namespace ActorTrader.Trading.Tests.Sleeves;

/// <summary>The sleeve actor on virtual time: one outcome per command, strategies in supervised children, backoff, degradation.</summary>
public sealed class SleeveActorTests : TestKit.TestKit, IDisposable
{
    // A whole pipeline run is real CPU work; waiting for its outcome gets a generous real-time limit.
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan Backoff = TimeSpan.FromSeconds(1);

    private readonly TempDirectory _temp = SleeveTestFiles.TempRuns();
    private readonly SleeveServices _services;

    public SleeveActorTests() : base(new TestKitSettings { VirtualTime = true })
    {
        _services = new SleeveServices(SleeveTestFiles.EmbeddedData(), new RunArtifacts(_temp.Path))
        {
            Backoff = new StrategyBackoff(Backoff, Backoff, 0, 2),
        };
    }

    public void Dispose() => _temp.Dispose();

    private IActorRef Start(SleeveDefinition definition) => Sys.ActorOf(SleeveActor.Props(definition, _services), SleeveActor.NameOf(definition.Name));

    /// <summary>Waits until the strategy's backoff supervisor has counted this many restarts (so its restart is scheduled).</summary>
    private Task AwaitRestartCountAsync(string sleeve, string strategy, int expected)
    {
        var probe = CreateTestProbe();
        return AwaitAssertAsync(async () =>
        {
            Sys.ActorSelection($"/user/{SleeveActor.NameOf(sleeve)}/{SleeveActor.ChildNameOf(strategy)}").Tell(BackoffSupervisor.GetRestartCount.Instance, probe.Ref);
            Assert.Equal(expected, (await probe.ExpectMsgAsync<BackoffSupervisor.RestartCount>()).Count);
        });
    }

    [Fact]
    public async Task A_sleeve_answers_RunSleeve_with_one_outcome()
    {
        var sleeve = Start(TestSleeves.Definition([TestStrategy.FollowsYesterday(), TestStrategy.AlwaysLong()]));

        sleeve.Tell(new RunSleeve(), TestActor);

        var outcome = await ExpectMsgAsync<SleeveOutcome>(RunTimeout);
        Assert.True(outcome.Succeeded, outcome.FailureReason);
        Assert.Equal("test_sleeve", outcome.Sleeve);
        Assert.Equal(Scheduler.Now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture), outcome.RunId.Value[..16]);
        Assert.True(File.Exists(Path.Combine(outcome.RunDirectory, "weights.json")));
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task Each_strategy_runs_in_its_own_supervised_child()
    {
        var sleeve = Start(TestSleeves.Definition([TestStrategy.FollowsYesterday(), TestStrategy.AlwaysLong()]));
        sleeve.Tell(new RunSleeve(), TestActor);
        await ExpectMsgAsync<SleeveOutcome>(RunTimeout);

        foreach (var strategy in new[] { "follows_yesterday", "always_long" })
        {
            var child = await Sys.ActorSelection($"/user/sleeve-test_sleeve/strategy-{strategy}/worker").ResolveOne(DefaultTimeout);
            Assert.NotNull(child);
        }
    }

    [Fact]
    public async Task A_failing_strategy_restarts_with_backoff_and_the_sleeve_completes_degraded()
    {
        var events = CreateTestProbe();
        Sys.EventStream.Subscribe(events.Ref, typeof(SleeveStrategyFailed));
        var sleeve = Start(TestSleeves.Definition([TestStrategy.Throws(), TestStrategy.FollowsYesterday()]));

        sleeve.Tell(new RunSleeve(), TestActor);

        for (var attempt = 1; attempt <= 2; attempt++)
        {
            var failed = await events.ExpectMsgAsync<SleeveStrategyFailed>(RunTimeout);
            Assert.Equal(("always_throws", attempt, false), (failed.Strategy, failed.Attempt, failed.Degraded));
            await AwaitRestartCountAsync("test_sleeve", "always_throws", attempt);
            // Not retried before its backoff has passed.
            await events.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
            Scheduler.Advance(Backoff);
        }
        var last = await events.ExpectMsgAsync<SleeveStrategyFailed>(RunTimeout);
        Assert.Equal((3, true), (last.Attempt, last.Degraded));

        var outcome = await ExpectMsgAsync<SleeveOutcome>(RunTimeout);
        Assert.True(outcome.Succeeded, outcome.FailureReason);
        Assert.Equal(["always_throws"], outcome.DegradedStrategies);
        Assert.Contains(outcome.Excluded, e => e.StartsWith("always_throws (aggregation): degraded: failed 3 time(s)", StringComparison.Ordinal));
        var aggregation = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(outcome.RunDirectory, "01_aggregation.json"))).RootElement;
        Assert.Equal("always_throws", aggregation.GetProperty("degraded")[0].GetProperty("strategy").GetString());
        Assert.Contains("DEGRADED", File.ReadAllText(Path.Combine(outcome.RunDirectory, "sleeve_report.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sleeve_survives_a_degraded_run_and_runs_again()
    {
        var sleeve = Start(TestSleeves.Definition([TestStrategy.Throws(), TestStrategy.FollowsYesterday()]));
        var events = CreateTestProbe();
        Sys.EventStream.Subscribe(events.Ref, typeof(SleeveStrategyFailed));

        for (var run = 0; run < 2; run++)
        {
            sleeve.Tell(new RunSleeve(SleeveTestFiles.FixedRun(run == 0 ? "00000a" : "00000b")), TestActor);
            for (var attempt = 1; attempt <= 2; attempt++)
            {
                await events.ExpectMsgAsync<SleeveStrategyFailed>(RunTimeout);
                await AwaitRestartCountAsync("test_sleeve", "always_throws", attempt);
                Scheduler.Advance(Backoff);
            }
            await events.ExpectMsgAsync<SleeveStrategyFailed>(f => f.Degraded, RunTimeout);
            var outcome = await ExpectMsgAsync<SleeveOutcome>(RunTimeout);
            Assert.True(outcome.Succeeded && outcome.Degraded, outcome.FailureReason);
        }
    }

    [Fact]
    public async Task A_pinned_run_id_writes_into_the_sleeves_folder_of_that_run()
    {
        var sleeve = Start(TestSleeves.Definition([TestStrategy.FollowsYesterday()]));
        var run = SleeveTestFiles.FixedRun("abcdef");

        sleeve.Tell(new RunSleeve(run), TestActor);

        var outcome = await ExpectMsgAsync<SleeveOutcome>(RunTimeout);
        Assert.Equal(run, outcome.RunId);
        Assert.Equal(Path.Combine(_temp.Path, run.Value, "sleeves", "test_sleeve"), outcome.RunDirectory);
        Assert.True(File.Exists(Path.Combine(outcome.RunDirectory, "weights.json")));
    }

    [Fact]
    public async Task A_command_arriving_during_a_run_waits_and_gets_its_own_outcome()
    {
        var sleeve = Start(TestSleeves.Definition([TestStrategy.FollowsYesterday()]));

        sleeve.Tell(new RunSleeve(SleeveTestFiles.FixedRun("000001")), TestActor);
        sleeve.Tell(new RunSleeve(SleeveTestFiles.FixedRun("000002")), TestActor);

        var first = await ExpectMsgAsync<SleeveOutcome>(RunTimeout);
        var second = await ExpectMsgAsync<SleeveOutcome>(RunTimeout);
        Assert.Equal(["000001", "000002"], new[] { first, second }.Select(o => o.RunId.Value[^6..]));
        Assert.True(first.Succeeded && second.Succeeded);
    }

    [Fact]
    public async Task A_run_that_stops_at_a_stage_still_answers_once_with_the_failure()
    {
        var impossible = new SelectionSettings(1, [new SelectionLevel(100, 0, 1_000_000, 1)]);
        var sleeve = Start(TestSleeves.Definition([TestStrategy.FollowsYesterday()], selection: impossible));

        sleeve.Tell(new RunSleeve(), TestActor);

        var outcome = await ExpectMsgAsync<SleeveOutcome>(RunTimeout);
        Assert.Equal("selection", outcome.FailureStage);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task A_run_whose_directory_cannot_be_prepared_still_gets_its_one_outcome()
    {
        // A damaged `latest` entry makes preparing the run directory throw something other than an I/O error.
        File.WriteAllText(Path.Combine(_temp.Path, RunArtifacts.LatestName), "not-a-run-id\n");
        var sleeve = Start(TestSleeves.Definition([TestStrategy.FollowsYesterday()]));

        sleeve.Tell(new RunSleeve(), TestActor);

        var outcome = await ExpectMsgAsync<SleeveOutcome>(RunTimeout);
        Assert.False(outcome.Succeeded);
        Assert.Equal("data", outcome.FailureStage);
        Assert.Contains("not-a-run-id", outcome.FailureReason, StringComparison.Ordinal);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public async Task The_meta_factory_creates_sleeves_from_their_files_and_refuses_unknown_names_with_a_suggestion()
    {
        var files = new SleeveFiles(SleeveTestFiles.SleevesDirectory, SleeveTestFiles.Reference);
        var factory = files.PropsFactory(_services);

        Assert.Equal(["core_equity", "crypto_synthetic", "trend_short"], files.Names);
        var error = Assert.Throws<SleeveDefinitionException>(() => factory("core_equty"));
        Assert.Contains("did you mean core_equity?", error.Message, StringComparison.Ordinal);

        var sleeve = Sys.ActorOf(factory("crypto_synthetic"), "sleeve-crypto_synthetic");
        sleeve.Tell(new RunSleeve(), TestActor);
        var outcome = await ExpectMsgAsync<SleeveOutcome>(RunTimeout);
        Assert.True(outcome.Succeeded, outcome.FailureReason);
    }
}
