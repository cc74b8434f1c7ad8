namespace ActorTrader.Persistence.Journal;

/// <summary>A journal or snapshot store failure with a message that names the store and says how to fix it.</summary>
public class PersistenceStoreException : Exception
{
    public PersistenceStoreException() { }

    public PersistenceStoreException(string message) : base(message) { }

    public PersistenceStoreException(string message, Exception innerException) : base(message, innerException) { }
}
