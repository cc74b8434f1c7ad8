using ActorTrader.Persistence.Tests.Behaviour;
using static ActorTrader.Persistence.Tests.Support.RecorderActor;

namespace ActorTrader.Persistence.Tests.Acceptance;

/// <summary>
/// A full disk, a lock held by another process and a database moved away, met by persistent actors on SQLite:
/// the failure names the file, the problem and the fix, and a node restarted on a healthy file recovers every
/// event acknowledged before the fault and numbers the next one after them.
/// </summary>
public sealed class SqliteStoreFaultsAcceptanceSpec : AcceptanceSpec
{
    private readonly SqliteFaultBackend _sqlite = new();

    protected override PersistenceBackend CreateBackend() => _sqlite;

    [Fact]
    public async Task A_full_disk_stops_the_persisting_actor_with_the_fix_and_a_restarted_node_recovers_every_acknowledged_event()
    {
        var id = NewPersistenceId();
        await RecoverOnFreshNodeAsync(id, "a"); // creates the file and acknowledges event 1 before the disk fills
        var uncapped = _sqlite.Options;
        _sqlite.Options = uncapped with { MaxPageCount = await SqliteFaultBackend.PageCountAsync(_sqlite.DatabasePath) + 2 };
        await StartPersistenceAsync();
        var alerts = SubscribeToAlerts();
        var reporter = CreateTestProbe();
        var (actor, recovered) = await SpawnRecoveredAsync(id, reporter);
        Watch(actor);
        var acknowledged = new List<string>(recovered.Values);

        PersistFailed? failure = null;
        while (failure is null)
        {
            var value = $"{acknowledged.Count + 1}:{new string('x', 2000)}";
            actor.Tell(new Add(value), TestActor);
            switch (await reporter.ReceiveOneAsync(DefaultTimeout))
            {
                case Handled handled:
                    Assert.Equal((value, acknowledged.Count + 1L), (handled.Value, handled.SequenceNr));
                    acknowledged.Add(value);
                    break;
                case PersistFailed failed:
                    failure = failed;
                    break;
                case var other:
                    Assert.Fail($"Expected Handled or PersistFailed, got {other?.ToString() ?? "nothing"}.");
                    break;
            }
        }

        Assert.Contains($"{_sqlite.DatabasePath}: database or disk is full", failure.Cause.Message, StringComparison.Ordinal);
        Assert.Contains("earlier events are intact. Fix: free disk space", failure.Cause.Message, StringComparison.Ordinal);
        await ExpectTerminatedAsync(actor);
        Assert.Equal(PersistenceFailure.Persist, (await alerts.ExpectMsgAsync<PersistenceAlert>()).Failure);
        Assert.True(acknowledged.Count >= 2, $"The disk filled before the capped store acknowledged anything ({acknowledged.Count} events), so nothing was at risk.");
        _sqlite.Options = uncapped; // disk space freed
        var (restarted, next) = await RecoverOnFreshNodeAsync(id, "after");
        Assert.Equal(acknowledged, restarted.Values);
        Assert.Equal(acknowledged.Count + 1, next);
    }

