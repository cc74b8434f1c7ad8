using ActorTrader.Persistence.Sql;

namespace ActorTrader.Persistence.Tests.Crash;

/// <summary>The database a crash test runs on: how the probe is pointed at it and how the test opens it itself.</summary>
internal interface ICrashBackend : IAsyncDisposable
{
    /// <summary>For messages: "SQLite /tmp/…/crash.db (snapshots in /tmp/…/crash.snapshots.db)" or "PostgreSQL schema crash_…".</summary>
    string Description { get; }

    /// <summary>The probe's backend arguments (<c>sqlite PATH</c> or <c>postgresql CONNSTRING SCHEMA</c>).</summary>
    IReadOnlyList<string> ProbeArguments { get; }

    /// <summary>Fresh stores over the same database, not yet started.</summary>
    PersistenceStores CreateStores();
}
