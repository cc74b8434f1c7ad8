using ActorTrader.Persistence.CrashProbe;
using Xunit.Abstractions;

namespace ActorTrader.Persistence.Tests.Crash;

/// <summary>The two kill series every backend must survive; the backend test classes only choose the database.</summary>
internal static class CrashScenarios
{
    /// <summary>Kills per series: each costs a process start (~0.2 s) plus the events it persists before the kill.</summary>
    public const int Trials = 30;

    /// <summary>Enough concurrent writers for the journal to group writes of several actors into one transaction.</summary>
    public const int Actors = 4;

    public static async Task KillWhilePersistingAsync(ICrashBackend backend, ITestOutputHelper output)
    {
        var summary = await new CrashTrials(backend, ProbeMode.Events, Actors, Trials).RunAsync(CrashTrials.ChooseSeed());
        output.WriteLine(summary.ToString());
        Assert.True(summary.Acknowledged > 0, $"The probe acknowledged no event, so nothing was tested: {summary}");
    }

    public static async Task KillWhileSnapshottingAsync(ICrashBackend backend, ITestOutputHelper output)
    {
        var summary = await new CrashTrials(backend, ProbeMode.Snapshots, Actors, Trials).RunAsync(CrashTrials.ChooseSeed());
        output.WriteLine(summary.ToString());
        Assert.True(summary.KillsDuringSnapshotSave > 0, $"No kill landed while a snapshot save was in flight, so the series did not test that: {summary}");
        Assert.True(summary.RecoveriesFromSnapshot > 0, $"No recovery started from a snapshot, so the series did not test snapshot recovery: {summary}");
    }
}
