using System.Text;

namespace ActorTrader.Backtest.Reports;

/// <summary>
/// Writes <c>INDEX.md</c> into a run directory: the profile, run id and start time, and a table of every artifact file
/// (relative path, size in bytes, description) sorted by path. Hidden files (temp files of atomic writes) and the index
/// itself are left out, so re-running over the same files gives the same bytes; run it again after adding files to
/// update it. The index is replaced atomically.
/// </summary>
public sealed class RunIndexWriter
{
    public const string FileName = "INDEX.md";

    private readonly IReadOnlyDictionary<string, string>? _extraDescriptions;

    /// <summary>A writer that also knows <paramref name="extraDescriptions"/> (by relative path or file name; they win over <see cref="ArtifactDescriptions.Known"/>).</summary>
    public RunIndexWriter(IReadOnlyDictionary<string, string>? extraDescriptions = null) => _extraDescriptions = extraDescriptions;

    /// <summary>Lists and describes the artifacts in <paramref name="runDirectory"/>, sorted by relative path (ordinal).</summary>
    public IReadOnlyList<RunArtifactEntry> List(string runDirectory)
    {
        var root = Existing(runDirectory);
        var entries = new List<RunArtifactEntry>();
        var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
        foreach (var path in Directory.EnumerateFiles(root, "*", options))
        {
            var relative = Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
            if (relative == FileName || relative.Split('/').Any(part => part.StartsWith('.'))) continue;
            entries.Add(new RunArtifactEntry(relative, new FileInfo(path).Length, ArtifactDescriptions.Describe(relative, _extraDescriptions)));
        }
        entries.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return entries;
    }

    /// <summary>Writes (or replaces) <c>INDEX.md</c> in <paramref name="runDirectory"/> and returns its full path.</summary>
    public string Write(string runDirectory, RunIndexHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (string.IsNullOrWhiteSpace(header.Profile))
            throw new ArgumentException("header.Profile is empty; INDEX.md must name the profile (or sleeve) of the run.", nameof(header));
        if (string.IsNullOrWhiteSpace(header.RunId))
            throw new ArgumentException("header.RunId is empty; INDEX.md must name the run.", nameof(header));
        var entries = List(runDirectory);
        var path = Path.Combine(Existing(runDirectory), FileName);
        ReportFile.WriteText(path, Render(header, entries));
        return path;
    }

    private static string Render(RunIndexHeader header, IReadOnlyList<RunArtifactEntry> entries)
    {
        var sb = new StringBuilder();
        sb.Append("# Run ").Append(MarkdownText.Escape(header.RunId)).Append("\n\n");
        var about = new MarkdownTable(["Field", "Value"]);
        about.AddRow("Profile", header.Profile);
        about.AddRow("Run id", header.RunId);
        about.AddRow("Started (UTC)", ReportFormat.Date(header.StartedAt));
        sb.Append(about.Render()).Append('\n');
        sb.Append("## Artifacts\n\n");
        if (entries.Count == 0)
        {
            sb.Append("No artifact files yet.\n");
            return sb.ToString();
        }
        var table = new MarkdownTable(["Path", "Size (bytes)", "Description"], [MarkdownAlignment.Left, MarkdownAlignment.Right, MarkdownAlignment.Left]);
        foreach (var e in entries) table.AddRow(e.RelativePath, ReportFormat.Integer(e.SizeBytes), e.Description ?? "");
        sb.Append(table.Render());
        return sb.ToString();
    }

    private static string Existing(string runDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runDirectory);
        var full = Path.GetFullPath(runDirectory);
        if (!Directory.Exists(full))
            throw new DirectoryNotFoundException($"Run directory {full} does not exist; create the run directory before indexing it.");
        return full;
    }
}
