namespace ActorTrader.Persistence.Tests.Behaviour;

/// <summary>
/// A storage backend the behaviour specs run against. <see cref="OpenAsync"/> opens a journal, snapshot store and query
/// over the backend's storage (started); disposing them and opening again over the same storage is a process restart.
/// Subclass per backend (memory, SQLite, PostgreSQL) and return it from the spec's <c>CreateBackend</c>.
/// </summary>
public abstract class PersistenceBackend : IAsyncDisposable
{
    /// <summary>Opens and starts new store instances over the same storage as every earlier call.</summary>
    public abstract Task<PersistenceStores> OpenAsync();

    /// <summary>Removes the storage (files, schema); called after the spec's actor system has terminated.</summary>
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
