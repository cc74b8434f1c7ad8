namespace ActorTrader.Hosting.Management;

/// <summary>Where a running node listens: written to the endpoint file so the CLI finds a node bound to port 0.</summary>
/// <param name="Url">Base URL of the management API, e.g. http://127.0.0.1:40123/.</param>
/// <param name="Pid">The node's process id.</param>
/// <param name="Node">The node's name.</param>
/// <param name="StartedAt">When it started.</param>
public sealed record NodeEndpoint(string Url, int Pid, string Node, DateTimeOffset StartedAt);
