using System.Collections.Concurrent;

namespace ActorTrader.Actors.Tests.Shutdown;

/// <summary>
/// Coordinated shutdown: ordered phases, concurrent tasks within a phase, failures tolerated, run once,
/// and the last phase stopping every actor. Each run terminates the test's system, so results are
/// collected in plain collections rather than by test actors (which stop too).
/// </summary>
public sealed class CoordinatedShutdownTests : TestKit.TestKit
{
    private static readonly Task<Done> DoneTask = Task.FromResult(Done.Instance);

    private sealed class Echo : ReceiveActor
    {
        public Echo()
        {
            ReceiveAny(m => Sender.Tell(m, Self));
        }
    }

    /// <summary>Records its PostStop, after creating a child that records its own.</summary>
    private sealed class ParentRecordingStop : ReceiveActor
    {
        private readonly ConcurrentQueue<string> _events;

        public ParentRecordingStop(ConcurrentQueue<string> events)
        {
            _events = events;
            Context.ActorOf(Props.Create(() => new ChildRecordingStop(events)), "child");
            ReceiveAny(m => Sender.Tell(m, Self));
        }

        protected override void PostStop() => _events.Enqueue("parent stopped");
    }

    private sealed class ChildRecordingStop : ReceiveActor
    {
        private readonly ConcurrentQueue<string> _events;

        public ChildRecordingStop(ConcurrentQueue<string> events)
        {
            _events = events;
            ReceiveAny(m => Sender.Tell(m, Self));
        }

        protected override void PreStart() => _events.Enqueue("child started");

        protected override void PostStop() => _events.Enqueue("child stopped");
    }

    private CoordinatedShutdown Shutdown => CoordinatedShutdown.Get(Sys);

    [Fact]
    public async Task Phases_run_in_their_defined_order()
    {
        var order = new ConcurrentQueue<string>();
        string[] addedInScrambledOrder =
        [
            CoordinatedShutdown.PhaseBeforeActorSystemTerminate,
            CoordinatedShutdown.PhaseDrain,
            CoordinatedShutdown.PhaseBeforeServiceUnbind,
            CoordinatedShutdown.PhasePersistCheckpoints,
            CoordinatedShutdown.PhaseStopIntake,
        ];
        foreach (var phase in addedInScrambledOrder)
        {
            Shutdown.AddTask(phase, "record-" + phase, async () =>
            {
                await Task.Yield(); // complete asynchronously: the next phase must wait for it
                order.Enqueue(phase);
                return Done.Instance;
            });
        }

        await Shutdown.Run(CoordinatedShutdown.UnknownReason.Instance).WaitAsync(DefaultTimeout);

        Assert.Equal(
        [
            CoordinatedShutdown.PhaseBeforeServiceUnbind,
            CoordinatedShutdown.PhaseStopIntake,
            CoordinatedShutdown.PhaseDrain,
            CoordinatedShutdown.PhasePersistCheckpoints,
            CoordinatedShutdown.PhaseBeforeActorSystemTerminate,
        ], order);
    }

    [Fact]
    public async Task Next_phase_starts_only_after_every_task_of_the_previous_phase_completed()
    {
        var release = new TaskCompletionSource<Done>(TaskCreationOptions.RunContinuationsAsynchronously);
        var drainEntered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Shutdown.AddTask(CoordinatedShutdown.PhaseDrain, "quick", () => DoneTask);
        Shutdown.AddTask(CoordinatedShutdown.PhaseDrain, "held", () =>
        {
            drainEntered.SetResult();
            return release.Task;
        });
        Shutdown.AddTask(CoordinatedShutdown.PhasePersistCheckpoints, "later", () =>
        {
            TestActor.Tell("persist phase ran", ActorRefs.NoSender);
            return DoneTask;
        });
        // Keeps the actors (the test actor too) alive until the test has seen the message.
        var keepActorsAlive = new TaskCompletionSource<Done>(TaskCreationOptions.RunContinuationsAsynchronously);
        Shutdown.AddTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate, "keep-actors", () => keepActorsAlive.Task);

