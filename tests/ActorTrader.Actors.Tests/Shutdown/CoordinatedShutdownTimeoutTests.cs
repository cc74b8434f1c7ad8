namespace ActorTrader.Actors.Tests.Shutdown;

/// <summary>A phase that does not finish within its timeout must not block the phases after it.</summary>
public sealed class CoordinatedShutdownTimeoutTests : TestKit.TestKit
{
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromMilliseconds(200);

    public CoordinatedShutdownTimeoutTests()
        : base(new TestKit.TestKitSettings
        {
            Setup = new ActorSystemSetup
            {
                PhaseTimeouts = new Dictionary<string, TimeSpan>(StringComparer.Ordinal)
                {
                    [CoordinatedShutdown.PhaseStopIntake] = ShortTimeout,
                    [CoordinatedShutdown.PhaseDrain] = ShortTimeout,
                },
            },
        })
    {
    }

    private CoordinatedShutdown Shutdown => CoordinatedShutdown.Get(Sys);

    [Fact]
    public void PhaseTimeout_comes_from_the_setup_with_the_default_for_other_phases()
    {
        Assert.Equal(ShortTimeout, Shutdown.PhaseTimeout(CoordinatedShutdown.PhaseDrain));
        Assert.Equal(Sys.Settings.DefaultPhaseTimeout, Shutdown.PhaseTimeout(CoordinatedShutdown.PhasePersistCheckpoints));
    }

    [Fact]
    public async Task Phase_that_times_out_lets_the_next_phase_run()
    {
        var neverCompletes = new TaskCompletionSource<Done>(TaskCreationOptions.RunContinuationsAsynchronously);
        var nextPhaseRan = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Shutdown.AddTask(CoordinatedShutdown.PhaseDrain, "hangs", () => neverCompletes.Task);
        Shutdown.AddTask(CoordinatedShutdown.PhasePersistCheckpoints, "next", () =>
        {
            nextPhaseRan.SetResult();
            return Task.FromResult(Done.Instance);
        });

        await Shutdown.Run(CoordinatedShutdown.UnknownReason.Instance).WaitAsync(DefaultTimeout);

        Assert.True(nextPhaseRan.Task.IsCompleted);
        Assert.False(neverCompletes.Task.IsCompleted); // the phase gave up on it rather than waiting
        await Sys.WhenTerminated.WaitAsync(DefaultTimeout);
        neverCompletes.SetResult(Done.Instance);
    }

    [Fact]
    public async Task Timeouts_of_several_phases_do_not_stop_the_shutdown()
    {
        var stuckIntake = new TaskCompletionSource<Done>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stuckDrain = new TaskCompletionSource<Done>(TaskCreationOptions.RunContinuationsAsynchronously);
        Shutdown.AddTask(CoordinatedShutdown.PhaseStopIntake, "hangs", () => stuckIntake.Task);
        Shutdown.AddTask(CoordinatedShutdown.PhaseDrain, "hangs too", () => stuckDrain.Task);

        await Shutdown.Run(CoordinatedShutdown.UnknownReason.Instance).WaitAsync(DefaultTimeout);

        await Sys.WhenTerminated.WaitAsync(DefaultTimeout);
        stuckIntake.SetResult(Done.Instance);
        stuckDrain.SetResult(Done.Instance);
    }
}
