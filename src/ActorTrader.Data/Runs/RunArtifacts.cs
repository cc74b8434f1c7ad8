using ActorTrader.Data.Lakehouse.Durability;

namespace ActorTrader.Data.Runs;

/// <summary>
/// Run directories <c>data/runs/&lt;RUN_ID&gt;/</c> and the <c>latest</c> entry beside them, which points at the newest run:
/// a relative symbolic link (<c>latest -&gt; &lt;RUN_ID&gt;</c>) replaced in one rename, or — where links cannot be made —
/// a text file <c>latest</c> holding the run id, written the same atomic way. <c>latest</c> only moves forward: creating
/// an older run's directory (ids sort by start time) leaves it alone.
/// </summary>
public sealed class RunArtifacts
{
    public const string LatestName = "latest";

    private readonly object _gate = new();

    /// <summary>Artifacts under <paramref name="runsDir"/> (<c>actortrader.data.runs-dir</c> resolved against <c>node.data-dir</c>).</summary>
    public RunArtifacts(string runsDir)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runsDir);
        Root = Path.GetFullPath(runsDir);
    }

    public string Root { get; }

    /// <summary>Where <paramref name="run"/>'s artifacts go (it may not exist yet).</summary>
    public string DirectoryOf(RunId run) => Path.Combine(Root, run.Value);

    /// <summary>Creates the run's directory and points <c>latest</c> at it unless a newer run is already latest; returns the directory.</summary>
    public string Create(RunId run)
    {
        if (run.Value is null) throw new ArgumentException("The run id is empty; create one with RunId.New.", nameof(run));
        lock (_gate)
        {
            var directory = DirectoryOf(run);
            DirectorySync.CreateDurably(directory);
            if (Latest() is not { } latest || latest < run) PointLatestAt(run);
            return directory;
        }
    }

    /// <summary>The run <c>latest</c> points at, or null when there is none yet.</summary>
    public RunId? Latest()
    {
        var path = Path.Combine(Root, LatestName);
        var info = new FileInfo(path);
        string? target;
        if (info.LinkTarget is { } link) target = Path.GetFileName(Path.TrimEndingDirectorySeparator(link));
        else if (info.Exists) target = File.ReadAllText(path).Trim();
        else return null;
        return RunId.TryParse(target, out var id)
            ? id
            : throw new InvalidDataException($"{path} points at \"{target}\", which is not a run id. Fix: delete it; the next run recreates it.");
    }

    /// <summary>The directory of the latest run, or null when there is none yet.</summary>
    public string? LatestDirectory() => Latest() is { } run ? DirectoryOf(run) : null;

    private void PointLatestAt(RunId run)
    {
        var latest = Path.Combine(Root, LatestName);
        var temp = DurableFile.TempPathBeside(latest);
        try
        {
            File.CreateSymbolicLink(temp, run.Value);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            // No symbolic links here (e.g. Windows without the privilege): the documented text-file form.
            DurableFile.WriteAllBytes(latest, System.Text.Encoding.UTF8.GetBytes(run.Value + "\n"));
            return;
        }

        try
        {
            DirectorySync.Replace(temp, latest);
        }
        finally
        {
            File.Delete(temp); // nothing left to delete after a successful rename
        }

        DirectorySync.Flush(Root);
    }
}
