using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ActorTrader.Cli.Backtesting;

/// <summary>
/// JSON documents of the research commands: written with <see cref="Utf8JsonWriter"/> in the order the caller writes
/// fields (callers sort dictionaries), doubles round-trip, NaN and ±∞ as null, times as UTC ISO-8601, "\n" line ends, so
/// equal inputs give equal bytes on every machine.
/// </summary>
internal static class CliJson
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonWriterOptions Pretty = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = true, NewLine = "\n" };

    /// <summary>One document; <paramref name="indented"/> for files, compact (one line) for stdout.</summary>
    public static string Write(Action<Utf8JsonWriter> body, bool indented)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, indented ? Pretty : Compact))
        {
            body(writer);
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + (indented ? "\n" : "");
    }

    public static void Number(this Utf8JsonWriter writer, string name, double value)
    {
        if (double.IsFinite(value)) writer.WriteNumber(name, value);
        else writer.WriteNull(name);
    }

    public static void Number(this Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } v) writer.Number(name, v);
        else writer.WriteNull(name);
    }

    public static void Time(this Utf8JsonWriter writer, string name, DateTimeOffset? time)
    {
        if (time is { } t) writer.WriteString(name, Text(t));
        else writer.WriteNull(name);
    }

    public static void Strings(this Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values) writer.WriteStringValue(value);
        writer.WriteEndArray();
    }

    /// <summary>An object of name → number, in ordinal name order.</summary>
    public static void Map(this Utf8JsonWriter writer, string name, IEnumerable<KeyValuePair<string, double>> values)
    {
        writer.WriteStartObject(name);
        foreach (var (key, value) in values.OrderBy(kv => kv.Key, StringComparer.Ordinal)) writer.Number(key, value);
        writer.WriteEndObject();
    }

    public static string Text(DateTimeOffset time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
