using ActorTrader.Cli.Connection;
using ActorTrader.Data.Catalog;
using ActorTrader.Data.Lakehouse;
using ActorTrader.Data.Runs;
using ActorTrader.Data.Settings;
using ActorTrader.Hosting.Configuration;
using ActorTrader.Hosting.Settings;

namespace ActorTrader.Cli.Data;

/// <summary>
/// What the offline data commands share: the loaded configuration, the node's settings (for the broker's Alpaca
/// account), <c>actortrader.data.*</c> settings, the lakehouse, run artifacts and exports, all resolved against
/// <c>node.data-dir</c>. Problems become a
/// <see cref="CliException"/> (exit 1) listing each with its position and fix.
/// </summary>
internal sealed record DataEnvironment(LoadedConfig Loaded, NodeSettings Node, DataSettings Settings, LakehouseLayout Layout)
{
    public static DataEnvironment Load(CliContext context, string? configFile)
    {
        var node = NodeLocator.LoadSettings(context, configFile, out var loaded);
        try
        {
            var settings = DataSettings.FromConfig(loaded.Config, loaded.WorkingDirectory);
            return new DataEnvironment(loaded, node, settings, new LakehouseLayout(settings.LakehouseDir));
        }
        catch (DataSettingsException e)
        {
            throw new CliException(ExitCodes.Problems, $"The data configuration has problems:{Environment.NewLine}{e.Message}", e);
        }
    }

    public ParquetBarStore OpenStore(TimeProvider clock) => new(Layout, clock: clock);

    /// <summary>The point-in-time symbol catalog (<c>symbols.parquet</c>, <c>exchanges.parquet</c>) in the same lakehouse root.</summary>
    public SymbolCatalog OpenCatalog() => new(Layout);

    public RunArtifacts Runs => new(Settings.RunsDir);

    public ExportWriter Exports(TimeProvider clock) => new(Settings.ExportDir, clock);
}
