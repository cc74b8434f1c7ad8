using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ActorTrader.Data.Runs;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Data.Scanners;

/// <summary>
/// <c>data/export/&lt;RUN_ID&gt;/candidates.json</c>, written through <see cref="ExportWriter"/> as <c>{meta, data}</c>:
/// meta says which scanner ran and when, data lists the candidates (symbol as EXCHANGE:TICKER, profile, direction
/// and the figures they passed on). <c>ingest --from-scan RUN_ID</c> reads the symbols back with <see cref="ReadSymbols"/>.
/// </summary>
public static class CandidateFile
{
    public const string Name = "candidates";

    /// <summary>Writes the scan's candidates as an export of <paramref name="run"/>; returns the file's path.</summary>
    public static string Write(ExportWriter exports, RunId run, ScanResult result, bool synthetic)
    {
        ArgumentNullException.ThrowIfNull(exports);
        ArgumentNullException.ThrowIfNull(result);
        var meta = new ExportMeta(Name, result.Scanner.Name, synthetic, new Dictionary<string, object?>
        {
            ["scanner_file"] = result.Scanner.Source,
            ["direction"] = result.Scanner.Direction.ToString().ToLowerInvariant(),
            ["as_of"] = result.AsOf.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            ["evaluated"] = result.Evaluated,
            ["candidates"] = result.Candidates.Count,
            ["failed_by_filter"] = result.FailedByFilter,
            ["errors"] = result.Errors.Select(e => $"{e.Symbol}: {e.Error}").ToList(),
        });
        return exports.Write(run, Name, meta, Rows(result));
    }

    /// <summary>The data rows of candidates.json.</summary>
    public static IReadOnlyList<CandidateRow> Rows(ScanResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return [.. result.Candidates.Select(c => new CandidateRow(
            c.Symbol.ToString(),
            ProfileNames.Name(c.Profile),
            c.Direction.ToString().ToLowerInvariant(),
            c.Close,
            c.AvgDollarVolume is { } adv ? Math.Round(adv, 2) : null,
            c.Volatility is { } v ? Math.Round(v, 6) : null,
            c.Momentum is { } m ? Math.Round(m, 6) : null,
            c.ListingAgeDays))];
    }

    /// <summary>The candidate symbols of a candidates.json; throws <see cref="InvalidDataException"/> naming the file and entry when it is not one.</summary>
    public static IReadOnlyList<Symbol> ReadSymbols(string path)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not JSON ({e.Message}). Fix: re-run the scan to rewrite it.", e);
        }
        if (root?["data"] is not JsonArray data)
            throw new InvalidDataException($"{path} has no \"data\" array of candidates. Fix: point --from-scan at a scan run's id.");
        var symbols = new List<Symbol>(data.Count);
        for (var i = 0; i < data.Count; i++)
        {
            var text = data[i]?["symbol"] is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
            if (!Symbol.TryParse(text, out var symbol, out var error))
                throw new InvalidDataException($"{path}: data[{i}].symbol: {error}");
            symbols.Add(symbol);
        }
        return symbols;
    }
}

/// <summary>One entry of candidates.json (serialised snake_case).</summary>
public sealed record CandidateRow(string Symbol, string Profile, string Direction, decimal? Close, decimal? AvgDollarVolume, double? Volatility, decimal? Momentum, int? ListingAgeDays);
