using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ActorTrader.Backtest.Reports;

namespace ActorTrader.Backtest.Forecasting;

/// <summary>
/// Persists validation reports under <c>&lt;data-dir&gt;/forecasting</c>: <c>validation.json</c> is the latest (what the
/// signal router reads), and every report is also kept as <c>history/validation-&lt;time&gt;.json</c>, so a new run never
/// loses an earlier verdict. Files are replaced atomically.
/// </summary>
public sealed class ValidationStore(string directory)
{
    public const string LatestFileName = "validation.json";

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public string Directory { get; } = directory ?? throw new ArgumentNullException(nameof(directory));

    public string LatestPath => Path.Combine(Directory, LatestFileName);

    /// <summary>The store of a node's data directory.</summary>
    public static ValidationStore InDataDirectory(string dataDirectory) => new(Path.Combine(dataDirectory, "forecasting"));

    /// <summary>Writes the report as the latest and into the history; returns the history file's path.</summary>
    public string Save(ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = JsonSerializer.Serialize(report, Json);
        var stamp = report.GeneratedAt.ToUniversalTime().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var history = Path.Combine(Directory, "history", $"validation-{stamp}.json");
        for (var i = 2; File.Exists(history); i++) history = Path.Combine(Directory, "history", $"validation-{stamp}-{i}.json");
        ReportFile.WriteText(history, text);
        ReportFile.WriteText(LatestPath, text);
        return history;
    }

    /// <summary>The latest report, or null when validation has never run. A damaged file is an error naming it and the fix.</summary>
    public ValidationReport? LoadLatest()
    {
        if (!File.Exists(LatestPath)) return null;
        try
        {
            return JsonSerializer.Deserialize<ValidationReport>(File.ReadAllText(LatestPath), Json)
                ?? throw new JsonException("the file holds null");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(
                $"The forecast validation report {LatestPath} cannot be read ({e.Message}). Run `actortrader forecast validate` to write a new one; " +
                "earlier reports are kept in its history folder.", e);
        }
    }
}
