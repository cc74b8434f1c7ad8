using System.Text;

namespace ActorTrader.Trading.Sleeves.Pipeline;

/// <summary>
/// Writes a sleeve run's files into its run directory: each stage's audit as <c>NN_stage.json</c> and named artifacts,
/// each written beside itself and renamed into place so a reader never sees half a file. Remembers what it wrote, in order.
/// </summary>
public sealed class SleeveAudit
{
    private readonly List<string> _written = [];

    public SleeveAudit(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    /// <summary>File names written so far, in writing order.</summary>
    public IReadOnlyList<string> Written => _written;

    /// <summary>Writes stage <paramref name="number"/>'s audit as <c>NN_stage.json</c> and returns its path.</summary>
    public string Stage<T>(int number, string stage, T audit) =>
        Json(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{number:D2}_{stage}.json"), audit);

    public string Json<T>(string name, T value) => Bytes(name, SleeveJson.Serialize(value));

    /// <summary>Writes UTF-8 text (no byte-order mark) with the line ends given.</summary>
    public string Text(string name, string text) => Bytes(name, new UTF8Encoding(false).GetBytes(text));

    public string Bytes(string name, byte[] bytes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(bytes);
        if (name.IndexOfAny(['/', '\\']) >= 0 || name.StartsWith('.'))
            throw new ArgumentException($"Artifact name \"{name}\" must be a plain file name.", nameof(name));
        var path = Path.Combine(Directory, name);
        var temp = Path.Combine(Directory, $".{name}.{Guid.NewGuid():N}.tmp");
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);
        if (!_written.Contains(name)) _written.Add(name);
        return path;
    }
}
