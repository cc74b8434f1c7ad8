using ActorTrader.Cli.Connection;
using ActorTrader.Data.Lakehouse;
using ActorTrader.Data.Runs;
using ActorTrader.Data.Settings;
using ActorTrader.Hosting.Configuration;

namespace ActorTrader.Cli.Data;

/// <summary>
/// What the offline data commands share: the loaded configuration, <c>actortrader.data.*</c> settings, the
/// lakehouse, run artifacts and exports, all resolved against <c>node.data-dir</c>. Problems become a
/// <see cref="CliException"/> (exit 1) listing each with its position and fix.
/// </summary>
internal sealed record DataEnvironment(LoadedConfig Loaded, DataSettings Settings, LakehouseLayout Layout)
{
    public static DataEnvironment Load(CliContext context, string? configFile)
    {
        NodeLocator.LoadSettings(context, configFile, out var loaded);
        try
        {
            var settings = DataSettings.FromConfig(loaded.Config, loaded.WorkingDirectory);
            return new DataEnvironment(loaded, settings, new LakehouseLayout(settings.LakehouseDir));
        }
        catch (DataSettingsException e)
        {
            throw new CliException(ExitCodes.Problems, $"The data configuration has problems:{Environment.NewLine}{e.Message}", e);
        }
    }

    public ParquetBarStore OpenStore(TimeProvider clock) => new(Layout, clock: clock);

    public RunArtifacts Runs => new(Settings.RunsDir);

    public ExportWriter Exports(TimeProvider clock) => new(Settings.ExportDir, clock);
}
