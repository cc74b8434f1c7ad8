using ActorTrader.Persistence.Sqlite;

namespace ActorTrader.Persistence.Tests.Sqlite;

/// <summary>Where the snapshot store's file goes, derived from the journal's path.</summary>
public sealed class SqliteStoreOptionsSpec
{
    [Theory]
    [InlineData("/var/lib/actortrader/actortrader.db", "/var/lib/actortrader/actortrader.snapshots.db")]
    [InlineData("actortrader.db", "actortrader.snapshots.db")]
    [InlineData("data/journal.sqlite3", "data/journal.snapshots.sqlite3")]
    [InlineData("data/journal", "data/journal.snapshots")]
    [InlineData("data/my.trading.db", "data/my.trading.snapshots.db")]
    public void The_snapshot_file_sits_next_to_the_journal_with_snapshots_before_the_extension(string journal, string snapshots)
    {
        var options = new SqliteStoreOptions(journal.Replace('/', Path.DirectorySeparatorChar));

        Assert.Equal(snapshots.Replace('/', Path.DirectorySeparatorChar), options.SnapshotDatabasePath);
    }

    [Fact]
    public void Changing_the_journal_path_moves_the_snapshot_file_with_it()
    {
        var options = new SqliteStoreOptions(Path.Combine("a", "actortrader.db"));

        var moved = options with { DatabasePath = Path.Combine("b", "actortrader.db") };

        Assert.Equal(Path.Combine("b", "actortrader.snapshots.db"), moved.SnapshotDatabasePath);
    }
}
