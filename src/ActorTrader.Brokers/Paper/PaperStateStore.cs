using System.Globalization;
using System.Text;
using ActorTrader.Brokers.Abstractions;
using ActorTrader.Domain.Accounting;
using ActorTrader.Domain.Instruments;
using ActorTrader.Domain.Orders;
using Microsoft.Data.Sqlite;

namespace ActorTrader.Brokers.Paper;

/// <summary>
/// The paper account's SQLite file: WAL with synchronous=FULL, one transaction per broker call, so a process killed at
/// any instant leaves either the whole call or none of it. The connection holds the file exclusively while the broker is
/// open (a second broker on the same file is refused instead of forking the account). A file that is not a paper
/// account — not SQLite, another application's database, corrupt — is refused with the fix and never written to.
/// </summary>
internal sealed class PaperStateStore : IDisposable
{
    private const string StateFileKey = PaperBrokerSettings.Section + ".state-file";
    private static readonly byte[] SqliteHeader = Encoding.ASCII.GetBytes("SQLite format 3\0");

    private readonly SqliteConnection _connection;

    private PaperStateStore(string filePath, SqliteConnection connection)
    {
        FilePath = filePath;
        _connection = connection;
    }

    public string FilePath { get; }

    /// <summary>Opens the file, creating a new account from <paramref name="settings"/> when the file is new or empty.</summary>
    public static PaperStateStore Open(PaperBrokerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var path = Path.GetFullPath(settings.StateFile);
        if (Directory.Exists(path))
            throw new PaperBrokerStateException(path, $"The paper account file {path} is a directory. Fix: set {StateFileKey} to a file name such as {PaperBrokerSettings.DefaultStateFile}.");
        CheckHeader(path);
        var directory = Path.GetDirectoryName(path);
        if (directory is not null) Directory.CreateDirectory(directory);

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // One connection for the broker's lifetime; closing it must release the file at once.
            Pooling = false,
            DefaultTimeout = 2,
        }.ToString());
        var store = new PaperStateStore(path, connection);
        try
        {
            connection.Open();
            // Exclusive before the first WAL access: no shared-memory file, and no second process on this account.
            store.Execute("PRAGMA busy_timeout = 1000; PRAGMA locking_mode = EXCLUSIVE;");
            var tables = store.Tables();
            if (tables.Count > 0 && !tables.Contains(PaperStateSchema.MetaTable))
            {
                throw new PaperBrokerStateException(path,
                    $"{path} is a SQLite database but not a paper account (it holds the tables {string.Join(", ", tables)}); it was not changed. " +
                    $"Fix: set {StateFileKey} to the paper broker's own file (default {PaperBrokerSettings.DefaultStateFile} in the data directory), never to another database.");
            }
            store.EnableWal();
            if (tables.Count == 0) store.Create(settings);
            else store.CheckExisting(settings);
            return store;
        }
        catch (SqliteException e)
        {
            store.Dispose();
            throw Explain(e, path, "opening the paper account");
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>Reads the whole account.</summary>
    public PaperAccountState Load()
    {
        try
        {
            var meta = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var row in Query("SELECT key, value FROM paper_meta")) meta[row.GetString(0)] = row.GetString(1);
            var kind = ParseKind(Meta(meta, "account-kind"));
            var positions = new List<Position>();
            foreach (var row in Query("SELECT symbol, quantity, average_cost FROM paper_positions ORDER BY symbol"))
                positions.Add(new Position(Symbol.Parse(row.GetString(0)), Dec(row.GetString(1)), Dec(row.GetString(2))));
            var ledger = Ledger.FromSnapshot(new LedgerSnapshot(kind, Dec(Meta(meta, "cash")), Dec(Meta(meta, "realised-pnl")),
                Dec(Meta(meta, "fees")), int.Parse(Meta(meta, "fill-count"), CultureInfo.InvariantCulture), positions));
            var state = new PaperAccountState(kind, ledger, Dec(Meta(meta, "last-equity")))
            {
                LastEquityDate = Meta(meta, "last-equity-date") is { Length: > 0 } date ? DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
                OrderSequence = Long(Meta(meta, "order-seq")),
                ExecutionSequence = Long(Meta(meta, "execution-seq")),
                SubmissionSequence = Long(Meta(meta, "submission-seq")),
                QuoteSequence = Long(Meta(meta, "quote-seq")),
                CloseSequence = Long(Meta(meta, "close-seq")),
            };
            foreach (var row in Query("SELECT symbol, price, time, volume FROM paper_marks"))
            {
                var symbol = Symbol.Parse(row.GetString(0));
                state.Marks[symbol] = new MarketQuote(symbol, Dec(row.GetString(1)), Time(row.GetInt64(2)), row.IsDBNull(3) ? null : Dec(row.GetString(3)));
            }
            foreach (var row in Query("SELECT * FROM paper_orders ORDER BY seq")) state.Add(ReadOrder(row));
            foreach (var row in Query("SELECT * FROM paper_executions ORDER BY seq")) state.Executions.Add(ReadExecution(row));
            foreach (var row in Query("SELECT * FROM paper_submissions ORDER BY seq")) state.Submissions.Add(ReadSubmission(row));
            return state;
        }
        catch (SqliteException e)
        {
            throw Explain(e, FilePath, "reading the paper account");
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException or KeyNotFoundException or InvalidCastException)
        {
            throw new PaperBrokerStateException(FilePath,
                $"{FilePath} holds a paper account that cannot be read ({e.Message}); it was not changed. " +
                "Fix: restore the file from a backup, or move it away to start a new paper account.", e);
        }
    }

    /// <summary>Writes <paramref name="changes"/> (and the account's cash, positions and counters) in one durable transaction.</summary>
    public void Commit(PaperAccountState state, PaperChanges changes)
    {
        try
        {
            if (!File.Exists(FilePath))
            {
                throw new PaperBrokerStateException(FilePath,
                    $"The paper account file {FilePath} was deleted or moved while the broker was running; the write was refused because it would be lost. " +
                    "Fix: stop the node, put the file (with its -wal file) back, and start again.");
            }
            using var transaction = _connection.BeginTransaction();
            WriteAccount(state, transaction);
            foreach (var order in changes.Orders) WriteOrder(order, transaction);
            foreach (var symbol in changes.Marks) WriteMark(state.Marks[symbol], transaction);
            foreach (var execution in changes.Executions) WriteExecution(execution, transaction);
            foreach (var submission in changes.Submissions) WriteSubmission(submission, transaction);
            transaction.Commit();
        }
        catch (SqliteException e)
        {
            throw Explain(e, FilePath, "writing to the paper account");
        }
    }

    /// <summary>
    /// Copies the account into a new database file at <paramref name="destination"/> with SQLite's online backup, over
    /// this store's own connection (the file is opened in exclusive locking mode, so no other connection may read it).
    /// The caller serialises it with the store's writes.
    /// </summary>
    public void BackupTo(string destination)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(destination);
        try
        {
            using var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = destination, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
            to.Open();
            _connection.BackupDatabase(to);
        }
        catch (SqliteException e)
        {
            throw Explain(e, FilePath, $"backing up the paper account to {destination}");
        }
    }

    public void Dispose() => _connection.Dispose();

    private void Create(PaperBrokerSettings settings)
    {
        using var transaction = _connection.BeginTransaction();
        Execute(PaperStateSchema.Create, transaction);
        var fresh = new PaperAccountState(settings.AccountKind, new Ledger(settings.InitialCash, settings.AccountKind), settings.InitialCash);
        WriteMeta("format", PaperStateSchema.Format, transaction);
        WriteMeta("schema-version", PaperStateSchema.Version.ToString(CultureInfo.InvariantCulture), transaction);
        WriteMeta("account-kind", KindText(settings.AccountKind), transaction);
        WriteMeta("initial-cash", Text(settings.InitialCash), transaction);
        WriteAccount(fresh, transaction);
        transaction.Commit();
    }

    private void CheckExisting(PaperBrokerSettings settings)
    {
        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in Query("SELECT key, value FROM paper_meta")) meta[row.GetString(0)] = row.GetString(1);
        if (meta.GetValueOrDefault("format") != PaperStateSchema.Format || meta.GetValueOrDefault("schema-version") != PaperStateSchema.Version.ToString(CultureInfo.InvariantCulture))
        {
            throw new PaperBrokerStateException(FilePath,
                $"{FilePath} is not a version-{PaperStateSchema.Version} paper account (format \"{meta.GetValueOrDefault("format")}\", version \"{meta.GetValueOrDefault("schema-version")}\"); it was not changed. " +
                $"Fix: use the ActorTrader version that wrote it, or set {StateFileKey} to a new file.");
        }
        var kind = meta.GetValueOrDefault("account-kind");
        if (kind != KindText(settings.AccountKind))
        {
            throw new PaperBrokerStateException(FilePath,
                $"{FilePath} is a {kind} paper account but {PaperBrokerSettings.Section}.account-kind is {KindText(settings.AccountKind)}; an account's kind never changes. " +
                $"Fix: set account-kind = {kind}, or set {StateFileKey} to a new file to start a {KindText(settings.AccountKind)} account.");
        }
        var problems = new List<string>();
        foreach (var row in Query("PRAGMA quick_check")) problems.Add(row.GetString(0));
        if (problems is not ["ok"])
        {
            throw new PaperBrokerStateException(FilePath,
                $"{FilePath} is corrupt ({string.Join("; ", problems.Take(3))}); it was not changed. " +
                "Fix: stop the node and restore the file from a backup (or salvage it with the sqlite3 shell's .recover command).");
        }
    }

    private void EnableWal()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        var mode = Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new PaperBrokerStateException(FilePath,
                $"{FilePath} could not be switched to write-ahead logging (journal mode is '{mode}'). Fix: put the file on a local file system.");
        }
        Execute("PRAGMA synchronous = FULL;");
    }

    private List<string> Tables()
    {
        var tables = new List<string>();
        foreach (var row in Query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) tables.Add(row.GetString(0));
        return tables;
    }

    // Rejects files SQLite would refuse anyway, before SQLite touches them; an empty file is a new database.
    private static void CheckHeader(string path)
    {
        if (!File.Exists(path)) return;
        var header = new byte[SqliteHeader.Length];
        int read;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            if (stream.Length == 0) return;
            read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }
        if (read < header.Length || !header.AsSpan().SequenceEqual(SqliteHeader))
        {
            throw new PaperBrokerStateException(path,
                $"{path} is not a SQLite database, so it cannot be the paper account; it was not changed. " +
                $"Fix: set {StateFileKey} to the paper broker's file, or move {Path.GetFileName(path)} away to start a new paper account.");
        }
    }

    private static PaperBrokerStateException Explain(SqliteException e, string path, string operation)
    {
        var message = e.SqliteErrorCode switch
        {
            26 => $"{path} is not a SQLite database (file is not a database); it was not changed. Fix: set {StateFileKey} to the paper broker's file, or move it away to start a new paper account.",
            11 => $"{path} is corrupt ({e.Message}); {operation} failed and nothing was written. Fix: stop the node and restore the file from a backup (or salvage it with the sqlite3 shell's .recover command).",
            5 or 6 => $"{path} is in use by another process (another node or broker on the same paper account?); {operation} failed. Fix: stop the other process, or give each node its own {StateFileKey}.",
            13 => $"{path}: disk full; {operation} was rolled back and the account is unchanged. Fix: free disk space on the volume holding {Path.GetDirectoryName(path)}.",
            8 or 3 or 23 => $"{path} may not be written ({e.Message}); {operation} failed. Fix: give the node's user read and write access to the file, its -wal file and its directory.",
            14 => $"{path} cannot be opened ({e.Message}). Fix: check that its directory exists and is writable, or set {StateFileKey} elsewhere.",
            10 => $"Disk I/O error on {path} ({e.Message}); {operation} was rolled back. Fix: check the disk and the file system, then restart the node.",
            _ => $"{operation} on {path} failed: {e.Message} (SQLite error {e.SqliteErrorCode}). Fix: check the file, or restore it from a backup.",
        };
        return new PaperBrokerStateException(path, message, e) { InUse = e.SqliteErrorCode is 5 or 6 };
    }

    private void WriteAccount(PaperAccountState state, SqliteTransaction transaction)
    {
        var snapshot = state.Ledger.Snapshot();
        WriteMeta("cash", Text(snapshot.Cash), transaction);
        WriteMeta("realised-pnl", Text(snapshot.RealisedPnl), transaction);
        WriteMeta("fees", Text(snapshot.Fees), transaction);
        WriteMeta("fill-count", snapshot.FillCount.ToString(CultureInfo.InvariantCulture), transaction);
        WriteMeta("last-equity", Text(state.LastEquity), transaction);
        WriteMeta("last-equity-date", state.LastEquityDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", transaction);
        WriteMeta("order-seq", Text(state.OrderSequence), transaction);
        WriteMeta("execution-seq", Text(state.ExecutionSequence), transaction);
        WriteMeta("submission-seq", Text(state.SubmissionSequence), transaction);
        WriteMeta("quote-seq", Text(state.QuoteSequence), transaction);
        WriteMeta("close-seq", Text(state.CloseSequence), transaction);
        Execute("DELETE FROM paper_positions;", transaction);
        foreach (var position in snapshot.Positions)
        {
            Run("INSERT INTO paper_positions (symbol, quantity, average_cost) VALUES ($s, $q, $a)", transaction,
                ("$s", position.Symbol.ToString()), ("$q", Text(position.Quantity)), ("$a", Text(position.AverageCost)));
        }
    }

    private void WriteMeta(string key, string value, SqliteTransaction transaction) =>
        Run("INSERT OR REPLACE INTO paper_meta (key, value) VALUES ($k, $v)", transaction, ("$k", key), ("$v", value));

    private void WriteMark(MarketQuote quote, SqliteTransaction transaction) =>
        Run("INSERT OR REPLACE INTO paper_marks (symbol, price, time, volume) VALUES ($s, $p, $t, $v)", transaction,
            ("$s", quote.Symbol.ToString()), ("$p", Text(quote.Price)), ("$t", quote.Time.UtcTicks), ("$v", Text(quote.Volume)));

    private void WriteOrder(PaperOrder o, SqliteTransaction transaction) =>
        Run("""
            INSERT OR REPLACE INTO paper_orders (seq, broker_order_id, client_order_id, symbol, side, type, time_in_force, quantity,
                limit_price, stop_price, created_at, expires_at, after_quote, replaces, status, updated_at, filled_quantity,
                filled_notional, filled_at, stop_triggered, raw_commission, commission, replaced_by, reason)
            VALUES ($seq, $bid, $cid, $sym, $side, $type, $tif, $qty, $lim, $stop, $created, $expires, $after, $replaces, $status,
                $updated, $fq, $fn, $fat, $trig, $raw, $comm, $rby, $reason)
            """, transaction,
            ("$seq", o.Sequence), ("$bid", o.BrokerOrderId), ("$cid", o.ClientOrderId), ("$sym", o.Symbol.ToString()),
            ("$side", o.Side.ToWire()), ("$type", o.Type.ToWire()), ("$tif", o.TimeInForce.ToWire()), ("$qty", Text(o.Quantity)),
            ("$lim", Text(o.LimitPrice)), ("$stop", Text(o.StopPrice)), ("$created", o.CreatedAt.UtcTicks), ("$expires", o.ExpiresAt?.UtcTicks),
            ("$after", o.AfterQuote), ("$replaces", o.Replaces), ("$status", o.Status.ToWire()), ("$updated", o.UpdatedAt.UtcTicks),
            ("$fq", Text(o.FilledQuantity)), ("$fn", Text(o.FilledNotional)), ("$fat", o.FilledAt?.UtcTicks), ("$trig", o.StopTriggered ? 1 : 0),
            ("$raw", Text(o.RawCommission)), ("$comm", Text(o.Commission)), ("$rby", o.ReplacedBy), ("$reason", o.Reason));

    private void WriteExecution(PaperExecution e, SqliteTransaction transaction) =>
        Run("""
            INSERT INTO paper_executions (seq, execution_id, broker_order_id, client_order_id, symbol, side, quantity, price,
                commission, time, position_quantity)
            VALUES ($seq, $eid, $bid, $cid, $sym, $side, $qty, $price, $comm, $time, $pos)
            """, transaction,
            ("$seq", e.Sequence), ("$eid", e.ExecutionId), ("$bid", e.BrokerOrderId), ("$cid", e.ClientOrderId), ("$sym", e.Symbol.ToString()),
            ("$side", e.Side.ToWire()), ("$qty", Text(e.Quantity)), ("$price", Text(e.Price)), ("$comm", Text(e.Commission)),
            ("$time", e.Time.UtcTicks), ("$pos", Text(e.PositionQuantity)));

    private void WriteSubmission(SubmissionRecord s, SqliteTransaction transaction) =>
        Run("""
            INSERT INTO paper_submissions (seq, client_order_id, symbol, side, quantity, type, time_in_force, time, outcome,
                broker_order_id, reason_code)
            VALUES ($seq, $cid, $sym, $side, $qty, $type, $tif, $time, $outcome, $bid, $reason)
            """, transaction,
            ("$seq", s.Sequence), ("$cid", s.ClientOrderId), ("$sym", s.Symbol.ToString()), ("$side", s.Side.ToWire()), ("$qty", Text(s.Quantity)),
            ("$type", s.Type.ToWire()), ("$tif", s.TimeInForce.ToWire()), ("$time", s.Time.UtcTicks), ("$outcome", OutcomeText(s.Outcome)),
            ("$bid", s.BrokerOrderId), ("$reason", s.ReasonCode));

    private static PaperOrder ReadOrder(SqliteDataReader r) => new()
    {
        Sequence = r.GetInt64(r.GetOrdinal("seq")),
        BrokerOrderId = r.GetString(r.GetOrdinal("broker_order_id")),
        ClientOrderId = r.GetString(r.GetOrdinal("client_order_id")),
        Symbol = Symbol.Parse(r.GetString(r.GetOrdinal("symbol"))),
        Side = OrderWireNames.ParseSide(r.GetString(r.GetOrdinal("side"))),
        Type = OrderWireNames.ParseType(r.GetString(r.GetOrdinal("type"))),
        TimeInForce = OrderWireNames.ParseTimeInForce(r.GetString(r.GetOrdinal("time_in_force"))),
        Quantity = Dec(r.GetString(r.GetOrdinal("quantity"))),
        LimitPrice = NullableDec(r, "limit_price"),
        StopPrice = NullableDec(r, "stop_price"),
        CreatedAt = Time(r.GetInt64(r.GetOrdinal("created_at"))),
        ExpiresAt = NullableTime(r, "expires_at"),
        AfterQuote = r.GetInt64(r.GetOrdinal("after_quote")),
        Replaces = NullableString(r, "replaces"),
        Status = OrderWireNames.ParseStatus(r.GetString(r.GetOrdinal("status"))),
        UpdatedAt = Time(r.GetInt64(r.GetOrdinal("updated_at"))),
        FilledQuantity = Dec(r.GetString(r.GetOrdinal("filled_quantity"))),
        FilledNotional = Dec(r.GetString(r.GetOrdinal("filled_notional"))),
        FilledAt = NullableTime(r, "filled_at"),
        StopTriggered = r.GetInt64(r.GetOrdinal("stop_triggered")) != 0,
        RawCommission = Dec(r.GetString(r.GetOrdinal("raw_commission"))),
        Commission = Dec(r.GetString(r.GetOrdinal("commission"))),
        ReplacedBy = NullableString(r, "replaced_by"),
        Reason = NullableString(r, "reason"),
    };

    private static PaperExecution ReadExecution(SqliteDataReader r) => new(
        r.GetInt64(r.GetOrdinal("seq")),
        r.GetString(r.GetOrdinal("execution_id")),
        r.GetString(r.GetOrdinal("broker_order_id")),
        r.GetString(r.GetOrdinal("client_order_id")),
        Symbol.Parse(r.GetString(r.GetOrdinal("symbol"))),
        OrderWireNames.ParseSide(r.GetString(r.GetOrdinal("side"))),
        Dec(r.GetString(r.GetOrdinal("quantity"))),
        Dec(r.GetString(r.GetOrdinal("price"))),
        Dec(r.GetString(r.GetOrdinal("commission"))),
        Time(r.GetInt64(r.GetOrdinal("time"))),
        Dec(r.GetString(r.GetOrdinal("position_quantity"))));

    private static SubmissionRecord ReadSubmission(SqliteDataReader r) => new(
        r.GetInt64(r.GetOrdinal("seq")),
        r.GetString(r.GetOrdinal("client_order_id")),
        Symbol.Parse(r.GetString(r.GetOrdinal("symbol"))),
        OrderWireNames.ParseSide(r.GetString(r.GetOrdinal("side"))),
        Dec(r.GetString(r.GetOrdinal("quantity"))),
        OrderWireNames.ParseType(r.GetString(r.GetOrdinal("type"))),
        OrderWireNames.ParseTimeInForce(r.GetString(r.GetOrdinal("time_in_force"))),
        Time(r.GetInt64(r.GetOrdinal("time"))),
        ParseOutcome(r.GetString(r.GetOrdinal("outcome"))),
        NullableString(r, "broker_order_id"),
        NullableString(r, "reason_code"));

    private IEnumerable<SqliteDataReader> Query(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return reader;
    }

    private void Execute(string sql, SqliteTransaction? transaction = null)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private void Run(string sql, SqliteTransaction transaction, params (string Name, object? Value)[] parameters)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        command.ExecuteNonQuery();
    }

    private static string Meta(Dictionary<string, string> meta, string key) =>
        meta.TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"meta key \"{key}\" is missing");

    internal static string KindText(AccountKind kind) => kind == AccountKind.Cash ? "cash" : "margin";

    private static AccountKind ParseKind(string text) => text switch
    {
        "cash" => AccountKind.Cash,
        "margin" => AccountKind.Margin,
        _ => throw new FormatException($"account kind \"{text}\" is not cash or margin"),
    };

    internal static string OutcomeText(SubmissionOutcome outcome) => outcome switch
    {
        SubmissionOutcome.Accepted => "accepted",
        SubmissionOutcome.Duplicate => "duplicate",
        SubmissionOutcome.Rejected => "rejected",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Unknown submission outcome."),
    };

    private static SubmissionOutcome ParseOutcome(string text) => text switch
    {
        "accepted" => SubmissionOutcome.Accepted,
        "duplicate" => SubmissionOutcome.Duplicate,
        "rejected" => SubmissionOutcome.Rejected,
        _ => throw new FormatException($"submission outcome \"{text}\" is unknown"),
    };

    private static string Text(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Text(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static decimal Dec(string text) => decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);

    private static long Long(string text) => long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(long utcTicks) => new(utcTicks, TimeSpan.Zero);

    private static decimal? NullableDec(SqliteDataReader r, string column) =>
        r.IsDBNull(r.GetOrdinal(column)) ? null : Dec(r.GetString(r.GetOrdinal(column)));

    private static DateTimeOffset? NullableTime(SqliteDataReader r, string column) =>
        r.IsDBNull(r.GetOrdinal(column)) ? null : Time(r.GetInt64(r.GetOrdinal(column)));

    private static string? NullableString(SqliteDataReader r, string column) =>
        r.IsDBNull(r.GetOrdinal(column)) ? null : r.GetString(r.GetOrdinal(column));
}
