using Xunit.Abstractions;

namespace ActorTrader.Persistence.Tests.Crash;

/// <summary>SIGKILL at random moments against the SQLite journal and snapshot store (see <see cref="CrashTrials"/>).</summary>
public sealed class SqliteCrashTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_acknowledged_event_survives_SIGKILL_and_numbering_continues_without_gaps_on_sqlite()
    {
        await using var backend = new SqliteCrashBackend();
        await CrashScenarios.KillWhilePersistingAsync(backend, output);
    }

    [Fact]
    public async Task A_kill_during_snapshot_saves_leaves_a_snapshot_that_matches_the_journal_on_sqlite()
    {
        await using var backend = new SqliteCrashBackend();
        await CrashScenarios.KillWhileSnapshottingAsync(backend, output);
    }
}
