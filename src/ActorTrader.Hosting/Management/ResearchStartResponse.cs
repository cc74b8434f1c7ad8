namespace ActorTrader.Hosting.Management;

/// <summary>Answer to <c>POST /api/research/start</c>: the run each strategy evolves in, or (409) why nothing started.</summary>
/// <param name="Accepted">False when the node refused (e.g. no strategies configured); <paramref name="Message"/> says why and the fix.</param>
/// <param name="Message">What happened, in a sentence.</param>
/// <param name="Runs">The runs now evolving; empty when refused.</param>
public sealed record ResearchStartResponse(bool Accepted, string Message, IReadOnlyList<ResearchRunView> Runs);

/// <summary>The run <paramref name="Strategy"/> evolves in; <paramref name="New"/> when this request started it.</summary>
public sealed record ResearchRunView(string Strategy, string RunId, bool New);
