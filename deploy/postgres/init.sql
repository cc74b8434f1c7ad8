-- PostgreSQL for an ActorTrader cluster: run once as the database owner, e.g.
--   createuser actortrader && createdb -O actortrader actortrader
--   psql -U actortrader -d actortrader -f deploy/postgres/init.sql
-- Nodes create the same tables themselves on start (IF NOT EXISTS), so this script is for operators who prefer to create
-- the schema ahead and run the nodes with fewer privileges. Keep it in step with PostgresSchema.cs and
-- src/ActorTrader.Cluster/Schema/cluster.sql (a test checks the cluster part).

-- The event journal and snapshot store (ActorTrader.Persistence).
CREATE TABLE IF NOT EXISTS "public".journal (
    ordering       BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    persistence_id  TEXT    NOT NULL,
    sequence_nr     BIGINT  NOT NULL,
    manifest       TEXT    NOT NULL,
    payload        BYTEA   NOT NULL,
    created_at      BIGINT  NOT NULL,
    tags           TEXT[]  NOT NULL DEFAULT ARRAY[]::text[],
    writer_id       TEXT    NOT NULL,
    writer_epoch    BIGINT  NOT NULL DEFAULT 0,
    deleted        BOOLEAN NOT NULL DEFAULT FALSE,
    CONSTRAINT journal_persistence_id_sequence_nr_key UNIQUE (persistence_id, sequence_nr)
);
CREATE INDEX IF NOT EXISTS journal_tags_idx ON "public".journal USING GIN (tags);
CREATE TABLE IF NOT EXISTS "public".snapshot (
    persistence_id TEXT   NOT NULL,
    sequence_nr    BIGINT NOT NULL,
    created_at     BIGINT NOT NULL,
    manifest      TEXT   NOT NULL,
    payload       BYTEA  NOT NULL,
    PRIMARY KEY (persistence_id, sequence_nr)
);


-- The cluster's tables in schema "public", created after the journal's (the fencing trigger sits on "public".journal).
-- PostgreSQL is the authority: every time below (heartbeats, lease expiry, visibility) is the database's clock_timestamp(),
-- so nodes with skewed clocks still agree.

-- Membership: one row per node, refreshed every heartbeat interval. A node whose heartbeat is older than the
-- unreachable timeout is unreachable; left_at is set when it leaves gracefully.
CREATE TABLE IF NOT EXISTS "public".cluster_members (
    node_name    TEXT        PRIMARY KEY,
    incarnation  UUID        NOT NULL,
    address      TEXT        NOT NULL,
    roles        TEXT[]      NOT NULL,
    version      TEXT        NOT NULL,
    started_at   TIMESTAMPTZ NOT NULL,
    heartbeat_at TIMESTAMPTZ NOT NULL,
    left_at      TIMESTAMPTZ NULL
);

-- Leases: one row per singleton (trading/account-<id>, research/coordinator, sleeve/<name>). Every acquisition raises
-- epoch by one; holder is '<node>#<incarnation>'. A lease is held while expires_at is in the future.
CREATE TABLE IF NOT EXISTS "public".cluster_leases (
    name        TEXT        PRIMARY KEY,
    holder      TEXT        NULL,
    epoch       BIGINT      NOT NULL DEFAULT 0,
    acquired_at TIMESTAMPTZ NULL,
    expires_at  TIMESTAMPTZ NOT NULL DEFAULT '-infinity'
);

-- Which journal rows a lease fences: a persistence id equal to pattern (exact) or starting with it (prefix).
CREATE TABLE IF NOT EXISTS "public".cluster_lease_scopes (
    pattern    TEXT    PRIMARY KEY,
    is_prefix  BOOLEAN NOT NULL,
    lease_name TEXT    NOT NULL
);

-- The fence: a journal row in a lease's scope must carry the lease's current epoch while the lease is unexpired.
-- FOR SHARE on the lease row orders the write against a takeover (which updates the row): a write either commits
-- before the epoch moves on or sees the new epoch and is rejected with SQLSTATE AT409.
CREATE OR REPLACE FUNCTION "public".cluster_journal_fence() RETURNS trigger LANGUAGE plpgsql AS $fence$
DECLARE
    scope_lease TEXT;
    current_epoch BIGINT;
    current_expiry TIMESTAMPTZ;
BEGIN
    SELECT s.lease_name INTO scope_lease
      FROM "public".cluster_lease_scopes s
     WHERE (NOT s.is_prefix AND NEW.persistence_id = s.pattern)
        OR (s.is_prefix AND left(NEW.persistence_id, length(s.pattern)) = s.pattern)
     ORDER BY s.is_prefix, length(s.pattern) DESC
     LIMIT 1;
    IF scope_lease IS NULL THEN
        RETURN NEW;
    END IF;
    SELECT l.epoch, l.expires_at INTO current_epoch, current_expiry
      FROM "public".cluster_leases l WHERE l.name = scope_lease FOR SHARE;
    IF current_epoch IS NULL OR current_epoch <> NEW.writer_epoch OR current_expiry <= clock_timestamp() THEN
        RAISE EXCEPTION 'fenced: % (sequence %) carries epoch % of lease %, which is at epoch % and expires %',
            NEW.persistence_id, NEW.sequence_nr, NEW.writer_epoch, scope_lease, coalesce(current_epoch, 0), coalesce(current_expiry, '-infinity')
            USING ERRCODE = 'AT409';
    END IF;
    RETURN NEW;
END
$fence$;

DROP TRIGGER IF EXISTS cluster_journal_fence ON "public".journal;
CREATE TRIGGER cluster_journal_fence BEFORE INSERT ON "public".journal
    FOR EACH ROW EXECUTE FUNCTION "public".cluster_journal_fence();

-- Control bus: halt/resume/rebalance in one durable, ordered log (signalled with NOTIFY on channel actortrader_control).
CREATE TABLE IF NOT EXISTS "public".cluster_control_log (
    id        BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    command   TEXT        NOT NULL,
    arguments TEXT        NOT NULL DEFAULT '{}',
    issued_by TEXT        NOT NULL,
    issued_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);

-- How far each node has applied the control log (its commands are applied in id order, each once).
CREATE TABLE IF NOT EXISTS "public".cluster_control_cursor (
    node_name    TEXT        PRIMARY KEY,
    last_applied BIGINT      NOT NULL,
    applied_at   TIMESTAMPTZ NOT NULL
);

-- Work queues: one row per item, unique per (queue, work_key) so enqueueing twice is harmless. status is ready, claimed,
-- done or dead; a claimed item whose visible_at has passed is claimable again (its worker died or stalled).
CREATE TABLE IF NOT EXISTS "public".cluster_work (
    id           BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    queue        TEXT        NOT NULL,
    work_key     TEXT        NOT NULL,
    payload      TEXT        NOT NULL,
    status       TEXT        NOT NULL DEFAULT 'ready',
    attempts     INT         NOT NULL DEFAULT 0,
    max_attempts INT         NOT NULL,
    visible_at   TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    claimed_by   TEXT        NULL,
    claim_token  UUID        NULL,
    result       TEXT        NULL,
    last_error   TEXT        NULL,
    enqueued_at  TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    completed_at TIMESTAMPTZ NULL,
    CONSTRAINT cluster_work_queue_key UNIQUE (queue, work_key),
    CONSTRAINT cluster_work_status CHECK (status IN ('ready', 'claimed', 'done', 'dead'))
);
CREATE INDEX IF NOT EXISTS cluster_work_claimable_idx ON "public".cluster_work (queue, visible_at) WHERE status IN ('ready', 'claimed');
