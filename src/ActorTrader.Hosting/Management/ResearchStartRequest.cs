namespace ActorTrader.Hosting.Management;

/// <summary>
/// <c>POST /api/research/start</c>: evolve <paramref name="Strategies"/> now, whatever the window (null or empty: the
/// configured ones), <paramref name="Generations"/> more generations each (null: up to the run's limit); with
/// <paramref name="New"/> the current runs end and new ones start. Clears an operator's stop.
/// </summary>
public sealed record ResearchStartRequest(IReadOnlyList<string>? Strategies, int? Generations, bool New);
