namespace ActorTrader.Hosting.Logging;

/// <summary>One Error or Fatal event from a node's errors file, as <c>actortrader errors</c> lists it.</summary>
/// <param name="Timestamp">When it was logged.</param>
/// <param name="Level">Error or Fatal.</param>
/// <param name="Message">The rendered message.</param>
/// <param name="Exception">Exception text, when there was one.</param>
/// <param name="ActorPath">The actor that logged it, when it came from an actor.</param>
/// <param name="CorrelationId">The management request it belongs to, when there was one.</param>
public sealed record ErrorEntry(DateTimeOffset Timestamp, string Level, string Message, string? Exception, string? ActorPath, string? CorrelationId);
