using System.Globalization;

namespace ActorTrader.Trading.CrashTests.Harness;

/// <summary>
/// The node the crash series runs: a temp directory with its node file (management port 0, SQLite journal, paper broker,
/// the crash test's sleeve and the bundled 2022 prices from TestData), and where the replay keeps its journal and paper
/// account. Every run of the series starts the node with the same arguments, so each continues the same replay.
/// </summary>
internal sealed class CrashTestSetup : IDisposable
{
    /// <summary>
    /// The replay: <see cref="Days"/> sessions from <see cref="Start"/> (the sample prices run to 2022-12-28). It places
    /// orders from its first day (about 230 in all) and ends holding several positions, so the final comparison of ledger
    /// and broker positions compares some.
    /// </summary>
    public const int Days = 68;

    public static readonly DateOnly Start = new(2022, 9, 15);

    public const string AccountId = "paper";

    private CrashTestSetup(string root) => Root = root;

    public string Root { get; }

    public string ConfigFile => Path.Combine(Root, "node.conf");

    public string DataDir => Path.Combine(Root, "data");

    /// <summary>actortrader.trading.run.replay-dir under the data directory: the replay's journal and paper account.</summary>
    public string ReplayDir => Path.Combine(DataDir, "replay");

    public string JournalFile => Path.Combine(ReplayDir, "actortrader.db");

    public string PaperStateFile => Path.Combine(ReplayDir, "paper-broker.db");

    public IReadOnlyList<string> Arguments { get; } =
        ["--config", "node.conf", "--replay", "--days", Days.ToString(CultureInfo.InvariantCulture), "--start", Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)];

    public static CrashTestSetup Create()
    {
        var root = Path.Combine(Path.GetTempPath(), "actortrader-crash-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        var setup = new CrashTestSetup(root);
        var testData = Path.Combine(AppContext.BaseDirectory, "TestData");
        File.WriteAllText(setup.ConfigFile, $$"""
            actortrader {
              node { name = "crash", roles = [trader], data-dir = {{Quoted(setup.DataDir)}} }
              management.port = 0
              persistence.journal = sqlite
              broker.kind = paper
              sleeves.dir = {{Quoted(Path.Combine(testData, "sleeves"))}}
              data.csv.dir = {{Quoted(Path.Combine(testData, "samples"))}}
              meta.profiles.crash { sleeves = [crash_replay], allow-single-sleeve = on, optimizer = equal }
              trading.run.profile = crash
              trading.day.rebalance.long-only = off
              # An order journaled but killed before the broker saw it is declared never accepted after this grace, and a
              # fill the ledger has not confirmed is sent again after this interval; the paper broker and the ledger answer
              # at once, so short ones keep each run short.
              trading.orders { resolve-grace = 1s, resolve-interval = 250ms, redeliver-interval = 500ms }
              # Orders as large as the sleeve asks: the crash test is about orders and fills, not about size limits.
              risk { max-order-weight = 1.0, max-position-weight = 1.0, max-gross-exposure = 2.0, max-net-exposure = 2.0 }
            }
            """);
        return setup;
    }

    private static string Quoted(string path) => "\"" + path.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
