using System.Diagnostics;
using ActorTrader.Brokers.Abstractions;
using ActorTrader.Domain.Accounting;
using ActorTrader.Persistence.Journal;
using ActorTrader.Persistence.Sql;
using ActorTrader.Persistence.Sqlite;
using ActorTrader.Trading.Ledger;
using ActorTrader.Trading.Orders;
using Microsoft.Data.Sqlite;

namespace ActorTrader.Benchmarks.Orders;

/// <summary>
/// Node restart to trading-ready with ~100k journaled events (<see cref="JournalHistory"/>): timed from opening the
/// SQLite journal, through a fresh actor system with persistence, the account's actors recovering (order manager,
/// ledger, risk) and startup reconciliation with the paper broker, until the order manager accepted a new order. Two
/// journals: one where the actors saved snapshots at the end of the history (as a running node does every few hundred
/// events), and the same without any snapshot, where every event is replayed. Every sample starts from a fresh copy of
/// the files (copy not timed). Baseline: the same rows read raw with plain ADO.NET (connection opened in the timing).
/// </summary>
internal static class RestartToReady
{
    private const string BaselineKind = "plain ADO.NET: open the journal file, SELECT every row of the account's ids in sequence order, every column materialized (no JSON)";

    public static async Task<IReadOnlyList<BenchmarkFigure>> MeasureAsync(OrdersSuiteSizes sizes, string workDirectory)
    {
        var rows = JournalHistory.Rows(BenchAccount.Serializer(), sizes.HistoryDays, sizes.HistoryOrdersPerDay);
        var orders = sizes.HistoryDays * sizes.HistoryOrdersPerDay;
        var raw = Path.Combine(workDirectory, "history-no-snapshot");
        await CreateHistoryAsync(raw, rows);
        var snapshotted = Path.Combine(workDirectory, "history-snapshotted");
        CopyFiles(raw, snapshotted);
        await SaveSnapshotsAsync(snapshotted);

        var workload = $"{rows.Count:N0} journaled events ({orders:N0} orders: 5 order-manager events and 1 ledger booking each, 2 events a day over {sizes.HistoryDays} days); SQLite journal (WAL, synchronous=FULL)";
        return
        [
            await MeasureAsync(sizes, "orders_restart_to_ready_100k_events", snapshotted, orders, workload + "; snapshots of the order manager and the ledger at the end"),
            await MeasureAsync(sizes, "orders_restart_to_ready_100k_events_no_snapshot", raw, orders, workload + "; no snapshot: every event replayed"),
        ];
    }

    private static async Task<BenchmarkFigure> MeasureAsync(OrdersSuiteSizes sizes, string name, string template, int historyOrders, string workload)
    {
        var samples = 0;
        var (measured, baseline) = await Sampling.Alternating(sizes.Warmups, TimeSpan.Zero, sizes.RestartIterations,
            () => RestartAsync(template, Path.Combine(Path.GetDirectoryName(template)!, $"{name}-{++samples}"), historyOrders),
            () => Task.FromResult(ReadRaw(template)));
        return new BenchmarkFigure(name, "s", measured, baseline, Better.Lower, Statistic.Best, Target: 2.0, TargetRatio: null, workload, BaselineKind);
    }

    /// <summary>One restart on a fresh copy of <paramref name="template"/>; returns the seconds to trading-ready.</summary>
    private static async Task<double> RestartAsync(string template, string directory, int historyOrders)
    {
        CopyFiles(template, directory);
        var stamps = new SubmitStamps();
        var intent = BenchAccount.Intent("restart-probe");
        var expected = stamps.Expect(intent.ClientOrderId);
        var started = Stopwatch.GetTimestamp();
        double seconds;
        await using (var account = await BenchAccount.StartAsync(directory, stamps))
        {
            var reply = await account.Refs.Orders.Ask<object>(new SubmitOrder(intent), BenchAccount.Timeout);
            seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            if (reply is not OrderSubmitAccepted { AlreadyKnown: false })
                throw new InvalidOperationException($"After the restart the order manager answered {reply} to a new order.");
            // A restart that recovered less than the history would be a fast lie: check what the actors hold.
            var book = await account.Refs.Orders.Ask<OrdersView>(new GetOrders(), BenchAccount.Timeout);
            var ledger = await account.Refs.Ledger.Ask<LedgerView>(GetLedger.Instance, BenchAccount.Timeout);
            if (book.Orders.Count < historyOrders + 1 || ledger.FillCount < historyOrders)
                throw new InvalidOperationException($"The restart recovered {book.Orders.Count} orders and {ledger.FillCount} fills; the journal holds {historyOrders} of each.");
            await expected.Returned.Task.WaitAsync(BenchAccount.Timeout);
        }
        Directory.Delete(directory, recursive: true);
        return seconds;
    }

