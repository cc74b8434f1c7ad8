using ActorTrader.Actors;

namespace ActorTrader.Streams;

/// <summary>Runs stream blueprints (Akka.Streams' <c>IMaterializer</c>).</summary>
public interface IMaterializer
{
    ActorSystem System { get; }

    /// <summary>The clock and timer source of every time-based stage (the actor system's scheduler, virtual in tests).</summary>
    IScheduler Scheduler { get; }

    bool IsShutdown { get; }

    TMat Materialize<TMat>(RunnableGraph<TMat> runnable);

    /// <summary>Stops every stream this materializer runs; they fail with <see cref="AbruptTerminationException"/>.</summary>
    void Shutdown();
}
