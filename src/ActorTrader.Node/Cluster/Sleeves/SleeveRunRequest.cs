using System.Globalization;
using System.Text.Json;
using ActorTrader.Data.Runs;
using ActorTrader.Trading.Sleeves;

namespace ActorTrader.Node.Cluster.Sleeves;

/// <summary>
/// One sleeve run asked of the node that owns the sleeve: the payload of an item on <c>sleeve-runs@&lt;node&gt;</c>.
/// <see cref="Key"/> is deterministic (the same run of the same sleeve over the same window, the same key), so asking
/// again after a crash finds the first attempt's item.
/// </summary>
internal sealed record SleeveRunRequest(string Sleeve, RunId? RunId, DateTimeOffset? From, DateTimeOffset? To)
{
    /// <summary>The queue of the sleeve runs that node <paramref name="node"/> does for others.</summary>
    public static string QueueOf(string node) => "sleeve-runs@" + node;

    public static SleeveRunRequest Of(string sleeve, RunSleeve run) => new(sleeve, run.RunId, run.From, run.To);

    public RunSleeve Command => new(RunId, From, To);

    public string Key => string.Join('/', RunId?.Value ?? "-", Sleeve, Time(From), Time(To));

    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("sleeve", Sleeve);
            w.WriteString("run_id", RunId?.Value);
            w.WriteString("from", From?.ToString("O", CultureInfo.InvariantCulture));
            w.WriteString("to", To?.ToString("O", CultureInfo.InvariantCulture));
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The request in <paramref name="json"/>; <see cref="FormatException"/> saying what is wrong with it.</summary>
    public static SleeveRunRequest FromJson(string json)
    {
        using var document = SleeveOutcomeJson.Parse(json);
        var e = document.RootElement;
        try
        {
            var sleeve = e.GetProperty("sleeve").GetString();
            if (string.IsNullOrWhiteSpace(sleeve)) throw new FormatException("the sleeve name is empty");
            var run = e.GetProperty("run_id").GetString();
            return new SleeveRunRequest(sleeve, run is null ? null : global::ActorTrader.Data.Runs.RunId.Parse(run), ReadTime(e.GetProperty("from")), ReadTime(e.GetProperty("to")));
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new FormatException($"The sleeve run request {json} is not one ({ex.Message}). Fix: every node must run the same ActorTrader version.", ex);
        }
    }

    private static string Time(DateTimeOffset? time) => time?.UtcDateTime.ToString("yyyyMMdd'T'HHmmss.fffffff'Z'", CultureInfo.InvariantCulture) ?? "-";

    private static DateTimeOffset? ReadTime(JsonElement e) =>
        e.ValueKind == JsonValueKind.Null ? null : DateTimeOffset.ParseExact(e.GetString()!, "O", CultureInfo.InvariantCulture, DateTimeStyles.None);
}
