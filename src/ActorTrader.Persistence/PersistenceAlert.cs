namespace ActorTrader.Persistence;

/// <summary>
/// Published on the system's event stream (and logged at Error) when persistence fails in a way an operator must see:
/// a recovery failure, a failed or rejected write. Subscribe with <c>system.EventStream.Subscribe(actor, typeof(PersistenceAlert))</c>.
/// </summary>
/// <param name="PersistenceId">The actor's persistence id.</param>
/// <param name="Failure">What failed.</param>
/// <param name="Reason">The exception's message (it names the sequence number, manifest or store, and the fix).</param>
/// <param name="SequenceNr">The sequence number involved (for recovery: the last one applied).</param>
/// <param name="Actor">The actor's path.</param>
/// <param name="Timestamp">When it happened (system clock, UTC).</param>
public sealed record PersistenceAlert(string PersistenceId, PersistenceFailure Failure, string Reason, long SequenceNr, string Actor, DateTimeOffset Timestamp);
