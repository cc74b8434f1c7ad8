namespace ActorTrader.Persistence.Serialization;

/// <summary>
/// An event or snapshot that could not be turned into bytes or back. The message names the persistence id,
/// the sequence number and the manifest, and says how to fix it; a recovery that meets one stops the actor.
/// </summary>
public sealed class PersistenceSerializationException : Exception
{
    public PersistenceSerializationException() { }

    public PersistenceSerializationException(string message) : base(message) { }

    public PersistenceSerializationException(string message, Exception innerException) : base(message, innerException) { }

    public PersistenceSerializationException(string message, string persistenceId, long sequenceNr, string manifest, Exception? innerException = null)
        : base(message, innerException)
    {
        PersistenceId = persistenceId;
        SequenceNr = sequenceNr;
        Manifest = manifest;
    }

    public string PersistenceId { get; } = "";

    public long SequenceNr { get; }

    /// <summary>The manifest involved; empty when the type had none (not registered).</summary>
    public string Manifest { get; } = "";
}
