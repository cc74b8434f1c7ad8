namespace ActorTrader.Persistence;

/// <summary>What a <see cref="PersistenceAlert"/> is about.</summary>
public enum PersistenceFailure
{
    /// <summary>A persistent actor could not recover its state and stopped (it never starts empty).</summary>
    Recovery,

    /// <summary>The journal failed a write (or another writer owns the id); the actor stopped.</summary>
    Persist,

    /// <summary>An event was refused before it was written (for example an unregistered type); the actor continues.</summary>
    PersistRejected,
}
