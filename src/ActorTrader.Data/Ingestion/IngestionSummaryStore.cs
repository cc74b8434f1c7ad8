using System.Text;
using ActorTrader.Data.Lakehouse.Durability;
using ActorTrader.Data.Runs;

namespace ActorTrader.Data.Ingestion;

/// <summary>
/// Saves a run summary as <c>&lt;runs-dir&gt;/&lt;RUN_ID&gt;/ingest-summary.json</c> through <see cref="RunArtifacts"/>
/// (which also moves <c>latest</c>), written durably: temp file, fsync, rename.
/// </summary>
public sealed class IngestionSummaryStore(RunArtifacts runs)
{
    public string PathFor(RunId run) => Path.Combine(runs.DirectoryOf(run), IngestionSummaryJson.FileName);

    public string Save(IngestionSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        if (!RunId.TryParse(summary.RunId, out var run))
            throw new ArgumentException($"Run id \"{summary.RunId}\" is not a run id. Fix: start the run with RunId.New(now).", nameof(summary));
        runs.Create(run);
        var path = PathFor(run);
        DurableFile.WriteAllBytes(path, Encoding.UTF8.GetBytes(IngestionSummaryJson.Serialize(summary)));
        return path;
    }
}
