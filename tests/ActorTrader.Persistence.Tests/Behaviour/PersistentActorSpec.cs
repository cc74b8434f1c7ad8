using ActorTrader.Actors;
using ActorTrader.Persistence.Journal;
using ActorTrader.Persistence.Tests.Support;
using static ActorTrader.Persistence.Tests.Support.RecorderActor;

namespace ActorTrader.Persistence.Tests.Behaviour;

/// <summary>Persist, stash, defer, snapshots, deletes and write failures of a persistent actor, against any backend.</summary>
public abstract class PersistentActorSpec : PersistenceSpec
{
    [Fact]
    public async Task Persist_handler_runs_only_after_the_write_is_durable_and_a_command_sent_meanwhile_waits()
    {
        await StartPersistenceAsync();
        var reporter = CreateTestProbe();
        var (actor, _) = await SpawnRecoveredAsync(NewPersistenceId(), reporter);
        Journal.HoldWrites();
        var written = Journal.NextWriteArrived();

        actor.Tell(new Add("a"), TestActor);
        actor.Tell(new Ping(1), TestActor);
        await written;

        await reporter.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(200));
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50));
        Journal.ReleaseWrites();
        await reporter.ExpectMsgAsync(new Handled("a", 1));
        await ExpectMsgAsync(new Pong(1));
    }

    [Fact]
    public async Task Commands_stashed_during_persist_are_handled_afterwards_in_arrival_order()
    {
        await StartPersistenceAsync();
        var reporter = CreateTestProbe();
        var (actor, _) = await SpawnRecoveredAsync(NewPersistenceId(), reporter);
        Journal.HoldWrites();
        var written = Journal.NextWriteArrived();

        // Replies go to the reporter too, so one queue shows the order of handlers and commands.
        actor.Tell(new Add("a"), reporter.Ref);
        for (var i = 1; i <= 5; i++) actor.Tell(new Ping(i), reporter.Ref);
        actor.Tell(new Add("b"), reporter.Ref);
        actor.Tell(new Ping(6), reporter.Ref);
        await written;
        Journal.ReleaseWrites();

        await reporter.ExpectMsgAsync(new Handled("a", 1));
        for (var i = 1; i <= 5; i++) await reporter.ExpectMsgAsync(new Pong(i));
        await reporter.ExpectMsgAsync(new Handled("b", 2));
        await reporter.ExpectMsgAsync(new Pong(6));
    }

    [Fact]
    public async Task PersistAll_writes_the_events_atomically_and_runs_each_handler_in_order()
    {
        await StartPersistenceAsync();
        var reporter = CreateTestProbe();
        var (actor, _) = await SpawnRecoveredAsync(NewPersistenceId(), reporter);
        var before = Journal.WriteCalls;

        actor.Tell(new AddAll(["x", "y", "z"]), TestActor);
        actor.Tell(new Ping(1), TestActor);

        await reporter.ExpectMsgAsync(new Handled("x", 1));
        await reporter.ExpectMsgAsync(new Handled("y", 2));
        await reporter.ExpectMsgAsync(new Handled("z", 3));
        await ExpectMsgAsync(new Pong(1));
        Assert.Equal(before + 1, Journal.WriteCalls);
    }

    [Fact]
    public async Task PersistAsync_keeps_commands_flowing_while_its_handlers_still_run_in_order()
    {
        await StartPersistenceAsync();
        var reporter = CreateTestProbe();
        var (actor, _) = await SpawnRecoveredAsync(NewPersistenceId(), reporter);
        Journal.HoldWrites();

        actor.Tell(new AddAsync("a"), TestActor);
        actor.Tell(new Ping(1), TestActor);
        await ExpectMsgAsync(new Pong(1));
        actor.Tell(new AddAsync("b"), TestActor);
        actor.Tell(new Ping(2), TestActor);
        await ExpectMsgAsync(new Pong(2));
        await reporter.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));

        Journal.ReleaseWrites();
        await reporter.ExpectMsgAsync(new Handled("a", 1));
        await reporter.ExpectMsgAsync(new Handled("b", 2));
    }

    [Fact]
    public async Task DeferAsync_runs_after_the_persists_queued_before_it()
    {
        await StartPersistenceAsync();
        var reporter = CreateTestProbe();
        var (actor, _) = await SpawnRecoveredAsync(NewPersistenceId(), reporter);
        Journal.HoldWrites();

        actor.Tell(new AddThenDefer("a", "after-a"), TestActor);
        await reporter.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        Journal.ReleaseWrites();

        await reporter.ExpectMsgAsync(new Handled("a", 1));
        await reporter.ExpectMsgAsync(new DeferredRan("after-a"));
    }

    [Fact]
    public async Task DeferAsync_with_nothing_pending_runs_at_once()
    {
        await StartPersistenceAsync();
        var reporter = CreateTestProbe();
        var (actor, _) = await SpawnRecoveredAsync(NewPersistenceId(), reporter);

        actor.Tell(new DeferNow("now"), TestActor);

        await reporter.ExpectMsgAsync(new DeferredRan("now"));
        Assert.Equal(0, Journal.WriteCalls);
    }

    [Fact]
    public async Task A_restarted_actor_recovers_its_events_and_numbers_new_ones_after_them()
    {
        await StartPersistenceAsync();
        var id = NewPersistenceId();
        var reporter = CreateTestProbe();
        var (first, recoveredEmpty) = await SpawnRecoveredAsync(id, reporter);
        Assert.Empty(recoveredEmpty.Values);
        foreach (var v in new[] { "a", "b", "c" }) first.Tell(new Add(v), TestActor);
        await ExpectHandledAsync(reporter, "a", "b", "c");
        await StopAsync(first);
        reporter = CreateTestProbe();

        var (second, recovered) = await SpawnRecoveredAsync(id, reporter);
        second.Tell(new Add("d"), TestActor);

        Assert.Equal(["a", "b", "c"], recovered.Values);
        Assert.Equal(3, recovered.LastSequenceNr);
        await reporter.ExpectMsgAsync(new Handled("d", 4));
    }

    [Fact]
    public async Task Recovery_offers_the_latest_snapshot_then_replays_only_later_events()
    {
        await StartPersistenceAsync();
        var id = NewPersistenceId();
        var reporter = CreateTestProbe();
        var (first, _) = await SpawnRecoveredAsync(id, reporter);
        first.Tell(new Add("a"), TestActor);
        first.Tell(new Add("b"), TestActor);
        first.Tell(new TakeSnapshot(), TestActor);
        await reporter.FishForMessageAsync<SaveSnapshotSuccess>(s => s.Metadata.SequenceNr == 2);
        first.Tell(new Add("c"), TestActor);
        await reporter.ExpectMsgAsync(new Handled("c", 3));
        await StopAsync(first);
        // Events before the snapshot are deleted: recovery that still needed them would lose "a" and "b".
        await Journal.Inner.DeleteMessagesToAsync(id, 2);

        var fresh = CreateTestProbe();
        Spawn(id, fresh);

        var offered = await fresh.ExpectMsgAsync<Offered>();
        Assert.Equal(2, offered.SequenceNr);
        Assert.Equal(["a", "b"], offered.Values);
        var recovered = await fresh.ExpectMsgAsync<Recovered>();
        Assert.Equal(["a", "b", "c"], recovered.Values);
        Assert.Equal(3, recovered.LastSequenceNr);
    }

    [Fact]
    public async Task Replay_reads_the_journal_in_pages_of_the_configured_batch_size()
    {
        await StartPersistenceAsync(s => s with { Recovery = s.Recovery with { ReplayBatchSize = 2 } });
        var id = NewPersistenceId();
        var reporter = CreateTestProbe();
        var (first, _) = await SpawnRecoveredAsync(id, reporter);
        first.Tell(new AddAll(["1", "2", "3", "4", "5"]), TestActor);
        await ExpectHandledAsync(reporter, "1", "2", "3", "4", "5");
        await StopAsync(first);

        var (_, recovered) = await SpawnRecoveredAsync(id, CreateTestProbe());

        Assert.Equal(["1", "2", "3", "4", "5"], recovered.Values);
    }

    [Fact]
    public async Task Commands_sent_during_recovery_are_handled_after_RecoveryCompleted_in_arrival_order()
    {
        await StartPersistenceAsync();
        var id = NewPersistenceId();
        await WriteRawAsync(Row(id, 1, TestEvents.AppendedManifest, """{"v":1,"data":{"Value":"old"}}"""));
        Journal.HoldRecoveries();
        var reporter = CreateTestProbe();

        var actor = Spawn(id, reporter);
        actor.Tell(new Ping(1), TestActor);
        actor.Tell(new Add("new"), TestActor);
        actor.Tell(new Ping(2), TestActor);
        await AwaitConditionAsync(() => Journal.RecoveriesInFlight == 1);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        Journal.ReleaseRecoveries();

        var recovered = await reporter.ExpectMsgAsync<Recovered>();
        Assert.Equal(["old"], recovered.Values);
        await ExpectMsgAsync(new Pong(1));
        await reporter.ExpectMsgAsync(new Handled("new", 2));
        await ExpectMsgAsync(new Pong(2));
    }

    [Fact]
    public async Task Recovery_None_starts_empty_but_numbers_after_the_stored_events()
    {
        await StartPersistenceAsync();
        var id = NewPersistenceId();
        await WriteRawAsync(Row(id, 1, TestEvents.AppendedManifest, """{"v":1,"data":{"Value":"a"}}"""),
            Row(id, 2, TestEvents.AppendedManifest, """{"v":1,"data":{"Value":"b"}}"""));
        var reporter = CreateTestProbe();

        var (actor, recovered) = await SpawnRecoveredAsync(id, reporter, Recovery.None);
        actor.Tell(new Add("c"), TestActor);

        Assert.Empty(recovered.Values);
        Assert.Equal(2, recovered.LastSequenceNr);
        await reporter.ExpectMsgAsync(new Handled("c", 3));
    }

    [Fact]
    public async Task Recovery_to_a_sequence_number_replays_only_up_to_it()
    {
        await StartPersistenceAsync();
        var id = NewPersistenceId();
        await WriteRawAsync(Row(id, 1, TestEvents.AppendedManifest, """{"v":1,"data":{"Value":"a"}}"""),
            Row(id, 2, TestEvents.AppendedManifest, """{"v":1,"data":{"Value":"b"}}"""),
            Row(id, 3, TestEvents.AppendedManifest, """{"v":1,"data":{"Value":"c"}}"""));

        var (_, recovered) = await SpawnRecoveredAsync(id, CreateTestProbe(), new Recovery(ToSequenceNr: 2));

        Assert.Equal(["a", "b"], recovered.Values);
        Assert.Equal(3, recovered.LastSequenceNr);
    }

    [Fact]
    public async Task DeleteMessages_hides_deleted_events_from_replay_and_numbering_continues()
    {
        await StartPersistenceAsync();
        var id = NewPersistenceId();
        var reporter = CreateTestProbe();
        var (first, _) = await SpawnRecoveredAsync(id, reporter);
        first.Tell(new AddAll(["a", "b", "c"]), TestActor);
        await ExpectHandledAsync(reporter, "a", "b", "c");
        first.Tell(new DeleteUpTo(2), TestActor);
        await reporter.ExpectMsgAsync(new DeleteMessagesSuccess(2));
        await StopAsync(first);
        reporter = CreateTestProbe();

        var (second, recovered) = await SpawnRecoveredAsync(id, reporter);
        second.Tell(new Add("d"), TestActor);

        Assert.Equal(["c"], recovered.Values);
        Assert.Equal(3, recovered.LastSequenceNr);
        await reporter.ExpectMsgAsync(new Handled("d", 4));
    }

    [Fact]
    public async Task DeleteMessages_beyond_the_last_sequence_number_fails_and_deletes_nothing()
    {
        await StartPersistenceAsync();
        var id = NewPersistenceId();
        var reporter = CreateTestProbe();
        var (actor, _) = await SpawnRecoveredAsync(id, reporter);
        actor.Tell(new Add("a"), TestActor);
        await reporter.ExpectMsgAsync(new Handled("a", 1));

        actor.Tell(new DeleteUpTo(5), TestActor);

        var failure = await reporter.ExpectMsgAsync<DeleteMessagesFailure>();
        Assert.Equal(5, failure.ToSequenceNr);
        actor.Tell(new GetState(), TestActor);
        Assert.Equal(["a"], (await ExpectMsgAsync<State>()).Values);
    }

    [Fact]
    public async Task A_journal_failure_calls_OnPersistFailure_alerts_and_stops_the_actor_without_running_the_handler()
    {
        await StartPersistenceAsync();
        var alerts = SubscribeToAlerts();
        var id = NewPersistenceId();
        var reporter = CreateTestProbe();
        var (actor, _) = await SpawnRecoveredAsync(id, reporter);
        Watch(actor);
        Journal.FailWritesWith = new PersistenceStoreException("disk full");

        actor.Tell(new Add("a"), TestActor);

        var failed = await reporter.ExpectMsgAsync<PersistFailed>();
        Assert.Equal(1, failed.SequenceNr);
        Assert.Equal("disk full", failed.Cause.Message);
        await ExpectTerminatedAsync(actor);
        var alert = await alerts.ExpectMsgAsync<PersistenceAlert>();
        Assert.Equal((id, PersistenceFailure.Persist), (alert.PersistenceId, alert.Failure));
        await reporter.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public async Task A_rejected_event_calls_OnPersistRejected_skips_its_handler_and_the_actor_continues()
    {
        await StartPersistenceAsync();
        var alerts = SubscribeToAlerts();
        var reporter = CreateTestProbe();
        var (actor, _) = await SpawnRecoveredAsync(NewPersistenceId(), reporter);

        actor.Tell(new AddUnregistered("u"), TestActor);
        actor.Tell(new Add("a"), TestActor);

        var rejected = await reporter.ExpectMsgAsync<PersistRejected>();
        Assert.Contains(nameof(Unregistered), rejected.Cause.Message, StringComparison.Ordinal);
        Assert.Contains("Register<Unregistered>", rejected.Cause.Message, StringComparison.Ordinal);
        await reporter.ExpectMsgAsync(new Handled("a", 1)); // the rejected event used no sequence number
        Assert.Equal(PersistenceFailure.PersistRejected, (await alerts.ExpectMsgAsync<PersistenceAlert>()).Failure);
    }

    [Fact]
    public async Task A_second_writer_of_the_same_persistence_id_fails_stops_and_nothing_is_merged()
    {
        await StartPersistenceAsync();
        var alerts = SubscribeToAlerts();
        var id = NewPersistenceId();
        var firstReporter = CreateTestProbe();
        var secondReporter = CreateTestProbe();
        var (first, _) = await SpawnRecoveredAsync(id, firstReporter);
        var (second, _) = await SpawnRecoveredAsync(id, secondReporter);
        Watch(second);

        first.Tell(new Add("mine"), TestActor);
        await firstReporter.ExpectMsgAsync(new Handled("mine", 1));
        second.Tell(new Add("theirs"), TestActor);

        var failed = await secondReporter.ExpectMsgAsync<PersistFailed>();
        Assert.IsType<JournalConcurrencyException>(failed.Cause);
        await ExpectTerminatedAsync(second);
        Assert.Equal(PersistenceFailure.Persist, (await alerts.ExpectMsgAsync<PersistenceAlert>()).Failure);
        var stored = await Persistence.ReadJournal.CurrentEventsByPersistenceId(id).ToListAsync();
        Assert.Equal([new Appended("mine")], stored.Select(e => e.Event));
    }

    [Fact]
    public async Task Each_incarnation_writes_with_its_own_writer_id()
    {
        await StartPersistenceAsync();
        var id = NewPersistenceId();
        var reporter = CreateTestProbe();
        var (first, _) = await SpawnRecoveredAsync(id, reporter);
        first.Tell(new Add("a"), TestActor);
        await reporter.ExpectMsgAsync<Handled>();
        await StopAsync(first);
        var (second, _) = await SpawnRecoveredAsync(id, reporter);
        second.Tell(new Add("b"), TestActor);
        await reporter.ExpectMsgAsync<Handled>();

        var rows = await Persistence.Query.CurrentEventsByPersistenceIdAsync(id, 0, long.MaxValue).ToListAsync();

        Assert.Equal(2, rows.Select(r => r.WriterId).Distinct().Count());
        Assert.All(rows, r => Assert.True(Guid.TryParse(r.WriterId, out _)));
    }

    [Fact]
    public async Task A_command_handler_that_throws_persists_nothing()
    {
        await StartPersistenceAsync();
        var id = NewPersistenceId();
        var reporter = CreateTestProbe();
        var (actor, _) = await SpawnRecoveredAsync(id, reporter);

        actor.Tell(new AddThenThrow("lost"), TestActor);
        var recovered = await reporter.ExpectMsgAsync<Recovered>(); // the default supervisor restarts it

        Assert.Empty(recovered.Values);
        Assert.Equal(0, Journal.WriteCalls);
    }

    [Fact]
    public async Task An_async_command_that_fails_after_an_await_persists_nothing()
    {
        await StartPersistenceAsync();
        var reporter = CreateTestProbe();
        var (actor, _) = await SpawnRecoveredAsync(NewPersistenceId(), reporter);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        actor.Tell(new PersistThenAwait("lost", gate.Task), TestActor);
        await reporter.ExpectMsgAsync<AsyncStarted>();
        gate.SetException(new InvalidOperationException("The async command failed after persisting."));

        var recovered = await reporter.ExpectMsgAsync<Recovered>(); // the default supervisor restarts it
        Assert.Empty(recovered.Values);
        Assert.Equal(0, Journal.WriteCalls);
    }

    [Fact]
    public async Task An_async_command_writes_what_it_persisted_once_it_completes()
    {
        await StartPersistenceAsync();
        var reporter = CreateTestProbe();
        var (actor, _) = await SpawnRecoveredAsync(NewPersistenceId(), reporter);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        actor.Tell(new PersistThenAwait("kept", gate.Task), TestActor);
        actor.Tell(new Ping(1), TestActor);
        await reporter.ExpectMsgAsync<AsyncStarted>();
        Assert.Equal(0, Journal.WriteCalls);
        gate.SetResult();

        await reporter.ExpectMsgAsync(new Handled("kept", 1));
        await ExpectMsgAsync(new Pong(1));
    }

    [Fact]
    public async Task Commands_held_back_when_the_actor_restarts_stay_ahead_of_later_ones()
    {
        await StartPersistenceAsync();
        var reporter = CreateTestProbe();
        var (actor, _) = await SpawnRecoveredAsync(NewPersistenceId(), reporter);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Journal.HoldWrites();
        var written = Journal.NextWriteArrived();

        // Held back behind the persist of "a": a failing async command, then two pings (replies go to the reporter too).
        actor.Tell(new Add("a"), reporter.Ref);
        actor.Tell(new AwaitThenFinish(gate.Task), reporter.Ref);
        actor.Tell(new Ping(2), reporter.Ref);
        actor.Tell(new Ping(3), reporter.Ref);
        await written;
        Journal.ReleaseWrites();
        await reporter.ExpectMsgAsync(new Handled("a", 1));
        await reporter.ExpectMsgAsync<AsyncStarted>();
        // Sent while the async command runs, so it waits in the mailbox behind the held-back pings.
        actor.Tell(new Ping(4), reporter.Ref);
        gate.SetException(new InvalidOperationException("The async command failed."));

        Assert.Equal(["a"], (await reporter.ExpectMsgAsync<Recovered>()).Values);
        await reporter.ExpectMsgAsync(new Pong(2));
        await reporter.ExpectMsgAsync(new Pong(3));
        await reporter.ExpectMsgAsync(new Pong(4));
    }

    [Fact]
    public async Task A_write_that_timed_out_but_still_lands_is_waited_for_by_the_next_incarnation()
    {
        await StartPersistenceAsync(s => s with { CircuitBreaker = s.CircuitBreaker with { CallTimeout = TimeSpan.FromSeconds(5) } });
        var id = NewPersistenceId();
        var reporter = CreateTestProbe();
        var (first, _) = await SpawnRecoveredAsync(id, reporter);
        Watch(first);
        Journal.WritesIgnoreCancellation = true;
        Journal.HoldWrites();
        var written = Journal.NextWriteArrived();
        first.Tell(new Add("late"), TestActor);
        await written;

        Scheduler.Advance(TimeSpan.FromSeconds(5));
        Assert.IsType<TimeoutException>((await reporter.ExpectMsgAsync<PersistFailed>()).Cause);
        await ExpectTerminatedAsync(first);
        var second = Spawn(id, reporter);
        await reporter.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100)); // recovery waits for the write still running
        Journal.ReleaseWrites();

        Assert.Equal(["late"], (await reporter.ExpectMsgAsync<Recovered>()).Values);
        second.Tell(new Add("next"), TestActor);
        await reporter.ExpectMsgAsync(new Handled("next", 2));
    }

    [Fact]
    public async Task A_write_that_timed_out_before_reaching_the_store_is_not_stored_and_its_number_is_reused()
    {
        await StartPersistenceAsync(s => s with { CircuitBreaker = s.CircuitBreaker with { CallTimeout = TimeSpan.FromSeconds(5) } });
        var id = NewPersistenceId();
        var reporter = CreateTestProbe();
        var (first, _) = await SpawnRecoveredAsync(id, reporter);
        Watch(first);
        Journal.HoldWrites();
        var written = Journal.NextWriteArrived();
        first.Tell(new Add("never"), TestActor);
        await written;

        Scheduler.Advance(TimeSpan.FromSeconds(5));
        Assert.IsType<TimeoutException>((await reporter.ExpectMsgAsync<PersistFailed>()).Cause);
        await ExpectTerminatedAsync(first);
        var second = Spawn(id, reporter);
        Journal.ReleaseWrites();

        Assert.Empty((await reporter.ExpectMsgAsync<Recovered>()).Values);
        second.Tell(new Add("next"), TestActor);
        await reporter.ExpectMsgAsync(new Handled("next", 1));
    }

    [Fact]
    public async Task The_user_stash_releases_its_messages_in_order_when_unstashed()
    {
        await StartPersistenceAsync();
        var (actor, _) = await SpawnRecoveredAsync(NewPersistenceId(), CreateTestProbe());

        actor.Tell(new StartStashingPings(), TestActor);
        actor.Tell(new Ping(1), TestActor);
        actor.Tell(new Ping(2), TestActor);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
        actor.Tell(new UnstashEverything(), TestActor);
        actor.Tell(new Ping(3), TestActor);

        await ExpectMsgAsync(new Pong(1));
        await ExpectMsgAsync(new Pong(2));
        await ExpectMsgAsync(new Pong(3));
    }

    [Fact]
    public async Task Become_changes_the_command_handlers_until_unbecome()
    {
        await StartPersistenceAsync();
        var (actor, _) = await SpawnRecoveredAsync(NewPersistenceId(), CreateTestProbe());

        actor.Tell(new BecomeShouting(), TestActor);
        actor.Tell(new Ping(7), TestActor);
        actor.Tell(new BecomeNormal(), TestActor);
        actor.Tell(new Ping(8), TestActor);

        await ExpectMsgAsync(new Pong(-7));
        await ExpectMsgAsync(new Pong(8));
    }

    [Fact]
    public async Task Events_survive_closing_and_reopening_the_stores()
    {
        await StartPersistenceAsync();
        var id = NewPersistenceId();
        var reporter = CreateTestProbe();
        var (actor, _) = await SpawnRecoveredAsync(id, reporter);
        actor.Tell(new AddAll(["a", "b"]), TestActor);
        await ExpectHandledAsync(reporter, "a", "b");
        await StopAsync(actor);

        await using var restarted = ActorSystem.Create(Sys.Name + "-restarted", new ActorSystemSetup { RunCoordinatedShutdownOnSignals = false });
        var stores = await OpenStoresAsync();
        Persistence.Install(restarted, new PersistenceSetup(stores, TestEvents.Serializer()));
        restarted.ActorOf(RecorderActor.Props(id, reporter.Ref));

        var recovered = await reporter.ExpectMsgAsync<Recovered>();
        Assert.Equal(["a", "b"], recovered.Values);
        Assert.Equal(2, recovered.LastSequenceNr);
    }

    [Fact]
    public async Task An_event_written_at_an_old_version_is_upcast_during_recovery()
    {
        var serializer = new ActorTrader.Persistence.Serialization.EventSerializer()
            .Register<Appended>(TestEvents.AppendedManifest, version: 2)
            .RegisterUpcaster(TestEvents.AppendedManifest, fromVersion: 1, data => new System.Text.Json.Nodes.JsonObject { ["Value"] = data["Text"]!.GetValue<string>() });
        await StartPersistenceAsync(serializer: serializer);
        var id = NewPersistenceId();
        await WriteRawAsync(Row(id, 1, TestEvents.AppendedManifest, """{"v":1,"data":{"Text":"old"}}"""),
            Row(id, 2, TestEvents.AppendedManifest, """{"v":2,"data":{"Value":"new"}}"""));

        var (_, recovered) = await SpawnRecoveredAsync(id, CreateTestProbe());

        Assert.Equal(["old", "new"], recovered.Values);
    }

    private static async Task ExpectHandledAsync(TestKit.TestProbe reporter, params string[] values)
    {
        for (var i = 0; i < values.Length; i++) await reporter.ExpectMsgAsync(new Handled(values[i], i + 1));
    }
}
