using ActorTrader.Data.Runs;

namespace ActorTrader.Trading.Sleeves.Pipeline;

/// <summary>
/// Where a sleeve run writes: a run of its own gets the run directory itself (<c>data/runs/&lt;RUN_ID&gt;/</c>); a run
/// under a pinned id that others share (the meta-portfolio passes its run id to every sleeve) gets
/// <c>data/runs/&lt;RUN_ID&gt;/sleeves/&lt;name&gt;/</c>, so sleeves of one meta run never overwrite each other's files.
/// </summary>
public static class SleeveRunDirectory
{
    public const string SharedFolder = "sleeves";

    /// <summary>Creates (and returns) the directory of <paramref name="sleeve"/>'s run <paramref name="run"/>; <c>latest</c> moves to the run.</summary>
    public static string Create(RunArtifacts artifacts, RunId run, string sleeve, bool shared)
    {
        ArgumentNullException.ThrowIfNull(artifacts);
        ArgumentException.ThrowIfNullOrWhiteSpace(sleeve);
        var root = artifacts.Create(run);
        if (!shared) return root;
        var directory = Path.Combine(root, SharedFolder, sleeve);
        Directory.CreateDirectory(directory);
        return directory;
    }
}
