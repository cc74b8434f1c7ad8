using ActorTrader.Data.Settings;
using ActorTrader.Research.Actors;
using ActorTrader.Research.Evaluation;
using ActorTrader.Research.Settings;
using ActorTrader.Strategies.Catalog;

namespace ActorTrader.Research.Promotion.Pipeline.Paper;

/// <summary>
/// What the paper trials use from outside: the strategies (a candidate's strategy by name), the bars each paper day is
/// computed on (read again every day, so they must reach the latest close) and the directory of the candidates' paper
/// accounts, one SQLite file per candidate (<see cref="FileOf"/>).
/// </summary>
public sealed record PaperTrialServices(StrategyCatalog Catalog, IResearchDataSource Data, string Directory)
{
    /// <summary>The accounts' directory under the node's data directory.</summary>
    public const string DefaultDirectory = "research-paper";

    /// <summary>The paper account file of candidate <paramref name="id"/>: <c>&lt;Directory&gt;/&lt;id&gt;.db</c>.</summary>
    public string FileOf(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (id.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || id.Contains("..", StringComparison.Ordinal))
            throw new ArgumentException($"Candidate id \"{id}\" cannot name a paper account file. Fix: use the ids CandidateIds makes (strategy-hex).", nameof(id));
        return Path.Combine(Directory, id + ".db");
    }

    /// <summary>
    /// The paper trials of a node or the CLI: the catalog, the configured research symbols read up to the latest bar the
    /// source holds (the research range's end does not apply: a paper day needs the day's bar; the planted market is what it
    /// is), and <c>&lt;data-dir&gt;/research-paper</c>.
    /// </summary>
    public static PaperTrialServices Create(ResearchSettings settings, DataSettings data, StrategyCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(data);
        var source = settings.Data.Source == ResearchDataSourceKind.Planted
            ? ResearchServices.DataSourceFor(settings.Data, data)
            : new StoredDataSource(settings.Data with { To = null }, data);
        return new PaperTrialServices(catalog ?? StrategyCatalog.Default, source, Path.Combine(data.DataDir, DefaultDirectory));
    }
}
