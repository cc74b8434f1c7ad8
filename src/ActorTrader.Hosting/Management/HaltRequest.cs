namespace ActorTrader.Hosting.Management;

/// <summary><c>POST /api/halt</c>: stop trading, with a reason for the record.</summary>
public sealed record HaltRequest(string Reason);
