using ActorTrader.Cluster.Control;
using ActorTrader.Cluster.Tests.Support;
using ActorTrader.Persistence.Journal;
using Npgsql;

namespace ActorTrader.Cluster.Tests.Control;

public sealed class ControlLogTests(ClusterDatabaseFixture fixture) : IClassFixture<ClusterDatabaseFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private ClusterDatabase _database = null!;
    private ControlLog _log = null!;

    public Task InitializeAsync()
    {
        _database = fixture.NewDatabase();
        _log = new ControlLog(_database);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private static Dictionary<string, string> Args(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public async Task Appended_commands_are_read_back_in_id_order_with_their_arguments()
    {
        var before = await _log.LatestIdAsync(CancellationToken.None);
        var halt = await _log.AppendAsync("halt", Args(("reason", "drawdown ü \"7%\""), ("account", "paper-1")), "cli:alice", CancellationToken.None);
        var resume = await _log.AppendAsync("resume", Args(), "cli:bob", CancellationToken.None);

        var read = await _log.ReadAfterAsync(before, 10, CancellationToken.None);

        Assert.Equal([halt.Id, resume.Id], read.Select(c => c.Id));
        Assert.True(halt.Id < resume.Id);
        Assert.Equal("halt", read[0].Command);
        Assert.Equal("cli:alice", read[0].IssuedBy);
        Assert.Equal(halt.IssuedAt, read[0].IssuedAt);
        Assert.Equal([("account", "paper-1"), ("reason", "drawdown ü \"7%\"")], read[0].Arguments.Select(a => (a.Key, a.Value)));
        Assert.Empty(read[1].Arguments);
    }

    [Fact]
    public async Task Arguments_are_stored_as_a_json_object_with_keys_in_ordinal_order()
    {
        var command = await _log.AppendAsync("rebalance", Args(("sleeve", "momentum"), ("Account", "a"), ("account", "b")), "node-1", CancellationToken.None);

        var stored = await fixture.ScalarAsync($"SELECT arguments FROM cluster_control_log WHERE id = {command.Id}");

        Assert.Equal("{\"Account\":\"a\",\"account\":\"b\",\"sleeve\":\"momentum\"}", stored);
    }

    [Fact]
    public async Task Reading_after_an_id_returns_at_most_the_requested_number_of_later_commands()
    {
        var first = await _log.AppendAsync("halt", Args(), "test", CancellationToken.None);
        var second = await _log.AppendAsync("resume", Args(), "test", CancellationToken.None);
        await _log.AppendAsync("halt", Args(), "test", CancellationToken.None);

        var read = await _log.ReadAfterAsync(first.Id, 1, CancellationToken.None);

        Assert.Equal([second.Id], read.Select(c => c.Id));
    }

    [Fact]
    public async Task The_latest_id_is_the_newest_appended_command()
    {
        var command = await _log.AppendAsync("halt", Args(), "test", CancellationToken.None);

        Assert.Equal(command.Id, await _log.LatestIdAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_node_without_a_cursor_has_applied_nothing()
    {
        Assert.Equal(0, await _log.ReadCursorAsync($"fresh-{Guid.NewGuid():N}", CancellationToken.None));
    }

    [Fact]
    public async Task A_cursor_never_moves_backwards()
    {
        var node = $"cursor-{Guid.NewGuid():N}";
        await _log.AdvanceCursorAsync(node, 5, CancellationToken.None);
        await _log.AdvanceCursorAsync(node, 3, CancellationToken.None);
        Assert.Equal(5, await _log.ReadCursorAsync(node, CancellationToken.None));

        await _log.AdvanceCursorAsync(node, 7, CancellationToken.None);
        Assert.Equal(7, await _log.ReadCursorAsync(node, CancellationToken.None));
    }

    [Fact]
    public async Task An_append_notifies_the_control_channel_with_the_new_id_on_commit()
    {
        await using var listener = new NpgsqlConnection(fixture.ConnectionString);
        await listener.OpenAsync();
        var payloads = new List<string>();
        listener.Notification += (_, e) => payloads.Add($"{e.Channel}:{e.Payload}");
        await using (var listen = new NpgsqlCommand($"LISTEN {ControlLog.Channel}", listener)) await listen.ExecuteNonQueryAsync();

        var command = await _log.AppendAsync("halt", Args(), "test", CancellationToken.None);

        // Other test classes append on the same channel (other schemas); wait for ours.
        using var timeout = new CancellationTokenSource(Wait);
        var expected = $"{ControlLog.Channel}:{command.Id}";
        while (!payloads.Contains(expected)) await listener.WaitAsync(timeout.Token);
    }

    [Fact]
    public async Task Appends_wait_for_each_other_so_ids_become_visible_in_id_order()
    {
        await using var holder = new NpgsqlConnection(fixture.ConnectionString);
        await holder.OpenAsync();
        await using var transaction = await holder.BeginTransactionAsync();
        await using (var hold = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({ControlLog.AppendLockKey})", holder, transaction)) await hold.ExecuteNonQueryAsync();

        var append = _log.AppendAsync("halt", Args(), "test", CancellationToken.None);
        var key = ControlLog.AppendLockKey;
        var waiting = $"SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND classid = {key >> 32} AND objid = {key & 0xFFFFFFFF} AND objsubid = 1";
        using var timeout = new CancellationTokenSource(Wait);
        while ((long)(await fixture.ScalarAsync(waiting))! == 0)
        {
            timeout.Token.ThrowIfCancellationRequested();
            Assert.False(append.IsCompleted, "The append finished while another transaction held the append lock.");
            await Task.Yield();
        }
        Assert.False(append.IsCompleted);

        await transaction.CommitAsync();
        var command = await append.WaitAsync(Wait);
        Assert.True(command.Id > 0);
    }

    [Fact]
    public async Task A_command_with_malformed_arguments_is_named_with_the_fix()
    {
        var id = (long)(await fixture.ScalarAsync("INSERT INTO cluster_control_log (command, arguments, issued_by) VALUES ('halt', '[1]', 'test') RETURNING id"))!;

        var error = await Assert.ThrowsAsync<PersistenceStoreException>(() => _log.ReadAfterAsync(id - 1, 1, CancellationToken.None));

        Assert.Contains($"Control command {id}", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix:", error.Message, StringComparison.Ordinal);
        await fixture.ScalarAsync($"DELETE FROM cluster_control_log WHERE id = {id}");
    }
}
