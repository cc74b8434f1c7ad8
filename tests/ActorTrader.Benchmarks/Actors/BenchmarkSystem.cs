namespace ActorTrader.Benchmarks.Actors;

/// <summary>The actor system each figure runs in: default settings, but no signal handlers (a benchmark is no host).</summary>
internal static class BenchmarkSystem
{
    public static ActorSystem Create() =>
        ActorSystem.Create("bench", new ActorSystemSetup { RunCoordinatedShutdownOnSignals = false });
}
