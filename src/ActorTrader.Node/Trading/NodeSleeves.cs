using ActorTrader.Actors;
using ActorTrader.Data.Runs;
using ActorTrader.Data.Settings;
using ActorTrader.Hocon;
using ActorTrader.Trading.Panels;
using ActorTrader.Trading.Sleeves;

namespace ActorTrader.Node.Trading;

/// <summary>
/// What a node runs its sleeves with: the sleeve files, the panels from the node's data settings and the run artifacts
/// under its runs directory. The trading core builds its sleeves from it, and so does a cluster node's sleeve host, so a
/// sleeve runs the same wherever it is placed.
/// </summary>
internal sealed record NodeSleeves(SleeveFiles Files, PanelLoader Panels, RunArtifacts Artifacts, SleeveServices Services)
{
    public static NodeSleeves Create(Config config, string workingDirectory, DataSettings data, SleeveSettings sleeves, TimeProvider time)
    {
        var files = new SleeveFiles(sleeves.Directory, config);
        var artifacts = new RunArtifacts(data.RunsDir);
        var panels = new PanelLoader(PanelDataSources.FromSettings(data, time) with { WorkingDirectory = workingDirectory });
        var services = new SleeveServices(panels, artifacts) { Backoff = sleeves.Backoff };
        return new NodeSleeves(files, panels, artifacts, services);
    }

    /// <summary>Props of the sleeve actor of a sleeve name (for a <see cref="ActorTrader.Trading.Host.Targets.SleevesActor"/>).</summary>
    public Func<string, Props> PropsFactory() => Files.PropsFactory(Services);
}
