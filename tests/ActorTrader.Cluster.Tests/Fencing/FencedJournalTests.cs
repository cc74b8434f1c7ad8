using ActorTrader.Cluster.Fencing;
using ActorTrader.Cluster.Leases;
using ActorTrader.Cluster.Tests.Support;
using ActorTrader.Persistence;
using ActorTrader.Persistence.Journal;
using ActorTrader.Persistence.Postgres;
using Npgsql;

namespace ActorTrader.Cluster.Tests.Fencing;

public sealed class FencedJournalTests(ClusterDatabaseFixture fixture) : IClassFixture<ClusterDatabaseFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);
    private readonly string _lease = $"trading/account-{Guid.NewGuid():N}";
    private readonly string _prefix = $"account-{Guid.NewGuid():N}/";
    private ClusterDatabase _database = null!;
    private LeaseStore _store = null!;
    private PersistenceStores _stores = null!;

    public async Task InitializeAsync()
    {
        _database = fixture.NewDatabase();
        _store = new LeaseStore(_database);
        _stores = PostgresStoreFactory.Create(new PostgresStoreOptions(fixture.ConnectionString) { Schema = fixture.Schema });
        await _stores.StartAsync();
        await _store.RegisterScopesAsync(_lease, [LeaseScope.Prefix(_prefix)], CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _stores.DisposeAsync();
        await _database.DisposeAsync();
    }

    private LeaseEpochs NodeEpochs(LeaseGrant? held)
    {
        var epochs = new LeaseEpochs();
        epochs.Register(_lease, [LeaseScope.Prefix(_prefix)]);
        if (held is not null) epochs.Hold(held);
        return epochs;
    }

    private static PersistentRepr Event(string persistenceId, long sequenceNr = 1, long epoch = 0) =>
        new(persistenceId, sequenceNr, "test-event", [1, 2, 3], DateTimeOffset.UnixEpoch, [], "writer-1", epoch);

    [Fact]
    public async Task The_lease_holder_writes_with_its_epoch()
    {
        var grant = await _store.TryAcquireAsync(_lease, "node-a#1", Long, CancellationToken.None);
        var journal = new FencedJournal(_stores.Journal, NodeEpochs(grant));

        await journal.WriteAsync([Event(_prefix + "orders", 1), Event(_prefix + "orders", 2)]);

        Assert.Equal("1,1", await fixture.ScalarAsync($"SELECT string_agg(writer_epoch::text, ',' ORDER BY sequence_nr) FROM journal WHERE persistence_id = '{_prefix}orders'"));
    }

    [Fact]
    public async Task The_database_refuses_the_old_holder_once_another_took_the_expired_lease()
    {
        var old = await _store.TryAcquireAsync(_lease, "node-a#1", Long, CancellationToken.None);
        await fixture.ScalarAsync($"UPDATE cluster_leases SET expires_at = clock_timestamp() - interval '1 millisecond' WHERE name = '{_lease}'");
        var current = await _store.TryAcquireAsync(_lease, "node-b#1", Long, CancellationToken.None);
        var stale = new FencedJournal(_stores.Journal, NodeEpochs(old));

        var error = await Assert.ThrowsAsync<JournalFencedException>(() => stale.WriteAsync([Event(_prefix + "orders")]));

        Assert.Equal(2L, current!.Epoch);
        Assert.Equal(_prefix + "orders", error.PersistenceId);
        Assert.Equal("AT409", Assert.IsType<PostgresException>(error.InnerException).SqlState);
        Assert.Equal(0L, await fixture.ScalarAsync($"SELECT count(*) FROM journal WHERE persistence_id = '{_prefix}orders'"));
    }

    [Fact]
    public async Task The_database_refuses_a_holder_whose_lease_expired_even_when_nobody_took_it()
    {
        var grant = await _store.TryAcquireAsync(_lease, "node-a#1", Long, CancellationToken.None);
        await fixture.ScalarAsync($"UPDATE cluster_leases SET expires_at = clock_timestamp() - interval '1 millisecond' WHERE name = '{_lease}'");
        var journal = new FencedJournal(_stores.Journal, NodeEpochs(grant));

        await Assert.ThrowsAsync<JournalFencedException>(() => journal.WriteAsync([Event(_prefix + "ledger")]));

        Assert.Equal(0L, await fixture.ScalarAsync($"SELECT count(*) FROM journal WHERE persistence_id = '{_prefix}ledger'"));
    }

    [Fact]
    public async Task Persistence_ids_outside_every_scope_are_written_without_a_lease()
    {
        var journal = new FencedJournal(_stores.Journal, NodeEpochs(null));
        var free = $"research-{Guid.NewGuid():N}";

        await journal.WriteAsync([Event(free)]);

        Assert.Equal(0L, await fixture.ScalarAsync($"SELECT writer_epoch FROM journal WHERE persistence_id = '{free}'"));
    }

    [Fact]
    public async Task The_database_refuses_an_epoch_zero_write_into_a_scoped_persistence_id()
    {
        await _store.TryAcquireAsync(_lease, "node-a#1", Long, CancellationToken.None);

        var error = await Assert.ThrowsAsync<JournalFencedException>(() => _stores.Journal.WriteAsync([Event(_prefix + "risk", epoch: 0)]));

        Assert.Equal(_prefix + "risk", error.PersistenceId);
        Assert.Equal(0L, await fixture.ScalarAsync($"SELECT count(*) FROM journal WHERE persistence_id = '{_prefix}risk'"));
    }

    [Fact]
    public async Task A_node_without_the_lease_is_refused_locally_without_a_database_call()
    {
        var inner = new RecordingJournal();
        var journal = new FencedJournal(inner, NodeEpochs(null));

        var error = await Assert.ThrowsAsync<JournalFencedException>(() => journal.WriteAsync([Event(_prefix + "orders", 4), Event(_prefix + "orders", 5)]));

        Assert.Equal(_prefix + "orders", error.PersistenceId);
        Assert.Contains(_lease, error.Message, StringComparison.Ordinal);
        Assert.Contains("4..5", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, inner.Writes);
    }

    [Fact]
    public async Task A_fenced_write_in_a_batch_does_not_stop_another_actors_unscoped_write()
    {
        var old = await _store.TryAcquireAsync(_lease, "node-a#1", Long, CancellationToken.None);
        await fixture.ScalarAsync($"UPDATE cluster_leases SET expires_at = clock_timestamp() - interval '1 millisecond' WHERE name = '{_lease}'");
        await _store.TryAcquireAsync(_lease, "node-b#1", Long, CancellationToken.None);
        var stale = new FencedJournal(_stores.Journal, NodeEpochs(old));
        var free = $"research-{Guid.NewGuid():N}";

        // Issued together so the journal's writer loop can group them into one transaction.
        var fenced = stale.WriteAsync([Event(_prefix + "orders")]);
        var unscoped = stale.WriteAsync([Event(free)]);

        await Assert.ThrowsAsync<JournalFencedException>(() => fenced);
        await unscoped;
        Assert.Equal(1L, await fixture.ScalarAsync($"SELECT count(*) FROM journal WHERE persistence_id = '{free}'"));
        Assert.Equal(0L, await fixture.ScalarAsync($"SELECT count(*) FROM journal WHERE persistence_id = '{_prefix}orders'"));
    }

    [Fact]
    public async Task Reads_pass_through_to_the_inner_journal()
    {
        var grant = await _store.TryAcquireAsync(_lease, "node-a#1", Long, CancellationToken.None);
        var journal = new FencedJournal(_stores.Journal, NodeEpochs(grant));
        await journal.WriteAsync([Event(_prefix + "day", 1), Event(_prefix + "day", 2)]);

        var replayed = new List<PersistentRepr>();
        await foreach (var e in journal.ReplayAsync(_prefix + "day", 1, long.MaxValue, long.MaxValue)) replayed.Add(e);

        Assert.Equal([(1L, 1L), (2L, 1L)], replayed.Select(e => (e.SequenceNr, e.Epoch)));
        Assert.Equal(2L, await journal.ReadHighestSequenceNrAsync(_prefix + "day"));
    }

    private sealed class RecordingJournal : IJournal
    {
        public int Writes { get; private set; }

        public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task WriteAsync(IReadOnlyList<PersistentRepr> events, CancellationToken cancellationToken = default)
        {
            Writes++;
            return Task.CompletedTask;
        }

        public IAsyncEnumerable<PersistentRepr> ReplayAsync(string persistenceId, long fromSequenceNr, long toSequenceNr, long max, CancellationToken cancellationToken = default) =>
            AsyncEnumerable.Empty<PersistentRepr>();

        public Task<long> ReadHighestSequenceNrAsync(string persistenceId, CancellationToken cancellationToken = default) => Task.FromResult(0L);

        public Task DeleteMessagesToAsync(string persistenceId, long toSequenceNr, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
