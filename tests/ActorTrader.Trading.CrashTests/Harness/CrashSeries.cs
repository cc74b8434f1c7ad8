using System.Diagnostics;
using System.Globalization;
using System.Text;
using ActorTrader.TestKit;

namespace ActorTrader.Trading.CrashTests.Harness;

/// <summary>
/// The crash series, run once for the tests that check its outcome: the node replays <see cref="CrashTestSetup.Days"/>
/// days and is killed with SIGKILL <see cref="CrashPlan.Kills"/> times at random points (<see cref="CrashPlan"/>), each
/// time started again with the same arguments (it resumes the replay); then it runs to the end of the replay. A kill
/// that does not happen as planned (the node exited by itself, or a crash point was never reached) fails the series.
/// </summary>
public sealed class CrashSeries : IAsyncLifetime
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(2);

    private readonly CrashTestSetup _setup = CrashTestSetup.Create();
    private readonly List<(CrashTrial Trial, TimeSpan Took, int Days)> _kills = [];

    public int Seed { get; } = CrashPlan.Seed();

    internal FinalState State { get; private set; } = null!;

    internal IReadOnlyList<CrashTrial> Kills => [.. _kills.Select(k => k.Trial)];

    /// <summary>The last run's final line ("Replay finished: 80/80 days ...").</summary>
    public string FinalLine { get; private set; } = "";

    public TimeSpan Elapsed { get; private set; }

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        foreach (var trial in CrashPlan.Create(Seed)) await KillAsync(trial);
        await FinishAsync();
        Elapsed = clock.Elapsed;
        State = await FinalState.ReadAsync(_setup);
    }

    private async Task KillAsync(CrashTrial trial)
    {
        var started = Stopwatch.StartNew();
        await using var run = NodeRun.Start(_setup, trial.Setting, trial.CrashPoint is null ? trial.Pass : null);
        var exitCode = await run.WaitForExitAsync(TestKitBase.Dilated(RunLimit));
        if (trial.CrashPoint is null)
        {
            if (!run.KilledByTest || exitCode != NodeRun.KilledExitCode)
                throw Failed(trial, run, exitCode, "the node exited by itself before the kill (the replay is too short for the plan, or the node failed)");
        }
        else
        {
            var marker = $"CRASH POINT {trial.CrashPoint} {trial.Pass.ToString(CultureInfo.InvariantCulture)} pid {run.Pid.ToString(CultureInfo.InvariantCulture)}";
            if (exitCode != NodeRun.KilledExitCode || !run.Output.Contains(marker, StringComparison.Ordinal))
            {
                throw Failed(trial, run, exitCode,
                    $"the node never reached crash point {trial.Setting}: either CrashPoints.Get(system).Reached(\"{trial.CrashPoint}\") is not called where that point is (see CrashPoints), or the replay ended first");
            }
        }
        _kills.Add((trial, started.Elapsed, run.DaysCompleted));
    }

    private async Task FinishAsync()
    {
        await using var run = NodeRun.Start(_setup, crashPoint: null);
        var exitCode = await run.WaitForExitAsync(TestKitBase.Dilated(RunLimit));
        var finished = run.Output.Split('\n').Select(l => l.TrimEnd('\r')).LastOrDefault(l => l.StartsWith("Replay finished: ", StringComparison.Ordinal));
        if (exitCode != 0 || finished is null)
            throw new InvalidOperationException($"After {_kills.Count} kills the last run (pid {run.Pid}) exited with {exitCode} instead of finishing the replay:{Environment.NewLine}{run.OutputTailText}");
        FinalLine = finished;
    }

    private InvalidOperationException Failed(CrashTrial trial, NodeRun run, int exitCode, string why) =>
        new($"Seed {Seed}, {trial} after {_kills.Count} kills: {why}; node pid {run.Pid} exited with {exitCode}.{Environment.NewLine}{run.OutputTailText}");

    /// <summary>The figures of the series, for the test output.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        var s = State;
        text.AppendLine(CultureInfo.InvariantCulture, $"seed {Seed} ({CrashPlan.SeedVariable} replays it); {_kills.Count} kills, {_kills.Count + 1} node starts, {Elapsed.TotalSeconds:0.0} s in all");
        foreach (var group in _kills.GroupBy(k => k.Trial.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
            text.AppendLine(CultureInfo.InvariantCulture, $"  kills {group.Key}: {group.Count()} (passes {string.Join(",", group.Select(k => k.Trial.Pass))})");
        text.AppendLine("  in order (kill, days the run completed, seconds): " + string.Join(", ",
            _kills.Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Trial.Setting ?? "day-line"} +{k.Days}d {k.Took.TotalSeconds:0.0}s"))));
        var duplicates = s.Submissions.GroupBy(r => r.ClientOrderId, StringComparer.Ordinal).Count(g => g.Count() > 1);
        var bookings = s.Bookings.ToList();
        var brokerIds = s.Executions.Select(e => e.ExecutionId).ToHashSet(StringComparer.Ordinal);
        text.AppendLine(CultureInfo.InvariantCulture,
            $"orders journaled {s.OrdersSubmitted.Count()}, submits at the broker {s.Submissions.Count} (accepted {s.Submissions.Count(r => r.Outcome == Brokers.Paper.SubmissionOutcome.Accepted)}, rejected {s.Submissions.Count(r => r.Outcome == Brokers.Paper.SubmissionOutcome.Rejected)}, duplicate records {s.Submissions.Count(r => r.Outcome == Brokers.Paper.SubmissionOutcome.Duplicate)}), client ids sent twice {duplicates}");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"broker fills {s.Executions.Count}, ledger bookings {bookings.Count} ({bookings.Count(b => brokerIds.Contains(b.ExecutionId))} under the broker's execution id, {bookings.Count(b => !brokerIds.Contains(b.ExecutionId))} recovered by reconciliation)");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"positions: broker {s.BrokerPositionsBySymbol().Count}, ledger {s.LedgerPositions().Count}; reconciliation adopted {s.LedgerEvents.OfType<Ledger.PositionAdopted>().Count()} positions and cash {s.LedgerEvents.OfType<Ledger.CashAdopted>().Count()} times");
        text.Append(FinalLine);
        return text.ToString();
    }

    public Task DisposeAsync()
    {
        _setup.Dispose();
        return Task.CompletedTask;
    }
}
