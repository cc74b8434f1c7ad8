using System.Globalization;

namespace ActorTrader.Persistence.CrashProbe;

/// <summary>Which database the probe writes to.</summary>
public enum ProbeBackend
{
    Sqlite,
    PostgreSql,
}

/// <summary>What the probe's actors do besides persisting events.</summary>
public enum ProbeMode
{
    /// <summary>Persist events only.</summary>
    Events,

    /// <summary>Persist events and save a snapshot every <see cref="ProbeArguments.SnapshotEvery"/> events, so kills land during snapshot saves.</summary>
    Snapshots,
}

/// <summary>
/// The probe's command line: <c>sqlite PATH | postgresql CONNSTRING [SCHEMA]</c>, then <c>events | snapshots</c>, then the number of actors.
/// </summary>
/// <param name="Target">The SQLite journal file path (the store keeps snapshots in a file next to it) or the Npgsql connection string.</param>
/// <param name="Schema">The PostgreSQL schema holding the tables (ignored for SQLite).</param>
public sealed record ProbeArguments(ProbeBackend Backend, string Target, string Schema, ProbeMode Mode, int Actors)
{
    /// <summary>A snapshot after every this many events per actor in <see cref="ProbeMode.Snapshots"/>.</summary>
    public const int SnapshotEvery = 20;

    public const string Usage =
        "Usage: ActorTrader.Persistence.CrashProbe (sqlite PATH | postgresql CONNSTRING SCHEMA) (events | snapshots) ACTORS";

    /// <summary>The persistence id of actor <paramref name="index"/> (0-based); stable across restarts so a restart recovers the same ids.</summary>
    public static string PersistenceIdOf(int index) => $"crash-probe-{index}";

    /// <summary>The command line <see cref="Parse"/> reads, after the backend's arguments (<c>sqlite PATH</c> or <c>postgresql CONNSTRING SCHEMA</c>).</summary>
    public static IReadOnlyList<string> Format(IEnumerable<string> backendArguments, ProbeMode mode, int actors) =>
        [.. backendArguments, mode == ProbeMode.Events ? "events" : "snapshots", actors.ToString(CultureInfo.InvariantCulture)];

    public static ProbeArguments Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var position = 0;
        string Next(string what) =>
            position < args.Count ? args[position++] : throw new ArgumentException($"Missing {what}. {Usage}");

        var backendName = Next("backend (sqlite or postgresql)");
        var backend = backendName switch
        {
            "sqlite" => ProbeBackend.Sqlite,
            "postgresql" => ProbeBackend.PostgreSql,
            _ => throw new ArgumentException($"Unknown backend \"{backendName}\"; use sqlite or postgresql. {Usage}"),
        };
        var target = Next(backend == ProbeBackend.Sqlite ? "SQLite database path" : "PostgreSQL connection string");
        var schema = backend == ProbeBackend.PostgreSql ? Next("PostgreSQL schema") : "";
        var modeName = Next("mode (events or snapshots)");
        var mode = modeName switch
        {
            "events" => ProbeMode.Events,
            "snapshots" => ProbeMode.Snapshots,
            _ => throw new ArgumentException($"Unknown mode \"{modeName}\"; use events or snapshots. {Usage}"),
        };
        var actorsText = Next("number of actors");
        if (!int.TryParse(actorsText, NumberStyles.None, CultureInfo.InvariantCulture, out var actors) || actors < 1)
            throw new ArgumentException($"Number of actors \"{actorsText}\" is not a positive integer. {Usage}");
        if (position != args.Count)
            throw new ArgumentException($"Unexpected argument \"{args[position]}\". {Usage}");
        return new ProbeArguments(backend, target, schema, mode, actors);
    }
}
