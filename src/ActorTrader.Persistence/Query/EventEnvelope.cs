namespace ActorTrader.Persistence.Query;

/// <summary>One event as read models see it (Akka.Persistence.Query's envelope): <see cref="Offset"/> is the journal's ordering.</summary>
public sealed record EventEnvelope(long Offset, string PersistenceId, long SequenceNr, object Event, DateTimeOffset Timestamp, IReadOnlyList<string> Tags);
