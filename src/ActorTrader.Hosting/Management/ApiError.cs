namespace ActorTrader.Hosting.Management;

/// <summary>Body of a management API error response (401, 400, 500).</summary>
public sealed record ApiError(string Error);
