using ActorTrader.Actors;
using ActorTrader.Persistence.Journal;
using ActorTrader.Persistence.Serialization;
using ActorTrader.Persistence.Tests.Support;
using ActorTrader.TestKit;
using static ActorTrader.Persistence.Tests.Support.RecorderActor;

namespace ActorTrader.Persistence.Tests.Behaviour;

/// <summary>A recovery that fails for any reason stops the actor and alerts; it never continues with empty state.</summary>
public abstract class RecoveryFailureSpec : PersistenceSpec
{
    [Fact]
    public async Task An_unknown_manifest_fails_recovery_naming_the_id_sequence_number_and_manifest()
    {
        await StartPersistenceAsync();
        var id = NewPersistenceId();
        await WriteRawAsync(Row(id, 1, TestEvents.AppendedManifest, """{"v":1,"data":{"Value":"a"}}"""),
            Row(id, 2, "order-from-the-future", """{"v":1,"data":{}}"""));

        var failure = await ExpectRecoveryToFailAsync(id);

        var error = Assert.IsType<PersistenceSerializationException>(failure.Cause);
        Assert.Equal((id, 2L, "order-from-the-future"), (error.PersistenceId, error.SequenceNr, error.Manifest));
        Assert.Contains(id, error.Message, StringComparison.Ordinal);
        Assert.Contains("order-from-the-future", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_truncated_payload_fails_recovery()
    {
        await StartPersistenceAsync();
        var id = NewPersistenceId();
        await WriteRawAsync(Row(id, 1, TestEvents.AppendedManifest, """{"v":1,"data":{"Val"""));

        var failure = await ExpectRecoveryToFailAsync(id);

        var error = Assert.IsType<PersistenceSerializationException>(failure.Cause);
        Assert.Equal(1, error.SequenceNr);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recover_handler_that_throws_fails_recovery_with_the_event()
    {
        await StartPersistenceAsync();
        var id = NewPersistenceId();
        await WriteRawAsync(Row(id, 1, TestEvents.AppendedManifest, """{"v":1,"data":{"Value":"poison"}}"""));

        var failure = await ExpectRecoveryToFailAsync(id);

        Assert.IsType<InvalidOperationException>(failure.Cause);
        Assert.Equal(new Appended(Poison), failure.Event);
    }

    [Fact]
    public async Task A_store_failure_during_replay_fails_recovery()
    {
        await StartPersistenceAsync();
        var id = NewPersistenceId();
        await WriteRawAsync(Row(id, 1, TestEvents.AppendedManifest, """{"v":1,"data":{"Value":"a"}}"""));
        Journal.FailReplaysWith = new PersistenceStoreException("connection refused");

        var failure = await ExpectRecoveryToFailAsync(id);

        Assert.Equal("connection refused", failure.Cause.Message);
    }

    [Fact]
    public async Task A_recovery_that_makes_no_progress_within_the_timeout_fails()
    {
        // The journal call itself may take longer: it is the recovery's own timeout that must fire.
        await StartPersistenceAsync(s => s with
        {
            Recovery = s.Recovery with { Timeout = TimeSpan.FromSeconds(30) },
            CircuitBreaker = s.CircuitBreaker with { CallTimeout = TimeSpan.FromMinutes(5) },
        });
        var id = NewPersistenceId();
        Journal.HoldRecoveries();
        var reporter = CreateTestProbe();
        var actor = Spawn(id, reporter);
        Watch(actor);
        await AwaitConditionAsync(() => Journal.RecoveriesInFlight == 1);

        Scheduler.Advance(TimeSpan.FromSeconds(29));
        await reporter.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        Scheduler.Advance(TimeSpan.FromSeconds(1));

        Assert.IsType<RecoveryTimedOutException>((await reporter.ExpectMsgAsync<RecoveryFailed>()).Cause);
        await ExpectTerminatedAsync(actor);
        Journal.ReleaseRecoveries();
    }

    [Fact]
    public async Task A_failed_recovery_raises_an_alert_and_never_handles_commands()
    {
        await StartPersistenceAsync();
        var alerts = SubscribeToAlerts();
        var id = NewPersistenceId();
        await WriteRawAsync(Row(id, 1, "unknown-manifest", """{"v":1,"data":{}}"""));
        Journal.HoldRecoveries();
        var reporter = CreateTestProbe();
        var actor = Spawn(id, reporter);
        Watch(actor);
        actor.Tell(new Ping(1), TestActor);
        actor.Tell(new Add("must-not-be-written"), TestActor);
        Journal.ReleaseRecoveries();

        await reporter.ExpectMsgAsync<RecoveryFailed>();
        var alert = await alerts.ExpectMsgAsync<PersistenceAlert>();
        await ExpectTerminatedAsync(actor);

        Assert.Equal((id, PersistenceFailure.Recovery), (alert.PersistenceId, alert.Failure));
        Assert.Contains("unknown-manifest", alert.Reason, StringComparison.Ordinal);
        Assert.Equal(0, Journal.WriteCalls);
        await reporter.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    private async Task<RecoveryFailed> ExpectRecoveryToFailAsync(string id)
    {
        var reporter = CreateTestProbe();
        var actor = Spawn(id, reporter);
        Watch(actor);
        var failure = await reporter.ExpectMsgAsync<RecoveryFailed>();
        await ExpectTerminatedAsync(actor);
        await reporter.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50)); // in particular no Recovered
        return failure;
    }
}
