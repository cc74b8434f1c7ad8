namespace ActorTrader.Brokers.Paper;

/// <summary>
/// The tables of a paper account file. Decimals are stored as invariant text (exact, scale kept), instants as UTC ticks,
/// enums as their wire names, so a reloaded account is identical to the one written.
/// </summary>
internal static class PaperStateSchema
{
    /// <summary>The value of the <c>format</c> meta key that marks a file as a paper account.</summary>
    public const string Format = "actortrader-paper-broker";

    public const int Version = 1;

    public const string MetaTable = "paper_meta";

    public const string Create = """
        CREATE TABLE paper_meta (
            key   TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE paper_positions (
            symbol       TEXT PRIMARY KEY,
            quantity     TEXT NOT NULL,
            average_cost TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE paper_marks (
            symbol TEXT PRIMARY KEY,
            price  TEXT NOT NULL,
            time   INTEGER NOT NULL,
            volume TEXT
        ) WITHOUT ROWID;
        CREATE TABLE paper_orders (
            seq             INTEGER PRIMARY KEY,
            broker_order_id TEXT NOT NULL UNIQUE,
            client_order_id TEXT NOT NULL UNIQUE,
            symbol          TEXT NOT NULL,
            side            TEXT NOT NULL,
            type            TEXT NOT NULL,
            time_in_force   TEXT NOT NULL,
            quantity        TEXT NOT NULL,
            limit_price     TEXT,
            stop_price      TEXT,
            created_at      INTEGER NOT NULL,
            expires_at      INTEGER,
            after_quote     INTEGER NOT NULL,
            replaces        TEXT,
            status          TEXT NOT NULL,
            updated_at      INTEGER NOT NULL,
            filled_quantity TEXT NOT NULL,
            filled_notional TEXT NOT NULL,
            filled_at       INTEGER,
            stop_triggered  INTEGER NOT NULL,
            raw_commission  TEXT NOT NULL,
            commission      TEXT NOT NULL,
            replaced_by     TEXT,
            reason          TEXT
        );
        CREATE TABLE paper_executions (
            seq               INTEGER PRIMARY KEY,
            execution_id      TEXT NOT NULL UNIQUE,
            broker_order_id   TEXT NOT NULL,
            client_order_id   TEXT NOT NULL,
            symbol            TEXT NOT NULL,
            side              TEXT NOT NULL,
            quantity          TEXT NOT NULL,
            price             TEXT NOT NULL,
            commission        TEXT NOT NULL,
            time              INTEGER NOT NULL,
            position_quantity TEXT NOT NULL
        );
        CREATE TABLE paper_submissions (
            seq             INTEGER PRIMARY KEY,
            client_order_id TEXT NOT NULL,
            symbol          TEXT NOT NULL,
            side            TEXT NOT NULL,
            quantity        TEXT NOT NULL,
            type            TEXT NOT NULL,
            time_in_force   TEXT NOT NULL,
            time            INTEGER NOT NULL,
            outcome         TEXT NOT NULL,
            broker_order_id TEXT,
            reason_code     TEXT
        );
        """;
}
