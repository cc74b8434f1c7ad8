using ActorTrader.Actors;
using ActorTrader.Persistence.Journal;
using ActorTrader.TestKit;
using static ActorTrader.Persistence.Tests.Support.RecorderActor;

namespace ActorTrader.Persistence.Tests.Acceptance;

/// <summary>
/// The journal circuit breaker as persistent actors meet it, on any backend: after max-failures consecutive store
/// failures persists and recoveries fail fast without reaching the journal (and alert); after the reset timeout one
/// trial call goes through and closes it; a second writer refused by the unique key is not a store failure.
/// </summary>
public abstract class JournalCircuitBreakerAcceptanceSpec : AcceptanceSpec
{
    private const int MaxFailures = 2;
    private static readonly TimeSpan ResetTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Once_the_breaker_is_open_a_persist_fails_fast_with_OpenCircuitException_without_reaching_the_journal()
    {
        await StartWithBreakerAsync();
        var reporter = CreateTestProbe();
        var (survivor, _) = await SpawnRecoveredAsync(NewPersistenceId(), reporter);
        await OpenTheBreakerAsync();
        var alerts = SubscribeToAlerts();
        var writesBefore = Journal.WriteCalls;

        survivor.Tell(new Add("x"), TestActor);

        Assert.IsType<OpenCircuitException>((await reporter.ExpectMsgAsync<PersistFailed>()).Cause);
        Assert.Equal(writesBefore, Journal.WriteCalls);
        var alert = await alerts.ExpectMsgAsync<PersistenceAlert>();
        Assert.Equal(PersistenceFailure.Persist, alert.Failure);
        Assert.Contains("circuit breaker is open", alert.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recovery_while_the_breaker_is_open_fails_fast_and_alerts_instead_of_starting_empty()
    {
        await StartWithBreakerAsync();
        var id = NewPersistenceId();
        await WriteRawAsync(Row(id, 1, Support.TestEvents.AppendedManifest, """{"v":1,"data":{"Value":"kept"}}"""));
        await OpenTheBreakerAsync();
        var alerts = SubscribeToAlerts();
        var reporter = CreateTestProbe();

        var actor = Spawn(id, reporter);
        Watch(actor);

        Assert.IsType<OpenCircuitException>((await reporter.ExpectMsgAsync<RecoveryFailed>()).Cause);
        await ExpectTerminatedAsync(actor);
        var alert = await alerts.ExpectMsgAsync<PersistenceAlert>();
        Assert.Equal((id, PersistenceFailure.Recovery), (alert.PersistenceId, alert.Failure));
        await reporter.ExpectNoMsgAsync(TimeSpan.FromMilliseconds(50)); // no Recovered with empty state
    }

    [Fact]
    public async Task After_the_reset_timeout_one_trial_persist_reaches_the_journal_and_its_success_closes_the_breaker()
    {
        await StartWithBreakerAsync();
        var reporter = CreateTestProbe();
        var (survivor, _) = await SpawnRecoveredAsync(NewPersistenceId(), reporter);
        await OpenTheBreakerAsync();
        Journal.FailWritesWith = null; // the store is back

        Scheduler.Advance(ResetTimeout);
        Assert.Equal(CircuitBreakerState.HalfOpen, Persistence.JournalBreaker.State);
        survivor.Tell(new Add("x"), TestActor);

        await reporter.ExpectMsgAsync(new Handled("x", 1));
        Assert.Equal(CircuitBreakerState.Closed, Persistence.JournalBreaker.State);
    }

    [Fact]
    public async Task A_second_writer_refused_by_the_unique_key_does_not_open_the_breaker()
    {
        await StartPersistenceAsync(s => s with { CircuitBreaker = s.CircuitBreaker with { MaxFailures = 1, ResetTimeout = ResetTimeout } });
        var id = NewPersistenceId();
        var firstReporter = CreateTestProbe();
        var secondReporter = CreateTestProbe();
        var (first, _) = await SpawnRecoveredAsync(id, firstReporter);
        var (second, _) = await SpawnRecoveredAsync(id, secondReporter);
        var otherReporter = CreateTestProbe();
        var (other, _) = await SpawnRecoveredAsync(NewPersistenceId(), otherReporter);
        await AcknowledgeAsync(first, firstReporter, 1, "mine");

        second.Tell(new Add("theirs"), TestActor);
        Assert.IsType<JournalConcurrencyException>((await secondReporter.ExpectMsgAsync<PersistFailed>()).Cause);

        Assert.Equal(CircuitBreakerState.Closed, Persistence.JournalBreaker.State);
        await AcknowledgeAsync(other, otherReporter, 1, "unaffected");
    }

    private Task<Persistence> StartWithBreakerAsync() =>
        StartPersistenceAsync(s => s with { CircuitBreaker = s.CircuitBreaker with { MaxFailures = MaxFailures, ResetTimeout = ResetTimeout } });

    /// <summary>Recovers <see cref="MaxFailures"/> actors first (a successful recovery resets the count), then fails one write of each.</summary>
    private async Task OpenTheBreakerAsync()
    {
        var victims = new List<(IActorRef Actor, TestProbe Reporter)>();
        for (var i = 0; i < MaxFailures; i++)
        {
            var reporter = CreateTestProbe();
            victims.Add(((await SpawnRecoveredAsync(NewPersistenceId(), reporter)).Actor, reporter));
        }
        Journal.FailWritesWith = new PersistenceStoreException("The store is down.");
        foreach (var (actor, reporter) in victims)
        {
            actor.Tell(new Add("lost"), TestActor);
            Assert.Equal("The store is down.", (await reporter.ExpectMsgAsync<PersistFailed>()).Cause.Message);
        }
        Assert.Equal(CircuitBreakerState.Open, Persistence.JournalBreaker.State);
    }
}
