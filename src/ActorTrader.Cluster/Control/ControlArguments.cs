using System.Text;
using System.Text.Json;
using ActorTrader.Persistence.Journal;

namespace ActorTrader.Cluster.Control;

/// <summary>
/// The arguments column of cluster_control_log: a JSON object of strings, keys in ordinal order so the same arguments
/// are always the same text.
/// </summary>
internal static class ControlArguments
{
    public static SortedDictionary<string, string> Sorted(IReadOnlyDictionary<string, string> arguments)
    {
        var sorted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in arguments)
        {
            ArgumentNullException.ThrowIfNull(value, $"arguments[{key}]");
            sorted.Add(key, value);
        }
        return sorted;
    }

    public static string ToJson(SortedDictionary<string, string> arguments)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in arguments) writer.WriteString(key, value);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Parses the column; <paramref name="describe"/> names the row for the error.</summary>
    public static SortedDictionary<string, string> FromJson(string json, Func<string> describe)
    {
        var arguments = new SortedDictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object) throw Malformed(json, describe, null);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.String) throw Malformed(json, describe, null);
                arguments[property.Name] = property.Value.GetString()!;
            }
        }
        catch (JsonException ex)
        {
            throw Malformed(json, describe, ex);
        }
        return arguments;
    }

    private static PersistenceStoreException Malformed(string json, Func<string> describe, JsonException? inner)
    {
        var message = $"{describe()} has arguments {json}, which is not a JSON object of strings; the control bus stops at it (commands are never skipped). Fix: correct its arguments column, e.g. '{{\"account\":\"paper-1\"}}'.";
        return inner is null ? new PersistenceStoreException(message) : new PersistenceStoreException(message, inner);
    }
}
