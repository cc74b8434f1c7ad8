using System.Text.Json;
using System.Text.Json.Nodes;
using ActorTrader.Data.Lakehouse.Durability;

namespace ActorTrader.Data.Runs;

/// <summary>
/// Writes run-scoped exports <c>data/export/&lt;RUN_ID&gt;/&lt;name&gt;.json</c> as
/// <c>{ "meta": { "run_id", "created_at", "kind", "source", "synthetic", ...extra }, "data": ... }</c>, atomically
/// (temp file, fsync, rename, directory fsync). <c>data</c> is serialised with snake_case property names unless other
/// options are given; <c>created_at</c> is UTC ISO-8601 from the injected clock.
/// </summary>
public sealed class ExportWriter
{
    private static readonly JsonSerializerOptions DefaultOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
    };

    private readonly TimeProvider _clock;
    private readonly JsonSerializerOptions _options;

    /// <summary>Exports under <paramref name="exportDir"/> (<c>actortrader.data.export-dir</c> resolved against <c>node.data-dir</c>).</summary>
    public ExportWriter(string exportDir, TimeProvider? clock = null, JsonSerializerOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(exportDir);
        Root = Path.GetFullPath(exportDir);
        _clock = clock ?? TimeProvider.System;
        _options = options ?? DefaultOptions;
    }

    public string Root { get; }

    /// <summary>The path of export <paramref name="name"/> of <paramref name="run"/>.</summary>
    public string PathOf(RunId run, string name)
    {
        if (run.Value is null) throw new ArgumentException("The run id is empty; create one with RunId.New.", nameof(run));
        CheckName(name);
        return Path.Combine(Root, run.Value, name + ".json");
    }

    /// <summary>Writes the export and returns its path; an existing export of the same name in the run is replaced.</summary>
    public string Write<T>(RunId run, string name, ExportMeta meta, T data)
    {
        ArgumentNullException.ThrowIfNull(meta);
        var path = PathOf(run, name);
        var metaNode = new JsonObject
        {
            ["run_id"] = run.Value,
            ["created_at"] = _clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            ["kind"] = meta.Kind,
            ["source"] = meta.Source,
            ["synthetic"] = meta.Synthetic,
        };
        foreach (var (key, value) in meta.Extra ?? new Dictionary<string, object?>())
        {
            if (metaNode.ContainsKey(key)) throw new ArgumentException($"Extra meta field \"{key}\" would overwrite a standard one; rename it.", nameof(meta));
            metaNode[key] = JsonSerializer.SerializeToNode(value, _options);
        }

        var document = new JsonObject { ["meta"] = metaNode, ["data"] = JsonSerializer.SerializeToNode(data, _options) };
        DurableFile.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(document, _options));
        return path;
    }

    private static void CheckName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.') || name.StartsWith('.'))
            throw new ArgumentException($"Export name \"{name}\" may only use letters, digits, '_', '-' and '.' (not first); it becomes a file name.", nameof(name));
    }
}
