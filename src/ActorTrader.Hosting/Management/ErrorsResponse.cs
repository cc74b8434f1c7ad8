using ActorTrader.Hosting.Logging;

namespace ActorTrader.Hosting.Management;

/// <summary><c>GET /api/errors</c>: the newest Error and Fatal events and the file they come from.</summary>
public sealed record ErrorsResponse(string File, IReadOnlyList<ErrorEntry> Errors);
