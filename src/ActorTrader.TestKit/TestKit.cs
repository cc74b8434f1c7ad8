using ActorTrader.Actors;
using Xunit;

namespace ActorTrader.TestKit;

/// <summary>
/// Base class for actor tests (Akka.TestKit.Xunit2): a fresh <see cref="ActorSystem"/> per test, shut down
/// asynchronously after it, a <see cref="TestActor"/> with expectations, probes, and optional virtual time.
/// Construction never blocks (thread-pool starvation on 2-core CI is what broke Akka.NET's TestKit).
/// </summary>
public abstract class TestKit : TestKitBase, IAsyncLifetime
{
    private static int _systemSequence;
    private readonly TestScheduler? _scheduler;
    private int _probeSequence;

    protected TestKit(TestKitSettings? settings = null) : base(Dilated((settings ?? new TestKitSettings()).DefaultTimeout))
    {
        settings ??= new TestKitSettings();
        _scheduler = settings.VirtualTime ? new TestScheduler() : null;
        var setup = (settings.Setup ?? new ActorSystemSetup()) with { RunCoordinatedShutdownOnSignals = false };
        if (_scheduler is not null) setup = setup with { SchedulerFactory = () => _scheduler };
        var name = settings.SystemName ?? $"{GetType().Name}-{Interlocked.Increment(ref _systemSequence)}";
        Sys = ActorSystem.Create(SanitizeName(name), setup);
        _ = TestActor;
    }

    public override ActorSystem Sys { get; }

    /// <summary>The default test actor: use it as sender or as the actor under test's collaborator.</summary>
    public IActorRef TestActor => ReceiverRef;

    /// <summary>The virtual-time scheduler; only with <see cref="TestKitSettings.VirtualTime"/>.</summary>
    public TestScheduler Scheduler => _scheduler
        ?? throw new InvalidOperationException("This test kit runs on real time. Fix: pass new TestKitSettings { VirtualTime = true } to the base constructor.");

    public TestProbe CreateTestProbe(string? name = null) =>
        new(Sys, name ?? $"testProbe-{Interlocked.Increment(ref _probeSequence)}", DefaultTimeout);

    private protected override string ActorNameForProbe() => "testActor";

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        var terminate = Sys.Terminate();
        if (await Task.WhenAny(terminate, Task.Delay(Dilated(TimeSpan.FromSeconds(10)))).ConfigureAwait(false) != terminate)
            throw new TimeoutException($"Actor system {Sys.Name} did not terminate within {Dilated(TimeSpan.FromSeconds(10)).TotalSeconds:0} s after the test.");
        await terminate.ConfigureAwait(false);
    }

    private static string SanitizeName(string name)
    {
        var chars = name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray();
        return new string(chars);
    }
}
