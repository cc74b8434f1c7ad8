namespace ActorTrader.Hosting.Management;

/// <summary>Answer to <c>POST /api/research/stop</c>: the strategies now stopped, and what that means.</summary>
public sealed record ResearchStopResponse(IReadOnlyList<string> Stopped, string Message);
