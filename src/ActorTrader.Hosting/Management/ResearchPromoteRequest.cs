namespace ActorTrader.Hosting.Management;

/// <summary>
/// <c>POST /api/research/promote</c>: <paramref name="Operator"/> promotes candidate <paramref name="Id"/> to
/// <paramref name="To"/>: <c>paper</c> (a validated candidate) or <c>live</c> (after its days on paper). All three are required.
/// </summary>
public sealed record ResearchPromoteRequest(string? Id, string? To, string? Operator);
