namespace ActorTrader.Persistence;

/// <summary>Invalid actortrader.persistence settings; the message lists every bad key with its fix.</summary>
public sealed class PersistenceSettingsException : Exception
{
    public PersistenceSettingsException() { }

    public PersistenceSettingsException(string message) : base(message) { }

    public PersistenceSettingsException(string message, Exception innerException) : base(message, innerException) { }
}