    /// <summary>Opens the journal file and reads every row of the account's ids; returns the seconds taken.</summary>
    private static double ReadRaw(string directory)
    {
        var started = Stopwatch.GetTimestamp();
        long rows;
        using (var reader = new RawJournalWriter(BenchAccount.JournalFile(directory)))
        {
            rows = reader.ReadAll(JournalHistory.OrdersId) + reader.ReadAll(JournalHistory.LedgerId);
        }
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        if (rows < 100) throw new InvalidOperationException($"The raw read found {rows} rows in {directory}.");
        return seconds;
    }

    private static async Task CreateHistoryAsync(string directory, IReadOnlyList<PersistentRepr> rows)
    {
        Directory.CreateDirectory(directory);
        await using (var stores = SqliteStoreFactory.Create(new SqliteStoreOptions(BenchAccount.JournalFile(directory))))
        {
            await stores.StartAsync();
        }
        using (var writer = new RawJournalWriter(BenchAccount.JournalFile(directory)))
        {
            writer.Insert(rows, 1000);
        }
        // The paper account the history ends with: flat, with its opening cash.
        await using (BenchAccount.OpenPaper(directory)) { }
    }

    /// <summary>
    /// Starts the account once with a snapshot after every event, lets it reconcile and book one more fill (so both the
    /// order manager and the ledger save a snapshot of the whole history), and waits until both snapshots are stored.
    /// </summary>
    private static async Task SaveSnapshotsAsync(string directory)
    {
        var stamps = new SubmitStamps();
        var intent = BenchAccount.Intent("snapshot-probe");
        var expected = stamps.Expect(intent.ClientOrderId);
        await using (var account = await BenchAccount.StartAsync(directory, stamps,
            OrderManagerSettings.Default with { SnapshotInterval = 1 },
            LedgerSettings.Default with { InitialCash = BenchAccount.InitialCash, Kind = AccountKind.Margin, SnapshotEvery = 1 }))
        {
            if (await account.Refs.Orders.Ask<object>(new SubmitOrder(intent), BenchAccount.Timeout) is not OrderSubmitAccepted)
                throw new InvalidOperationException("The snapshot probe order was not accepted.");
            await expected.Returned.Task.WaitAsync(BenchAccount.Timeout);
            await account.Paper.PublishQuotesAsync([new MarketQuote(BenchAccount.Symbol, 150m, BenchAccount.SessionTime.Now.AddMinutes(1))]);
            await WaitForSnapshotsAsync(directory);
        }
    }

    private static async Task WaitForSnapshotsAsync(string directory)
    {
        var clock = Stopwatch.StartNew();
        var journal = BenchAccount.JournalFile(directory);
        var snapshots = new SqliteStoreOptions(journal).SnapshotDatabasePath;
        string[] ids = [JournalHistory.OrdersId, JournalHistory.LedgerId];
        // The booking, its confirmation and their snapshots happen after the quote, on the actors' own time.
        while (!ids.All(id => Highest(snapshots, SnapshotTable.Name, id) is { } saved && saved > 0 && saved == Highest(journal, JournalTable.Name, id)))
        {
            if (clock.Elapsed > BenchAccount.Timeout)
                throw new TimeoutException($"The order manager and the ledger did not both save a snapshot of their last event within {BenchAccount.Timeout.TotalSeconds:0} s ({directory}).");
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }
    }

    private static long? Highest(string file, string table, string persistenceId)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var select = connection.CreateCommand();
        select.CommandText = $"SELECT MAX(sequence_nr) FROM {table} WHERE persistence_id = $id";
        select.Parameters.AddWithValue("$id", persistenceId);
        return select.ExecuteScalar() is long value ? value : null;
    }

    private static void CopyFiles(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
    }
}
