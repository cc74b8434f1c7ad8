using ActorTrader.Actors;
using ActorTrader.Persistence.Tests.Support;
using static ActorTrader.Persistence.Tests.Support.RecorderActor;

namespace ActorTrader.Persistence.Tests.Behaviour;

/// <summary>Only <c>recovery.max-concurrent</c> actors recover at once; the others wait their turn and then recover.</summary>
public abstract class RecoveryPermitterSpec : PersistenceSpec
{
    [Fact]
    public async Task No_more_than_max_concurrent_actors_recover_at_the_same_time()
    {
        await StartPersistenceAsync(s => s with { Recovery = s.Recovery with { MaxConcurrent = 2 } });
        Journal.HoldRecoveries();
        var reporter = CreateTestProbe();
        for (var i = 0; i < 5; i++) Spawn(NewPersistenceId(), reporter);

        var recovered = 0;
        while (recovered < 5)
        {
            var expected = Math.Min(2, 5 - recovered);
            await AwaitConditionAsync(() => Journal.RecoveriesInFlight == expected);
            Journal.ReleaseRecoveries(keepHolding: true);
            for (var i = 0; i < expected; i++) await reporter.ExpectMsgAsync<Recovered>();
            recovered += expected;
        }

        Assert.Equal(2, Journal.MaxRecoveriesInFlight);
    }

    [Fact]
    public async Task A_permit_comes_back_when_its_holder_fails_to_recover()
    {
        await StartPersistenceAsync(s => s with { Recovery = s.Recovery with { MaxConcurrent = 1 } });
        var broken = NewPersistenceId();
        await WriteRawAsync(Row(broken, 1, "unknown-manifest", """{"v":1,"data":{}}"""));
        var reporter = CreateTestProbe();

        Spawn(broken, reporter);
        await reporter.ExpectMsgAsync<RecoveryFailed>();
        Spawn(NewPersistenceId(), reporter);

        await reporter.ExpectMsgAsync<Recovered>();
    }

    [Fact]
    public async Task A_permit_comes_back_when_a_waiting_or_recovering_actor_is_stopped()
    {
        await StartPersistenceAsync(s => s with { Recovery = s.Recovery with { MaxConcurrent = 1 } });
        Journal.HoldRecoveries();
        var reporter = CreateTestProbe();
        var holder = Spawn(NewPersistenceId(), reporter);
        await AwaitConditionAsync(() => Journal.RecoveriesInFlight == 1);

        await StopAsync(holder);
        Journal.ReleaseRecoveries();
        Spawn(NewPersistenceId(), reporter);

        await reporter.ExpectMsgAsync<Recovered>();
    }
}
