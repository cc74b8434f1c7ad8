using System.Globalization;
using ActorTrader.Persistence.Postgres;
using ActorTrader.Persistence.Tests.Postgres;
using Npgsql;

namespace ActorTrader.Cluster.NodeTests.Harness;

/// <summary>
/// One cluster on loopback for one test: a fresh PostgreSQL schema on the test server (the nodes' journal and cluster
/// tables), a temp directory with a node file per node, and one shared replay directory whose paper account plays the
/// broker every node connects to (as an Alpaca account would be). Nodes take the crash test's sleeve and the bundled 2022
/// prices, so whichever node holds the account replays the same days.
/// </summary>
internal sealed class ClusterTestSetup : IAsyncDisposable
{
    public const string AccountId = "paper";

    public static readonly DateOnly Start = new(2022, 9, 15);

    private readonly PostgresServerFixture _server;

    private ClusterTestSetup(PostgresServerFixture server, string root, string schema, int days)
    {
        _server = server;
        Root = root;
        Schema = schema;
        Days = days;
    }

    public string Root { get; }

    public string Schema { get; }

    public int Days { get; }

    public string ConnectionString => _server.ConnectionString;

    /// <summary>The replay directory every node shares: the paper account (the "broker").</summary>
    public string SharedReplayDir => Path.Combine(Root, "shared-replay");

    public string PaperStateFile => Path.Combine(SharedReplayDir, "paper-broker.db");

    public static ClusterTestSetup Create(PostgresServerFixture server, int days)
    {
        var root = Path.Combine(Path.GetTempPath(), "actortrader-cluster-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        return new ClusterTestSetup(server, root, $"cl_{Guid.NewGuid():N}"[..24], days);
    }

    public string NodeDir(string node) => Path.Combine(Root, node);

    public string ConfigFile(string node) => Path.Combine(NodeDir(node), "node.conf");

    /// <summary>Writes <paramref name="node"/>'s node file; <paramref name="extra"/> is HOCON added inside <c>actortrader { }</c>.</summary>
    public string WriteNode(string node, IReadOnlyList<string> roles, string extra = "")
    {
        Directory.CreateDirectory(NodeDir(node));
        var testData = Path.Combine(AppContext.BaseDirectory, "TestData");
        File.WriteAllText(ConfigFile(node), $$"""
            actortrader {
              node { name = "{{node}}", roles = [{{string.Join(", ", roles)}}], data-dir = {{Quoted(Path.Combine(NodeDir(node), "data"))}} }
              management.port = 0
              persistence {
                journal = postgresql
                postgresql { connection-string = {{Quoted(ConnectionString)}}, schema = "{{Schema}}", max-pool-size = 5 }
              }
              cluster {
                enabled = on
                lease-ttl = 5s
                lease-retry-interval = 500ms
                heartbeat-interval = 500ms
                unreachable-after = 3s
                control-poll-interval = 2s
              }
              broker.kind = paper
              sleeves.dir = {{Quoted(Path.Combine(testData, "sleeves"))}}
              data.csv.dir = {{Quoted(Path.Combine(testData, "samples"))}}
              meta.profiles.crash { sleeves = [crash_replay], allow-single-sleeve = on, optimizer = equal }
              trading.run { profile = crash, replay-dir = {{Quoted(SharedReplayDir)}} }
              trading.day.rebalance.long-only = off
              trading.orders { resolve-grace = 1s, resolve-interval = 250ms, redeliver-interval = 500ms }
              risk { max-order-weight = 1.0, max-position-weight = 1.0, max-gross-exposure = 2.0, max-net-exposure = 2.0 }
              {{extra}}
            }
            """);
        return ConfigFile(node);
    }

    /// <summary>The replay's arguments; every node of the cluster gets the same.</summary>
    public IReadOnlyList<string> ReplayArguments(string node) =>
        ["--config", ConfigFile(node), "--replay", "--days", Days.ToString(CultureInfo.InvariantCulture), "--start", Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)];

    /// <summary>The cluster's journal (started); the caller disposes it.</summary>
    public async Task<PostgresJournal> OpenJournalAsync()
    {
        var journal = new PostgresJournal(new PostgresStoreOptions(ConnectionString) { Schema = Schema });
        await journal.StartAsync();
        return journal;
    }

    /// <summary>Runs a query on the cluster's schema.</summary>
    public async Task<List<object?[]>> QueryAsync(string sql)
    {
        await using var connection = await _server.OpenConnectionAsync();
        await using var command = new NpgsqlCommand($"SET search_path TO \"{Schema}\"; {sql}", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    private static string Quoted(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    public async ValueTask DisposeAsync()
    {
        await _server.ExecuteAsync($"DROP SCHEMA IF EXISTS \"{Schema}\" CASCADE");
        Directory.Delete(Root, recursive: true);
    }
}
