using System.Globalization;
using System.Text.Json;

namespace ActorTrader.Hosting.Logging;

/// <summary>Reads the errors file that <see cref="NodeLogging"/> writes (one Serilog JSON event per line).</summary>
public static class ErrorLog
{
    /// <summary>The newest <paramref name="limit"/> entries, oldest first; an empty list when the file does not exist yet.</summary>
    public static IReadOnlyList<ErrorEntry> Read(string path, int limit = 100)
    {
        // Nothing recorded yet; anything else at the path (a directory, say) fails loudly when opened below.
        if (!File.Exists(path) && !Directory.Exists(path)) return [];
        var entries = new List<ErrorEntry>();
        // The node may be appending right now; share the file rather than fail.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0) continue;
            entries.Add(Parse(line, path, lineNumber));
        }
        return entries.Count <= limit ? entries : entries[^limit..];
    }

    private static ErrorEntry Parse(string line, string path, int lineNumber)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var properties = root.TryGetProperty("Properties", out var p) ? p : default;
            return new ErrorEntry(
                DateTimeOffset.Parse(root.GetProperty("Timestamp").GetString()!, CultureInfo.InvariantCulture),
                root.TryGetProperty("Level", out var level) ? level.GetString() ?? "Error" : "Error",
                root.TryGetProperty("RenderedMessage", out var message) ? message.GetString() ?? string.Empty : root.GetProperty("MessageTemplate").GetString() ?? string.Empty,
                root.TryGetProperty("Exception", out var exception) ? exception.GetString() : null,
                StringProperty(properties, LogProperties.ActorPath),
                StringProperty(properties, LogProperties.CorrelationId));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
        {
            // A torn or foreign line is itself worth showing; it is listed, not dropped.
            return new ErrorEntry(DateTimeOffset.MinValue, "Unreadable", $"{path}:{lineNumber}: not a log event ({e.Message})", null, null, null);
        }
    }

    private static string? StringProperty(JsonElement properties, string name) =>
        properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
