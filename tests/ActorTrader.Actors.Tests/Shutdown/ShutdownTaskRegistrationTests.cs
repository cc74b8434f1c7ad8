using System.Collections.Concurrent;

namespace ActorTrader.Actors.Tests.Shutdown;

/// <summary>As in Akka, a running shutdown still accepts tasks for phases that have not started yet.</summary>
public sealed class ShutdownTaskRegistrationTests : TestKit.TestKit
{
    private CoordinatedShutdown Shutdown => CoordinatedShutdown.Get(Sys);

    [Fact]
    public async Task A_task_added_during_shutdown_to_a_later_phase_runs()
    {
        var ran = new ConcurrentQueue<string>();
        Shutdown.AddTask(CoordinatedShutdown.PhaseStopIntake, "adds-checkpoint", () =>
        {
            Shutdown.AddTask(CoordinatedShutdown.PhasePersistCheckpoints, "checkpoint", () =>
            {
                ran.Enqueue("checkpoint");
                return Task.FromResult(Done.Instance);
            });
            ran.Enqueue("stop-intake");
            return Task.FromResult(Done.Instance);
        });

        await Sys.Terminate();

        Assert.Equal(["stop-intake", "checkpoint"], ran);
    }

    [Fact]
    public async Task Adding_a_task_to_a_phase_that_already_ran_fails_naming_the_phase()
    {
        Exception? refused = null;
        Shutdown.AddTask(CoordinatedShutdown.PhaseDrain, "late-adder", () =>
        {
            refused = Record.Exception(() => Shutdown.AddTask(CoordinatedShutdown.PhaseStopIntake, "too-late", () => Task.FromResult(Done.Instance)));
            return Task.FromResult(Done.Instance);
        });

        await Sys.Terminate();

        var error = Assert.IsType<InvalidOperationException>(refused);
        Assert.Contains(CoordinatedShutdown.PhaseStopIntake, error.Message, StringComparison.Ordinal);
    }
}
