using ActorTrader.Actors;

namespace ActorTrader.Streams;

/// <summary>
/// Runs streams on an actor system: time-based stages use the system's scheduler (so TestKit virtual time drives
/// them), actor sources and sinks live in the system, and every stream is stopped when the system shuts down.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The token source is cancelled on shutdown, never disposed: running stages hold linked tokens.")]
public sealed class ActorMaterializer : IMaterializer
{
    private readonly CancellationTokenSource _shutdown = new();

    private ActorMaterializer(ActorSystem system, ActorMaterializerSettings settings)
    {
        System = system;
        Settings = settings;
        DefaultAttributes = Attributes.CreateInputBuffer(settings.InitialInputBufferSize, settings.MaxInputBufferSize)
            .And(ActorAttributes.CreateSupervisionStrategy(settings.SupervisionDecider));
        if (system.IsTerminated || system.CoordinatedShutdown.IsRunning)
        {
            Shutdown();
            return;
        }
        // Streams stop before the actors they may talk to.
        system.CoordinatedShutdown.AddTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate, "stop-streams", () =>
        {
            Shutdown();
            return Task.FromResult(Done.Instance);
        });
    }

    /// <summary>A new materializer; prefer <c>system.Materializer()</c>, which shares one per system.</summary>
    public static ActorMaterializer Create(ActorSystem system, ActorMaterializerSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        settings ??= new ActorMaterializerSettings();
        if (settings.InitialInputBufferSize < 1 || settings.MaxInputBufferSize < settings.InitialInputBufferSize)
            throw new ArgumentException(
                $"Input buffer sizes ({settings.InitialInputBufferSize}, {settings.MaxInputBufferSize}) are invalid. Fix: use 1 <= initial <= max.",
                nameof(settings));
        return new ActorMaterializer(system, settings);
    }

    public ActorSystem System { get; }

    public ActorMaterializerSettings Settings { get; }

    public IScheduler Scheduler => System.Scheduler;

    public bool IsShutdown => _shutdown.IsCancellationRequested;

    /// <summary>The root attributes every stream inherits (input buffer and decider from the settings).</summary>
    internal Attributes DefaultAttributes { get; }

    internal CancellationToken ShutdownToken => _shutdown.Token;

    public TMat Materialize<TMat>(RunnableGraph<TMat> runnable)
    {
        ArgumentNullException.ThrowIfNull(runnable);
        if (IsShutdown)
            throw new InvalidOperationException("This materializer has been shut down and cannot run new streams. Fix: create streams before the actor system terminates, or create a new materializer.");
        return runnable.Materialize(this, DefaultAttributes);
    }

    public void Shutdown()
    {
        try
        {
            _shutdown.Cancel();
        }
        catch (AggregateException e)
        {
            // A stage's cancellation callback threw: report it, every stream has still been told to stop.
            System.Log.Error(e, "A stream stage failed while the materializer shut down");
        }
    }

    /// <summary>Logs the failure of a stream whose materialized value is not a task (nobody else could see it).</summary>
    internal void ReportFailureOf(Task running, string stage) =>
        running.ContinueWith(t => System.Log.Error(t.Exception!.GetBaseException(), "Stream ending in {Stage} failed", stage),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    /// <summary>An error from a stage nobody listens to any more (its downstream had already cancelled).</summary>
    internal void ReportDetachedFailure(string stage, Exception error) =>
        System.Log.Warning("Stream stage {Stage} failed after its downstream had cancelled: {Error}", stage, error);
}
