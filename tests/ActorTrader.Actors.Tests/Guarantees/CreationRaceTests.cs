using System.Collections.Concurrent;
using ActorTrader.Actors.Dispatch;
using ActorTrader.TestKit;

namespace ActorTrader.Actors.Tests.Guarantees;

/// <summary>Creation racing with shutdown or with senders: nothing hangs, nothing lives on, nothing is lost.</summary>
public sealed class CreationRaceTests : TestKit.TestKit
{
    private sealed class Idle : ReceiveActor
    {
        public Idle() => ReceiveAny(_ => { });
    }

    [Fact]
    public async Task Creating_actors_while_the_system_terminates_neither_hangs_nor_leaves_live_actors()
    {
        for (var round = 0; round < 100; round++)
        {
            var system = ActorSystem.Create($"race-{round}", new ActorSystemSetup { RunCoordinatedShutdownOnSignals = false });
            var created = new ConcurrentQueue<IActorRef>();
            using var creatorStarted = new ManualResetEventSlim();
            var creator = Task.Run(() =>
            {
                creatorStarted.Set();
                while (true)
                {
                    try
                    {
                        created.Enqueue(system.ActorOf(Props.Create(() => new Idle())));
                    }
                    catch (InvalidOperationException)
                    {
                        return; // shutdown refused the creation, as it should from now on
                    }
                }
            });
            creatorStarted.Wait();

            var terminate = system.Terminate();
            var finished = await Task.WhenAny(terminate, Task.Delay(Dilated(TimeSpan.FromSeconds(10))));
            Assert.True(ReferenceEquals(finished, terminate), $"round {round}: Terminate hung");
            await creator;
            Assert.All(created, actor => Assert.True(((IInternalActorRef)actor).IsTerminated, $"round {round}: {actor} outlived its system"));
        }
    }

    private sealed record SpawnChildren(int Count);

    private sealed class Counting : ReceiveActor
    {
        public Counting(ConcurrentDictionary<string, int> received) =>
            ReceiveAny(_ => received.AddOrUpdate(Self.Path.Name, 1, (_, n) => n + 1));
    }

    private sealed class Spawner : ReceiveActor
    {
        public Spawner(ConcurrentDictionary<string, int> received) =>
            Receive<SpawnChildren>(spawn =>
            {
                for (var i = 0; i < spawn.Count; i++)
                    Context.ActorOf(Props.Create(() => new Counting(received)).WithDispatcher(Dispatchers.PinnedDispatcherId), $"c{i}");
                Sender.Tell("spawned", Self);
            });
    }

    [Fact]
    public async Task A_message_that_reaches_a_child_before_its_creation_runs_is_processed_after_it()
    {
        var received = new ConcurrentDictionary<string, int>();
        var deadLetters = new ConcurrentQueue<DeadLetter>();
        var spawner = Sys.ActorOf(Props.Create(() => new Spawner(received)), "spawner");
        var selection = Sys.ActorSelection("/user/spawner/*");
        spawner.Tell(new SpawnChildren(50), TestActor);

        // Send to every child the selection finds while the spawner is still creating them (pinned: a wide window).
        var sent = 0;
        while (!HasMessages || sent == 0)
        {
            foreach (var child in selection.Resolve())
            {
                child.Tell("hello", ActorRefs.NoSender);
                sent++;
            }
        }
        await ExpectMsgAsync("spawned");

        await AwaitConditionAsync(() => received.Values.Sum() == sent, message: $"{received.Values.Sum()} of {sent} messages processed");
    }
}
