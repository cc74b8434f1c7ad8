using ActorTrader.Persistence.Snapshots;
using static ActorTrader.Persistence.Tests.Stores.TestEvents;

namespace ActorTrader.Persistence.Tests.Stores;

/// <summary>What every <see cref="ISnapshotStore"/> backend must do: save, load the newest match, replace, delete by criteria, run alongside journal writes.</summary>
public abstract class SnapshotStoreContractSpec : StoreContractSpec
{
    private ISnapshotStore Snapshots => Stores.SnapshotStore;

    [Fact]
    public async Task A_saved_snapshot_loads_with_its_metadata_and_bytes()
    {
        var saved = Snapshot("ledger", 42);
        await Snapshots.SaveAsync(saved);

        var loaded = await Snapshots.LoadAsync("ledger", SnapshotSelectionCriteria.Latest);

        AssertSame(saved, loaded);
    }

    [Fact]
    public async Task Load_returns_null_when_no_snapshot_matches()
    {
        await Snapshots.SaveAsync(Snapshot("ledger", 10));

        Assert.Null(await Snapshots.LoadAsync("ledger", new SnapshotSelectionCriteria(9, DateTimeOffset.MaxValue)));
        Assert.Null(await Snapshots.LoadAsync("other", SnapshotSelectionCriteria.Latest));
        Assert.Null(await Snapshots.LoadAsync("ledger", SnapshotSelectionCriteria.None));
    }

    [Fact]
    public async Task Load_returns_the_highest_sequence_nr_at_or_below_the_criteria()
    {
        foreach (var n in new long[] { 5, 10, 15 })
        {
            await Snapshots.SaveAsync(Snapshot("ledger", n));
        }

        var loaded = await Snapshots.LoadAsync("ledger", new SnapshotSelectionCriteria(12, DateTimeOffset.MaxValue));

        Assert.Equal(10, loaded?.Metadata.SequenceNr);
    }

    [Fact]
    public async Task Load_skips_snapshots_taken_after_the_criteria_timestamp()
    {
        await Snapshots.SaveAsync(Snapshot("ledger", 5, TimestampOf(5)));
        await Snapshots.SaveAsync(Snapshot("ledger", 10, TimestampOf(10)));

        var loaded = await Snapshots.LoadAsync("ledger", new SnapshotSelectionCriteria(long.MaxValue, TimestampOf(10).AddTicks(-1)));

        Assert.Equal(5, loaded?.Metadata.SequenceNr);
    }

    [Fact]
    public async Task Saving_the_same_sequence_nr_again_replaces_the_snapshot()
    {
        await Snapshots.SaveAsync(Snapshot("ledger", 7));
        var replacement = Snapshot("ledger", 7, TimestampOf(8), manifest: "test.State.v2") with { Payload = [1, 2, 3] };

        await Snapshots.SaveAsync(replacement);

        AssertSame(replacement, await Snapshots.LoadAsync("ledger", SnapshotSelectionCriteria.Latest));
    }

    [Fact]
    public async Task Delete_removes_the_matching_snapshots_and_keeps_the_rest()
    {
        foreach (var n in new long[] { 5, 10, 15 })
        {
            await Snapshots.SaveAsync(Snapshot("ledger", n));
        }

        await Snapshots.SaveAsync(Snapshot("other", 5));

        await Snapshots.DeleteAsync("ledger", new SnapshotSelectionCriteria(10, DateTimeOffset.MaxValue));

        Assert.Equal(15, (await Snapshots.LoadAsync("ledger", SnapshotSelectionCriteria.Latest))?.Metadata.SequenceNr);
        Assert.Null(await Snapshots.LoadAsync("ledger", new SnapshotSelectionCriteria(14, DateTimeOffset.MaxValue)));
        Assert.Equal(5, (await Snapshots.LoadAsync("other", SnapshotSelectionCriteria.Latest))?.Metadata.SequenceNr);
    }

    [Fact]
    public async Task A_large_snapshot_round_trips_byte_for_byte()
    {
        var payload = new byte[3 * 1024 * 1024];
        new Random(17).NextBytes(payload);
        var saved = Snapshot("population", 1) with { Payload = payload };

        await Snapshots.SaveAsync(saved);

        AssertSame(saved, await Snapshots.LoadAsync("population", SnapshotSelectionCriteria.Latest));
    }

    // Both finishing is all this shows; that a save never makes a journal write wait is shown per backend with a held
    // lock (SqliteSnapshotFileSpec, PostgresSnapshotIsolationSpec).
    [Fact]
    public async Task Journal_writes_and_large_snapshot_saves_issued_together_all_complete()
    {
        var big = new byte[2 * 1024 * 1024];
        new Random(5).NextBytes(big);
        var snapshotSaves = Enumerable.Range(1, 8).Select(n => Snapshots.SaveAsync(Snapshot("population", n) with { Payload = big })).ToList();
        var journalWrites = Enumerable.Range(1, 100).Select(n => Stores.Journal.WriteAsync([Event($"trader-{n}", 1)])).ToList();

        await Task.WhenAll(journalWrites.Concat(snapshotSaves));

        Assert.Equal(100, (await Stores.Query.CurrentAllEventsAsync(0, int.MaxValue).CollectAsync()).Count);
        Assert.Equal(8, (await Snapshots.LoadAsync("population", SnapshotSelectionCriteria.Latest))?.Metadata.SequenceNr);
    }
}
