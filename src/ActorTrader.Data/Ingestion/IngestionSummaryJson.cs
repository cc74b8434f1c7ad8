using System.Text.Json;
using System.Text.Json.Nodes;

namespace ActorTrader.Data.Ingestion;

/// <summary>
/// The run summary as JSON (<c>ingest-summary.json</c>): <c>{meta, data}</c> like every run export, with
/// snake_case fields, symbols as <c>EXCHANGE:TICKER</c> and times as ISO-8601 UTC. <c>data.catalog</c> is the
/// metadata refresh (null when the run had no catalog).
/// </summary>
public static class IngestionSummaryJson
{
    public const string FileName = "ingest-summary.json";

    public static JsonObject ToJson(IngestionSummary s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new JsonObject
        {
            ["meta"] = new JsonObject
            {
                ["kind"] = "ingest-summary",
                ["run_id"] = s.RunId,
                ["provider"] = s.Provider,
                ["timeframe"] = s.Timeframe,
                ["start"] = s.Start.UtcDateTime.ToString("O"),
                ["end"] = s.End.UtcDateTime.ToString("O"),
                ["started_at"] = s.StartedAt.UtcDateTime.ToString("O"),
                ["duration_seconds"] = Math.Round(s.Duration.TotalSeconds, 3),
                ["cancelled"] = s.Cancelled,
            },
            ["data"] = new JsonObject
            {
                ["requested"] = s.Requested,
                ["fetched"] = s.Fetched,
                ["skipped_fresh"] = s.SkippedFresh.Count,
                ["written_symbols"] = s.SymbolsWritten,
                ["bars_fetched"] = s.BarsFetched,
                ["bars_written"] = s.BarsWritten,
                ["rejected"] = new JsonArray([.. s.Rejected.Select(r => (JsonNode)new JsonObject
                {
                    ["symbol"] = r.Symbol.ToString(),
                    ["kind"] = IngestionSummaryText.Kebab(r.Kind.ToString()),
                    ["reason"] = r.Reason,
                })]),
                ["failed"] = new JsonArray([.. s.Failed.Select(f => (JsonNode)new JsonObject
                {
                    ["symbol"] = f.Symbol.ToString(),
                    ["error"] = f.Error,
                    ["attempts"] = f.Attempts,
                })]),
                ["quarantined"] = new JsonArray([.. s.Quarantined.Select(q => (JsonNode)new JsonObject
                {
                    ["symbol"] = q.Symbol.ToString(),
                    ["moved_to"] = q.MovedTo,
                    ["reason"] = q.Reason,
                })]),
                ["skipped"] = new JsonArray([.. s.SkippedFresh.Select(k => (JsonNode)new JsonObject
                {
                    ["symbol"] = k.Symbol.ToString(),
                    ["reason"] = k.Reason,
                })]),
                ["catalog"] = s.Catalog is { } catalog ? Catalog(catalog) : null,
            },
        };
    }

    private static JsonObject Catalog(CatalogRefresh c) => new()
    {
        ["as_of"] = c.AsOf.UtcDateTime.ToString("O"),
        ["refreshed"] = c.Succeeded,
        ["versions_added"] = c.VersionsAdded,
        ["updated_in_place"] = c.UpdatedInPlace,
        ["unchanged"] = c.Unchanged,
        ["unknown_to_provider"] = new JsonArray([.. c.UnknownToProvider.Select(u => (JsonNode)u.ToString())]),
        ["notes"] = new JsonArray([.. c.Notes.Select(n => (JsonNode)n)]),
        ["error"] = c.Error,
    };

    public static string Serialize(IngestionSummary summary) => ToJson(summary).ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}
