using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ActorTrader.Trading.Sleeves.Pipeline;

/// <summary>
/// <c>01_events.jsonl</c>: every audit event the sleeve's strategies logged during aggregation — also those they did not
/// trade on (e.g. gap_fill's gaps) — one JSON object per line: strategy, time (ISO 8601 UTC), symbol, kind, detail.
/// Sorted by time, then strategy, then symbol (ordinal); events equal in all three keep the order the strategy logged
/// them. Written in every run that reaches aggregation (empty when no strategy logged anything).
/// </summary>
public static class StrategyEventLog
{
    public const string FileName = "01_events.jsonl";

    public const string Description =
        "Stage 1 events: every audit event the strategies logged (traded on or not, e.g. gap_fill's gaps), one JSON object per line " +
        "{strategy, time (ISO 8601 UTC), symbol, kind, detail}, sorted by time, strategy, symbol.";

    private static readonly JsonSerializerOptions LineOptions = new(SleeveJson.Options) { WriteIndented = false };

    /// <summary>The file's text for the strategies' results (in any order).</summary>
    public static string Render(IEnumerable<StrategyCandidates> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var lines = results
            .SelectMany(r => r.EventLog.Select(e => new StrategyEventLine(r.Strategy, Time(e.Time), e.Symbol.ToString(), e.Kind, e.Detail)
            {
                At = e.Time.UtcTicks,
            }))
            // OrderBy is stable: ties keep the strategy's own order, and the strategies come in the sleeve file's order.
            .OrderBy(l => l.At)
            .ThenBy(l => l.Strategy, StringComparer.Ordinal)
            .ThenBy(l => l.Symbol, StringComparer.Ordinal);
        var text = new StringBuilder();
        foreach (var line in lines) text.Append(JsonSerializer.Serialize(line, LineOptions)).Append('\n');
        return text.ToString();
    }

    /// <summary>ISO 8601 in UTC with a Z, fractional seconds only when there are any (e.g. <c>2024-01-02T14:31:00Z</c>).</summary>
    private static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}

/// <summary>One line of <c>01_events.jsonl</c>.</summary>
public sealed record StrategyEventLine(string Strategy, string Time, string Symbol, string Kind, string Detail)
{
    /// <summary>The time in UTC ticks, for sorting (not written).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public long At { get; init; }
}
