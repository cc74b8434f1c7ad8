using ActorTrader.Hocon;

namespace ActorTrader.Hosting.Alerts;

/// <summary><c>actortrader.alerts</c>: de-duplication, the rate limit, the webhook and the thresholds of the node's own checks.</summary>
/// <param name="DedupeWindow">Repeats of an alert key within this window are folded into the first.</param>
/// <param name="RateLimitPerMinute">At most this many alerts go to the sinks per minute; the rest are counted and reported once the minute is over.</param>
/// <param name="Recent">How many alerts the dashboard and <c>GET /api/alerts</c> keep.</param>
/// <param name="WebhookUrl">Absolute http(s) URL the alerts are POSTed to as JSON; null for none.</param>
/// <param name="WebhookTimeout">Per attempt.</param>
/// <param name="WebhookRetries">Attempts after the first, with doubling backoff from one second.</param>
/// <param name="StaleDataAfter">A data source with no new bar for this long while its market is open is stale.</param>
/// <param name="MemoryLimitBytes">The process's memory limit; 0 takes the limit the GC sees (the machine's or the container's).</param>
/// <param name="MemoryThreshold">Share of the limit above which the memory alert fires.</param>
/// <param name="CheckInterval">How often memory and freshness are checked.</param>
public sealed record AlertSettings(
    TimeSpan DedupeWindow,
    int RateLimitPerMinute,
    int Recent,
    Uri? WebhookUrl,
    TimeSpan WebhookTimeout,
    int WebhookRetries,
    TimeSpan StaleDataAfter,
    long MemoryLimitBytes,
    double MemoryThreshold,
    TimeSpan CheckInterval)
{
    public const string Section = "actortrader.alerts";

    public static AlertSettings Default { get; } = new(TimeSpan.FromMinutes(5), 20, 200, null, TimeSpan.FromSeconds(5), 3, TimeSpan.FromMinutes(15), 0, 0.8, TimeSpan.FromSeconds(30));

    /// <summary>Reads the section; each bad value is reported with its key and fix and replaced by its default.</summary>
    public static (AlertSettings Settings, IReadOnlyList<ConfigProblem> Problems) Read(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var log = new ConfigProblemLog(config);
        var d = Default;
        var dedupe = Positive("dedupe-window", d.DedupeWindow);
        var rate = Whole("rate-limit-per-minute", d.RateLimitPerMinute, 1, 10_000);
        var recent = Whole("recent", d.Recent, 1, 10_000);
        var url = log.ReadOptional($"{Section}.webhook.url", config.GetString, "", "a URL string").Trim();
        Uri? webhook = null;
        if (url.Length > 0)
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out var parsed) && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps)) webhook = parsed;
            else log.Report($"{Section}.webhook.url", $"{Section}.webhook.url is not an absolute http(s) URL.", "Set it to e.g. \"https://hooks.example.com/actortrader\", or \"\" for no webhook.");
        }
        var timeout = Positive("webhook.timeout", d.WebhookTimeout);
        var retries = Whole("webhook.retries", d.WebhookRetries, 0, 10);
        var stale = Positive("stale-data-after", d.StaleDataAfter);
        var limit = log.ReadOptional($"{Section}.memory.limit", config.GetByteSize, 0L, "a size such as 2GiB, or 0");
        if (limit < 0)
        {
            log.Report($"{Section}.memory.limit", $"{Section}.memory.limit = {limit} is negative.", "Set it to a size such as 2GiB, or 0 for the limit the runtime sees.");
            limit = 0;
        }
        var threshold = log.ReadOptional($"{Section}.memory.threshold", config.GetDouble, d.MemoryThreshold, "a share such as 0.8");
        if (threshold is <= 0 or > 1)
        {
            log.Report($"{Section}.memory.threshold", $"{Section}.memory.threshold = {threshold} is not a share in (0, 1].", "Set it to e.g. 0.8 (80% of the limit).");
            threshold = d.MemoryThreshold;
        }
        var interval = Positive("check-interval", d.CheckInterval);
        return (new AlertSettings(dedupe, rate, recent, webhook, timeout, retries, stale, limit, threshold, interval), log.Problems);

        TimeSpan Positive(string key, TimeSpan fallback)
        {
            var value = log.ReadOptional($"{Section}.{key}", config.GetTimeSpan, fallback, "a duration such as 5m");
            if (value > TimeSpan.Zero) return value;
            log.Report($"{Section}.{key}", $"{Section}.{key} must be a positive duration.", $"Set it to e.g. {(int)fallback.TotalSeconds}s.");
            return fallback;
        }

        int Whole(string key, int fallback, int min, int max)
        {
            var value = log.ReadOptional($"{Section}.{key}", config.GetInt, fallback, "a whole number");
            if (value >= min && value <= max) return value;
            log.Report($"{Section}.{key}", $"{Section}.{key} = {value} is outside {min}..{max}.", $"Set it to e.g. {fallback}.");
            return fallback;
        }
    }

    // The webhook URL may carry a secret token in its path or query: only scheme, host and port are ever written out.
    public string? WebhookDisplay => WebhookUrl is { } u ? $"{u.Scheme}://{u.Authority}/…" : null;
}
