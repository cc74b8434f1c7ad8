namespace ActorTrader.Persistence.Tests.Sqlite;

/// <summary>Which of the SQLite backend's two files a test is about.</summary>
public enum StoreFile
{
    /// <summary>The journal's file (<c>actortrader.persistence.sqlite.path</c>).</summary>
    Journal,

    /// <summary>The snapshot store's file next to it.</summary>
    Snapshots,
}
