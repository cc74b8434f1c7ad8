namespace ActorTrader.Hosting.Management;

/// <summary><c>POST /api/halt</c>: stop trading, with a reason for the record; with <paramref name="Flatten"/> also close every position.</summary>
public sealed record HaltRequest(string Reason, bool Flatten = false);
