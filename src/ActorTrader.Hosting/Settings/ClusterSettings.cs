using ActorTrader.Hocon;

namespace ActorTrader.Hosting.Settings;

/// <summary>
/// <c>actortrader.cluster</c>: whether the node joins a cluster on the PostgreSQL journal's database, and its timings.
/// The cluster needs the PostgreSQL journal (actortrader.persistence.journal = postgresql): its leases fence the journal.
/// </summary>
/// <param name="IngestionWorkers">Ingestion batches an ingest node works at once (<c>ingestion.workers</c>).</param>
/// <param name="IngestionBatchSize">Symbols per ingestion batch that <c>actortrader ingest --cluster</c> enqueues (<c>ingestion.batch-size</c>).</param>
public sealed record ClusterSettings(
    bool Enabled,
    TimeSpan HeartbeatInterval,
    TimeSpan UnreachableAfter,
    TimeSpan RemovedAfter,
    TimeSpan LeaseTtl,
    TimeSpan LeaseRetryInterval,
    TimeSpan ControlPollInterval,
    TimeSpan RebalanceMaxAge,
    int EvaluationWorkers,
    TimeSpan EvaluationVisibilityTimeout,
    int EvaluationMaxAttempts,
    bool EvaluationKeepFinished,
    int IngestionWorkers,
    int IngestionBatchSize)
{
    public const string Section = "actortrader.cluster";

    public static ClusterSettings Disabled { get; } = new(false, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(60),
        TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), 2, TimeSpan.FromSeconds(60), 3, false, 1, 25);

    /// <summary>Reads the section with every problem found (a bad value falls back to its default).</summary>
    public static (ClusterSettings Settings, IReadOnlyList<ConfigProblem> Problems) Read(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var r = new SettingsReader(config);
        const string s = Section + ".";
        if (!config.HasPath(Section)) return (Disabled, []);
        var settings = new ClusterSettings(
            r.Boolean(s + "enabled"),
            r.PositiveDuration(s + "heartbeat-interval"),
            r.PositiveDuration(s + "unreachable-after"),
            r.PositiveDuration(s + "removed-after"),
            r.PositiveDuration(s + "lease-ttl"),
            r.PositiveDuration(s + "lease-retry-interval"),
            r.PositiveDuration(s + "control-poll-interval"),
            r.PositiveDuration(s + "rebalance-max-age"),
            r.Int(s + "evaluation.workers", 0, 256),
            r.PositiveDuration(s + "evaluation.visibility-timeout"),
            r.Int(s + "evaluation.max-attempts", 1, 100),
            r.Boolean(s + "evaluation.keep-finished"),
            r.Int(s + "ingestion.workers", 1, 64),
            r.Int(s + "ingestion.batch-size", 1, 10_000));
        if (settings.UnreachableAfter <= settings.HeartbeatInterval)
            r.Report(s + "unreachable-after", $"{s}unreachable-after ({settings.UnreachableAfter.TotalSeconds:0.###} s) is not longer than the heartbeat interval ({settings.HeartbeatInterval.TotalSeconds:0.###} s), so every node would flap unreachable.",
                "Set it to several heartbeat intervals (the default is 5 s for a 1 s heartbeat).");
        if (settings.LeaseTtl < TimeSpan.FromSeconds(1))
            r.Report(s + "lease-ttl", $"{s}lease-ttl = {settings.LeaseTtl.TotalMilliseconds:0} ms is too short for a database round trip and a renewal every third of it.", "Use at least 1s (the default is 5s).");
        const string idle = "actortrader.persistence.postgresql.idle-in-transaction-timeout";
        if (config.HasPath(idle) && TryDuration(config, idle) is { } idleTimeout && idleTimeout >= settings.LeaseTtl)
            r.Report(s + "lease-ttl", $"{s}lease-ttl ({settings.LeaseTtl.TotalSeconds:0.###} s) is not longer than {idle} ({idleTimeout.TotalSeconds:0.###} s), so a node paused inside a journal write could keep the standby from taking its lease until it wakes.",
                $"Keep {idle} well below the lease TTL (the defaults are 2 s and 5 s).");
        if (settings.Enabled)
        {
            var journal = config.HasPath("actortrader.persistence.journal") ? config.GetString("actortrader.persistence.journal") : "";
            if (!string.Equals(journal, "postgresql", StringComparison.Ordinal))
                r.Report(s + "enabled", $"{s}enabled = on needs the PostgreSQL journal, but actortrader.persistence.journal = \"{journal}\": the nodes share the journal and its leases fence it.",
                    "Set actortrader.persistence.journal = postgresql and ACTORTRADER_POSTGRES (actortrader.persistence.postgresql.connection-string).");
        }
        return (settings, r.Problems);
    }

    // The persistence section reports a malformed value itself; here it only bounds the TTL.
    private static TimeSpan? TryDuration(Config config, string path)
    {
        try
        {
            return config.GetTimeSpan(path);
        }
        catch (HoconException)
        {
            return null;
        }
    }
}
