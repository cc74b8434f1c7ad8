using System.Text.Json;
using ActorTrader.Trading.Sleeves;

namespace ActorTrader.Node.Cluster.Sleeves;

/// <summary>
/// What the owner of a sleeve returns for a <see cref="SleeveRunRequest"/>: the outcome and the files of its run
/// directory (relative path → bytes), which the asking node writes into its own run directory, so the meta-portfolio's
/// gates, reports and links find them there as if the sleeve had run locally. <see cref="Files"/> is null when the run
/// left no directory.
/// </summary>
internal sealed record SleeveRunResult(SleeveOutcome Outcome, IReadOnlyDictionary<string, byte[]>? Files)
{
    /// <summary>The run directory's files, ordered by path ('/' separated); null when the directory does not exist.</summary>
    public static IReadOnlyDictionary<string, byte[]>? ReadFiles(string? directory)
    {
        if (string.IsNullOrWhiteSpace(directory) || !Directory.Exists(directory)) return null;
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            files[Path.GetRelativePath(directory, path).Replace(Path.DirectorySeparatorChar, '/')] = File.ReadAllBytes(path);
        }
        return files;
    }

    /// <summary>Writes <see cref="Files"/> under <paramref name="directory"/>; a path that would leave it is refused.</summary>
    public void WriteFiles(string directory)
    {
        if (Files is null) return;
        var root = Path.GetFullPath(directory);
        foreach (var (relative, bytes) in Files)
        {
            var path = Path.GetFullPath(Path.Combine(root, relative));
            if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                throw new FormatException($"The sleeve run of {Outcome.Sleeve} returned the file \"{relative}\", which is outside its run directory {root}.");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
        }
    }

    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WritePropertyName("outcome");
            SleeveOutcomeJson.Write(w, Outcome);
            if (Files is null)
            {
                w.WriteNull("files");
            }
            else
            {
                w.WriteStartObject("files");
                foreach (var (path, bytes) in Files) w.WriteBase64String(path, bytes);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The result in <paramref name="json"/>; <see cref="FormatException"/> saying what is wrong with it.</summary>
    public static SleeveRunResult FromJson(string json)
    {
        using var document = SleeveOutcomeJson.Parse(json);
        var e = document.RootElement;
        try
        {
            var outcome = SleeveOutcomeJson.Read(e.GetProperty("outcome"));
            var files = e.GetProperty("files");
            if (files.ValueKind == JsonValueKind.Null) return new SleeveRunResult(outcome, null);
            var read = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
            foreach (var file in files.EnumerateObject()) read[file.Name] = file.Value.GetBytesFromBase64();
            return new SleeveRunResult(outcome, read);
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"A sleeve run result is not one ({ex.Message}). Fix: every node must run the same ActorTrader version.", ex);
        }
    }
}
