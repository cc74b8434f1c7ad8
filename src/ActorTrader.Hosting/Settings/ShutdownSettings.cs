namespace ActorTrader.Hosting.Settings;

/// <summary><c>actortrader.shutdown</c>: how long a graceful shutdown may take, overall and per phase.</summary>
/// <param name="Timeout">After this the node forces its exit.</param>
/// <param name="PhaseTimeouts">Timeout per coordinated-shutdown phase, by phase name.</param>
public sealed record ShutdownSettings(TimeSpan Timeout, IReadOnlyDictionary<string, TimeSpan> PhaseTimeouts);
