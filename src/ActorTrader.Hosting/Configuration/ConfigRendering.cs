using System.Text.Json;
using System.Text.Json.Nodes;
using ActorTrader.Hocon;

namespace ActorTrader.Hosting.Configuration;

/// <summary>Renders a resolved configuration for <c>config show</c>, with credentials replaced by <see cref="Redacted"/>.</summary>
public static class ConfigRendering
{
    /// <summary>What a secret value is shown as.</summary>
    public const string Redacted = "***";

    /// <summary>Keys whose values are credentials and are never printed.</summary>
    public static IReadOnlyList<string> SecretKeys => ReferenceConfig.OptionalKeys;

    /// <summary>The configuration as JSON (as <see cref="Config.ToJson"/>), secrets redacted.</summary>
    public static JsonNode ToJson(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var root = JsonNode.Parse(config.ToJson(false)) ?? new JsonObject();
        foreach (var key in SecretKeys)
        {
            var segments = key.Split('.');
            var parent = root;
            foreach (var segment in segments[..^1]) parent = parent is JsonObject o && o.TryGetPropertyValue(segment, out var child) ? child : null;
            if (parent is JsonObject owner && owner.TryGetPropertyValue(segments[^1], out var value) && value is not null)
                owner[segments[^1]] = Redacted;
        }
        return root;
    }

    /// <summary>Every leaf as <c>key</c>, its JSON value, and where it was set (file:line:col), sorted by key.</summary>
    public static IReadOnlyList<(string Key, string Value, string? Position)> Leaves(Config config)
    {
        var leaves = new List<(string, string, string?)>();
        Walk(ToJson(config), string.Empty);
        return [.. leaves.OrderBy(l => l.Item1, StringComparer.Ordinal)];

        void Walk(JsonNode? node, string path)
        {
            if (node is JsonObject obj && obj.Count > 0)
            {
                foreach (var (name, child) in obj) Walk(child, path.Length == 0 ? name : $"{path}.{name}");
                return;
            }
            var position = config.GetPosition(path) is { } p ? $"{p.Source}:{p.Line}:{p.Column}" : null;
            leaves.Add((path, node?.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "null", position));
        }
    }
}
