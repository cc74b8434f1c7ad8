using System.Text;
using ActorTrader.Persistence.Serialization;
using ActorTrader.Persistence.Snapshots;
using ActorTrader.Persistence.Tests.Support;
using static ActorTrader.Persistence.Tests.Support.RecorderActor;

namespace ActorTrader.Persistence.Tests.Acceptance;

/// <summary>
/// Corrupt rows (a truncated event, an unknown manifest, a truncated snapshot) after acknowledged events, on any
/// backend: recovery fails with an error that names the row and the fix and raises an alert, and every event
/// acknowledged before the bad row is still there and recovers once the fix is applied.
/// </summary>
public abstract class CorruptRowsAcceptanceSpec : AcceptanceSpec
{
    private const string FutureManifest = "order-amended-by-a-newer-build";

    [Fact]
    public async Task A_truncated_event_fails_recovery_naming_the_row_and_the_fix_and_the_events_acknowledged_before_it_still_recover()
    {
        await StartPersistenceAsync();
        var alerts = SubscribeToAlerts();
        var id = NewPersistenceId();
        await PersistThenStopAsync(id, "a", "b", "c");
        await WriteRawAsync(Row(id, 4, TestEvents.AppendedManifest, """{"v":1,"data":{"Val"""));

        var failure = await ExpectRecoveryToFailAsync(id);

        var error = Assert.IsType<PersistenceSerializationException>(failure.Cause);
        Assert.Contains($"Cannot read event 4 of persistence id \"{id}\" (manifest \"{TestEvents.AppendedManifest}\")", error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix: restore the row from a backup", error.Message, StringComparison.Ordinal);
        Assert.Equal(error.Message, (await alerts.ExpectMsgAsync<PersistenceAlert>()).Reason);
        var (recovered, next) = await RecoverOnFreshNodeAsync(id, "d", recovery: new Recovery(ToSequenceNr: 3));
        Assert.Equal(["a", "b", "c"], recovered.Values);
        Assert.Equal(5, next); // numbering continues after the bad row; it is never overwritten
    }

    [Fact]
    public async Task An_unknown_manifest_fails_recovery_naming_it_and_the_fix_and_once_registered_every_acknowledged_event_recovers()
    {
        await StartPersistenceAsync();
        var alerts = SubscribeToAlerts();
        var id = NewPersistenceId();
        await PersistThenStopAsync(id, "a", "b", "c");
        // A newer build journaled an event type this build does not know.
        await WriteRawAsync(Row(id, 4, FutureManifest, """{"v":1,"data":{"Reason":"late"}}"""));

        var failure = await ExpectRecoveryToFailAsync(id);

        var error = Assert.IsType<PersistenceSerializationException>(failure.Cause);
        Assert.Equal((id, 4L, FutureManifest), (error.PersistenceId, error.SequenceNr, error.Manifest));
        Assert.Contains($"Fix: register the type that was written as \"{FutureManifest}\"", error.Message, StringComparison.Ordinal);
        var alert = await alerts.ExpectMsgAsync<PersistenceAlert>();
        Assert.Equal((id, PersistenceFailure.Recovery), (alert.PersistenceId, alert.Failure));
        Assert.Contains(FutureManifest, alert.Reason, StringComparison.Ordinal);
        Assert.Equal(1, Journal.WriteCalls); // the failed incarnation wrote nothing over the journal
        var fixedBuild = TestEvents.Serializer().Register<OrderAmended>(FutureManifest);
        var (recovered, next) = await RecoverOnFreshNodeAsync(id, "d", fixedBuild);
        Assert.Equal(["a", "b", "c"], recovered.Values); // the recorder ignores the amendment but replays past it
        Assert.Equal(4, recovered.LastSequenceNr);
        Assert.Equal(5, next);
    }

    [Fact]
    public async Task A_truncated_snapshot_fails_recovery_naming_it_and_recovering_from_the_earlier_snapshot_loses_no_event()
    {
        await StartPersistenceAsync();
        var id = NewPersistenceId();
        var reporter = CreateTestProbe();
        var (actor, _) = await SpawnRecoveredAsync(id, reporter);
        await AcknowledgeAsync(actor, reporter, 1, "a", "b");
        actor.Tell(new TakeSnapshot(), TestActor);
        Assert.Equal(2, (await reporter.ExpectMsgAsync<SaveSnapshotSuccess>()).Metadata.SequenceNr);
        await AcknowledgeAsync(actor, reporter, 3, "c");
        await StopAsync(actor);
        var torn = Encoding.UTF8.GetBytes("""{"v":1,"data":{"Values":["a","b","""); // a save cut short
        await Persistence.SnapshotStore.SaveAsync(new SnapshotRow(new SnapshotMetadata(id, 3, Scheduler.Now), "test-recorder-snapshot", torn));

        var failure = await ExpectRecoveryToFailAsync(id);

        var error = Assert.IsType<PersistenceSerializationException>(failure.Cause);
        Assert.Contains($"Cannot read snapshot 3 of persistence id \"{id}\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix:", error.Message, StringComparison.Ordinal);
        var (recovered, next) = await RecoverOnFreshNodeAsync(id, "d", recovery: new Recovery(FromSnapshot: SnapshotSelectionCriteria.Latest with { MaxSequenceNr = 2 }));
        Assert.Equal(["a", "b", "c"], recovered.Values);
        Assert.Equal(4, next);
    }

    private async Task PersistThenStopAsync(string id, params string[] values)
    {
        var reporter = CreateTestProbe();
        var (actor, _) = await SpawnRecoveredAsync(id, reporter);
        actor.Tell(new AddAll(values), TestActor);
        for (var i = 0; i < values.Length; i++) await reporter.ExpectMsgAsync(new Handled(values[i], i + 1));
        await StopAsync(actor);
    }

    private async Task<RecoveryFailed> ExpectRecoveryToFailAsync(string id)
    {
        var reporter = CreateTestProbe();
        var actor = Spawn(id, reporter);
        Watch(actor);
        actor.Tell(new Add("must-not-be-written"), TestActor);
        var failure = await reporter.ExpectMsgAsync<RecoveryFailed>();
        await ExpectTerminatedAsync(actor);
        await reporter.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50)); // in particular no Recovered, no Handled
        return failure;
    }

    /// <summary>The event a newer build wrote under <see cref="FutureManifest"/>.</summary>
    public sealed record OrderAmended(string Reason);
}
