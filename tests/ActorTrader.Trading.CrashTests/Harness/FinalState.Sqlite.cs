using ActorTrader.Persistence.Sqlite;

namespace ActorTrader.Trading.CrashTests.Harness;

internal sealed partial record FinalState
{
    /// <summary>What the crash series' replay left in its SQLite journal and paper account.</summary>
    public static async Task<FinalState> ReadAsync(CrashTestSetup setup)
    {
        await using var journal = new SqliteJournal(new SqliteStoreOptions(setup.JournalFile));
        await journal.StartAsync();
        return await ReadAsync(setup.PaperStateFile, journal, CrashTestSetup.AccountId);
    }
}
