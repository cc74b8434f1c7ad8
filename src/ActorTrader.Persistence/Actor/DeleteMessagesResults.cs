namespace ActorTrader.Persistence;

/// <summary>Events up to <see cref="ToSequenceNr"/> are deleted (not replayed any more); numbering continues after them.</summary>
public sealed record DeleteMessagesSuccess(long ToSequenceNr);

public sealed record DeleteMessagesFailure(Exception Cause, long ToSequenceNr);
