using System.Globalization;
using System.Text.Json;
using ActorTrader.Data.Runs;
using ActorTrader.Domain.Instruments;
using ActorTrader.Trading.Sleeves;
using ActorTrader.Trading.Sleeves.Pipeline;

namespace ActorTrader.Node.Cluster.Sleeves;

/// <summary>
/// A <see cref="SleeveOutcome"/> as JSON, every field included, so an outcome computed on another node is the same
/// outcome here: doubles in their shortest round-trip form (NaN and ±Infinity as the strings "NaN", "Infinity",
/// "-Infinity"), times as ISO 8601 with offset, weights as [symbol, weight] pairs in the outcome's own order (sums
/// over them stay bit-identical), a run id that is unset as null.
/// </summary>
internal static class SleeveOutcomeJson
{
    public static void Write(Utf8JsonWriter w, SleeveOutcome o)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(o);
        w.WriteStartObject();
        w.WriteString("sleeve", o.Sleeve);
        if (o.RunId.Value is null) w.WriteNull("run_id");
        else w.WriteString("run_id", o.RunId.Value);
        w.WriteString("run_directory", o.RunDirectory);
        w.WriteBoolean("succeeded", o.Succeeded);
        w.WriteString("failure_stage", o.FailureStage);
        w.WriteString("failure_reason", o.FailureReason);
        WriteDates(w, "dates", o.Dates);
        WriteDoubles(w, "returns", o.Returns);
        WriteWeights(w, "asset_weights", o.AssetWeights);
        w.WriteBoolean("sign_test_passed", o.SignTestPassed);
        WriteStrings(w, "excluded", o.Excluded);
        WriteWeights(w, "target_weights", o.TargetWeights);
        w.WriteStartObject("target_schedule");
        WriteDates(w, "dates", o.TargetSchedule.Dates);
        WriteStrings(w, "symbols", [.. o.TargetSchedule.Symbols.Select(s => s.ToString())]);
        w.WriteStartArray("weights");
        foreach (var row in o.TargetSchedule.Weights)
        {
            w.WriteStartArray();
            foreach (var value in row) WriteDouble(w, value);
            w.WriteEndArray();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteBoolean("sign_test_ran", o.SignTestRan);
        WriteStrings(w, "degraded_strategies", o.DegradedStrategies);
        w.WriteString("data_source", o.DataSource);
        w.WriteBoolean("synthetic_data", o.SyntheticData);
        w.WriteEndObject();
    }

    public static string Serialize(SleeveOutcome outcome)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, outcome);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static SleeveOutcome Deserialize(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = Parse(json);
        return Read(document.RootElement);
    }

    /// <summary>The outcome in <paramref name="e"/>; <see cref="FormatException"/> naming the field when it is not one.</summary>
    public static SleeveOutcome Read(JsonElement e)
    {
        try
        {
            var runId = e.GetProperty("run_id");
            var schedule = e.GetProperty("target_schedule");
            return new SleeveOutcome(
                e.GetProperty("sleeve").GetString()!,
                runId.ValueKind == JsonValueKind.Null ? default : RunId.Parse(runId.GetString()!),
                e.GetProperty("run_directory").GetString()!,
                e.GetProperty("succeeded").GetBoolean(),
                e.GetProperty("failure_stage").GetString(),
                e.GetProperty("failure_reason").GetString(),
                ReadDates(e.GetProperty("dates")),
                ReadDoubles(e.GetProperty("returns")),
                ReadWeights(e.GetProperty("asset_weights")),
                e.GetProperty("sign_test_passed").GetBoolean(),
                ReadStrings(e.GetProperty("excluded")))
            {
                TargetWeights = ReadWeights(e.GetProperty("target_weights")),
                TargetSchedule = new SleeveSchedule(
                    ReadDates(schedule.GetProperty("dates")),
                    [.. ReadStrings(schedule.GetProperty("symbols")).Select(Symbol.Parse)],
                    [.. schedule.GetProperty("weights").EnumerateArray().Select(row => ReadDoubles(row))]),
                SignTestRan = e.GetProperty("sign_test_ran").GetBoolean(),
                DegradedStrategies = ReadStrings(e.GetProperty("degraded_strategies")),
                DataSource = e.GetProperty("data_source").GetString(),
                SyntheticData = e.GetProperty("synthetic_data").GetBoolean(),
            };
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new FormatException($"A sleeve outcome's JSON is not one ({ex.Message}). Fix: both nodes must run the same ActorTrader version.", ex);
        }
    }

    internal static JsonDocument Parse(string json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"Not JSON: {ex.Message}", ex);
        }
    }

    private static void WriteDates(Utf8JsonWriter w, string name, IReadOnlyList<DateTimeOffset> dates)
    {
        w.WriteStartArray(name);
        foreach (var date in dates) w.WriteStringValue(date.ToString("O", CultureInfo.InvariantCulture));
        w.WriteEndArray();
    }

    private static void WriteDoubles(Utf8JsonWriter w, string name, IReadOnlyList<double> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values) WriteDouble(w, value);
        w.WriteEndArray();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values) w.WriteStringValue(value);
        w.WriteEndArray();
    }

    private static void WriteWeights(Utf8JsonWriter w, string name, IReadOnlyDictionary<Symbol, double> weights)
    {
        w.WriteStartArray(name);
        foreach (var (symbol, weight) in weights)
        {
            w.WriteStartArray();
            w.WriteStringValue(symbol.ToString());
            WriteDouble(w, weight);
            w.WriteEndArray();
        }
        w.WriteEndArray();
    }

    // JSON numbers have no NaN or infinities; the invariant culture's names parse back exactly.
    private static void WriteDouble(Utf8JsonWriter w, double value)
    {
        if (double.IsFinite(value)) w.WriteNumberValue(value);
        else w.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
    }

    private static double ReadDouble(JsonElement e) =>
        e.ValueKind == JsonValueKind.String ? double.Parse(e.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture) : e.GetDouble();

    private static IReadOnlyList<DateTimeOffset> ReadDates(JsonElement e) =>
        [.. e.EnumerateArray().Select(d => DateTimeOffset.ParseExact(d.GetString()!, "O", CultureInfo.InvariantCulture, DateTimeStyles.None))];

    private static IReadOnlyList<double> ReadDoubles(JsonElement e) => [.. e.EnumerateArray().Select(ReadDouble)];

    private static IReadOnlyList<string> ReadStrings(JsonElement e) => [.. e.EnumerateArray().Select(s => s.GetString()!)];

    // Insertion order is kept (a Dictionary without removals enumerates in it), so the weights come back in the sender's order.
    private static Dictionary<Symbol, double> ReadWeights(JsonElement e)
    {
        var weights = new Dictionary<Symbol, double>();
        foreach (var pair in e.EnumerateArray()) weights.Add(Symbol.Parse(pair[0].GetString()!), ReadDouble(pair[1]));
        return weights;
    }
}