        var run = Shutdown.Run(CoordinatedShutdown.UnknownReason.Instance);
        await drainEntered.Task.WaitAsync(DefaultTimeout);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(150)); // drain still has a task running

        release.SetResult(Done.Instance);

        await ExpectMsgAsync("persist phase ran");
        keepActorsAlive.SetResult(Done.Instance);
        await run.WaitAsync(DefaultTimeout);
    }

    [Fact]
    public async Task Tasks_of_one_phase_run_concurrently()
    {
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var secondStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // Each task waits for the other to have started: run one after the other, they would deadlock.
        Shutdown.AddTask(CoordinatedShutdown.PhaseDrain, "first", async () =>
        {
            firstStarted.SetResult();
            await secondStarted.Task;
            return Done.Instance;
        });
        Shutdown.AddTask(CoordinatedShutdown.PhaseDrain, "second", async () =>
        {
            secondStarted.SetResult();
            await firstStarted.Task;
            return Done.Instance;
        });

        var run = Shutdown.Run(CoordinatedShutdown.UnknownReason.Instance);

        await Task.WhenAll(firstStarted.Task, secondStarted.Task).WaitAsync(DefaultTimeout);
        await run.WaitAsync(DefaultTimeout);
    }

    [Fact]
    public async Task Task_that_throws_synchronously_does_not_stop_the_shutdown()
    {
        var laterPhaseRan = false;
        Shutdown.AddTask(CoordinatedShutdown.PhaseStopIntake, "throws", () => throw new InvalidOperationException("sync failure"));
        Shutdown.AddTask(CoordinatedShutdown.PhaseDrain, "later", () =>
        {
            laterPhaseRan = true;
            return DoneTask;
        });

        await Shutdown.Run(CoordinatedShutdown.UnknownReason.Instance).WaitAsync(DefaultTimeout);

        Assert.True(laterPhaseRan);
        await Sys.WhenTerminated.WaitAsync(DefaultTimeout);
    }

    [Fact]
    public async Task Task_that_faults_asynchronously_does_not_stop_the_shutdown()
    {
        var siblingRan = false;
        var laterPhaseRan = false;
        Shutdown.AddTask(CoordinatedShutdown.PhaseStopIntake, "faults", async () =>
        {
            await Task.Yield();
            throw new InvalidOperationException("async failure");
        });
        Shutdown.AddTask(CoordinatedShutdown.PhaseStopIntake, "sibling", () =>
        {
            siblingRan = true;
            return DoneTask;
        });
        Shutdown.AddTask(CoordinatedShutdown.PhaseDrain, "later", () =>
        {
            laterPhaseRan = true;
            return DoneTask;
        });

        await Shutdown.Run(CoordinatedShutdown.UnknownReason.Instance).WaitAsync(DefaultTimeout);

        Assert.True(siblingRan);
        Assert.True(laterPhaseRan);
        await Sys.WhenTerminated.WaitAsync(DefaultTimeout);
    }

    [Fact]
    public async Task Run_twice_returns_the_same_task_and_keeps_the_first_reason()
    {
        var first = Shutdown.Run(CoordinatedShutdown.UnknownReason.Instance);
        var second = Shutdown.Run(CoordinatedShutdown.ActorSystemTerminateReason.Instance);

        Assert.Same(first, second);
        Assert.Same(CoordinatedShutdown.UnknownReason.Instance, Shutdown.ShutdownReason);
        await first.WaitAsync(DefaultTimeout);
    }

    [Fact]
    public async Task Tasks_run_once_however_often_shutdown_is_started()
    {
        var runs = 0;
        Shutdown.AddTask(CoordinatedShutdown.PhaseDrain, "count", () =>
        {
            Interlocked.Increment(ref runs);
            return DoneTask;
        });

        var first = Shutdown.Run(CoordinatedShutdown.UnknownReason.Instance);
        var terminate = Sys.Terminate();
        await Task.WhenAll(first, terminate).WaitAsync(DefaultTimeout);
        await Shutdown.Run(CoordinatedShutdown.UnknownReason.Instance).WaitAsync(DefaultTimeout);

        Assert.Equal(1, runs);
    }

    [Fact]
    public void AddTask_to_an_unknown_phase_throws_naming_the_phase()
    {
        var error = Assert.Throws<ArgumentException>(() => Shutdown.AddTask("no-such-phase", "task", () => DoneTask));

        Assert.Contains("no-such-phase", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Terminate_runs_the_tasks_before_stopping_the_actors()
    {
        var events = new ConcurrentQueue<string>();
        var parent = Sys.ActorOf(Props.Create(() => new ParentRecordingStop(events)), "parent");
        parent.Tell("ready?", TestActor);
        await ExpectMsgAsync("ready?");
        await AwaitConditionAsync(() => events.Contains("child started"));
        Shutdown.AddTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate, "last-task", () =>
        {
            events.Enqueue("task ran");
            return DoneTask;
        });

        await Sys.Terminate().WaitAsync(DefaultTimeout);

        Assert.Equal(["child started", "task ran", "child stopped", "parent stopped"], events);
    }

    [Fact]
    public async Task Terminate_stops_every_actor_and_completes_WhenTerminated()
    {
        var events = new ConcurrentQueue<string>();
        Sys.ActorOf(Props.Create(() => new ParentRecordingStop(events)), "parent");
        await AwaitConditionAsync(() => events.Contains("child started"));

        await Sys.Terminate().WaitAsync(DefaultTimeout);

        Assert.True(Sys.WhenTerminated.IsCompletedSuccessfully);
        Assert.True(Sys.IsTerminated);
        Assert.Contains("child stopped", events);
        Assert.Contains("parent stopped", events);
    }

    [Fact]
    public async Task ActorOf_throws_once_shutdown_has_started()
    {
        var hold = new TaskCompletionSource<Done>(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Shutdown.AddTask(CoordinatedShutdown.PhaseBeforeServiceUnbind, "hold", () =>
        {
            entered.SetResult();
            return hold.Task;
        });
        var run = Shutdown.Run(CoordinatedShutdown.UnknownReason.Instance);
        await entered.Task.WaitAsync(DefaultTimeout);

        var error = Record.Exception(() => Sys.ActorOf(Props.Create(() => new Echo())));

        hold.SetResult(Done.Instance);
        await run.WaitAsync(DefaultTimeout);
        Assert.IsType<InvalidOperationException>(error);
    }

    [Fact]
    public async Task ActorOf_throws_after_the_system_terminated()
    {
        await Sys.Terminate().WaitAsync(DefaultTimeout);

        Assert.Throws<InvalidOperationException>(() => Sys.ActorOf(Props.Create(() => new Echo())));
    }

    [Fact]
    public async Task Actors_keep_working_while_the_early_phases_run()
    {
        var hold = new TaskCompletionSource<Done>(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var echo = Sys.ActorOf(Props.Create(() => new Echo()));
        Shutdown.AddTask(CoordinatedShutdown.PhaseDrain, "hold", () =>
        {
            entered.SetResult();
            return hold.Task;
        });
        var run = Shutdown.Run(CoordinatedShutdown.UnknownReason.Instance);
        await entered.Task.WaitAsync(DefaultTimeout);

        echo.Tell("still here", TestActor);
        await ExpectMsgAsync("still here");

        hold.SetResult(Done.Instance);
        await run.WaitAsync(DefaultTimeout);
    }
}