    [Fact]
    public async Task A_snapshot_save_on_a_full_disk_answers_SaveSnapshotFailure_with_the_fix_and_the_actor_keeps_persisting()
    {
        var id = NewPersistenceId();
        var ballast = new string('b', 9000); // the snapshot holds it too, so it needs pages the disk no longer has
        await RecoverOnFreshNodeAsync(id, ballast);
        var uncapped = _sqlite.Options;
        // Pins the snapshot file at its size; the cap cannot shrink the larger journal file, so it stays as it is.
        _sqlite.Options = uncapped with { MaxPageCount = await SqliteFaultBackend.PageCountAsync(_sqlite.SnapshotDatabasePath) };
        await StartPersistenceAsync();
        var reporter = CreateTestProbe();
        var (actor, _) = await SpawnRecoveredAsync(id, reporter);
        await AcknowledgeAsync(actor, reporter, 2, "a");

        actor.Tell(new TakeSnapshot(), TestActor);

        var failure = await reporter.ExpectMsgAsync<SaveSnapshotFailure>();
        Assert.Equal(2, failure.Metadata.SequenceNr);
        Assert.Contains($"{_sqlite.SnapshotDatabasePath}: database or disk is full", failure.Cause.Message, StringComparison.Ordinal);
        Assert.Contains("Fix: free disk space", failure.Cause.Message, StringComparison.Ordinal);
        await AcknowledgeAsync(actor, reporter, 3, "b"); // a failed snapshot does not stop the actor
        await StopAsync(actor);
        _sqlite.Options = uncapped;
        var (restarted, next) = await RecoverOnFreshNodeAsync(id, "c");
        Assert.Equal([ballast, "a", "b"], restarted.Values);
        Assert.Equal(4, next);
    }

    [Fact]
    public async Task A_database_locked_by_another_process_fails_the_persist_with_the_fix_and_a_restarted_node_recovers_every_acknowledged_event()
    {
        _sqlite.Options = _sqlite.Options with { BusyTimeout = TimeSpan.FromMilliseconds(200) };
        await StartPersistenceAsync();
        var id = NewPersistenceId();
        var reporter = CreateTestProbe();
        var (actor, _) = await SpawnRecoveredAsync(id, reporter);
        Watch(actor);
        await AcknowledgeAsync(actor, reporter, 1, "a", "b");

        await using (await _sqlite.HoldWriteLockAsync())
        {
            actor.Tell(new Add("c"), TestActor);

            // The write waits out the busy timeout and the driver's own retries (about a second) before it gives up.
            var failure = await reporter.ExpectMsgAsync<PersistFailed>(TimeSpan.FromSeconds(15));
            Assert.Equal(3, failure.SequenceNr);
            Assert.Contains($"{_sqlite.DatabasePath} is locked by another connection or process", failure.Cause.Message, StringComparison.Ordinal);
            Assert.Contains("Fix: stop the other process using this file", failure.Cause.Message, StringComparison.Ordinal);
            await ExpectTerminatedAsync(actor);
        }

        var (restarted, next) = await RecoverOnFreshNodeAsync(id, "d");
        Assert.Equal(["a", "b"], restarted.Values);
        Assert.Equal(3, next);
    }

    [Fact]
    public async Task A_database_moved_away_while_running_refuses_the_write_with_the_fix_and_once_put_back_every_acknowledged_event_recovers()
    {
        await StartPersistenceAsync();
        var id = NewPersistenceId();
        var reporter = CreateTestProbe();
        var (actor, _) = await SpawnRecoveredAsync(id, reporter);
        Watch(actor);
        await AcknowledgeAsync(actor, reporter, 1, "a", "b");
        var aside = Path.Combine(_sqlite.Directory, "moved-aside");
        SqliteFaultBackend.MoveFiles(_sqlite.Directory, aside);

        actor.Tell(new Add("c"), TestActor);

        var failure = await reporter.ExpectMsgAsync<PersistFailed>();
        Assert.Contains($"The SQLite database {_sqlite.DatabasePath} was deleted or moved while the node was running", failure.Cause.Message, StringComparison.Ordinal);
        Assert.Contains("Fix: stop the node, put the file (with its -wal file) back", failure.Cause.Message, StringComparison.Ordinal);
        await ExpectTerminatedAsync(actor);
        Assert.False(File.Exists(_sqlite.DatabasePath)); // the refused write did not create an empty journal in its place
        Assert.False(File.Exists(_sqlite.SnapshotDatabasePath));
        SqliteFaultBackend.MoveFiles(aside, _sqlite.Directory);
        var (restarted, next) = await RecoverOnFreshNodeAsync(id, "d");
        Assert.Equal(["a", "b"], restarted.Values);
        Assert.Equal(3, next);
    }
}
