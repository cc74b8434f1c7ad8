namespace ActorTrader.Hosting.Management;

/// <summary>
/// <c>POST /api/research/stop</c>: an operator's stop, journaled — the populations of <paramref name="Strategies"/> (null
/// or empty: every configured strategy and every strategy with a run) pause, and the window does not start them again
/// until <c>POST /api/research/start</c>. <paramref name="Operator"/> is recorded with the stop.
/// </summary>
public sealed record ResearchStopRequest(IReadOnlyList<string>? Strategies, string? Operator);
