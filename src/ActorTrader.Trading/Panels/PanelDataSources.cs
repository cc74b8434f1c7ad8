using ActorTrader.Data.Lakehouse;
using ActorTrader.Data.Settings;

namespace ActorTrader.Trading.Panels;

/// <summary>
/// The data a <see cref="PanelLoader"/> may read: the lakehouse (null = none), the directory of bundled CSV samples
/// (null = none) with the exchange its tickers are listed under, and the synthetic generator's seed. The clock only
/// decides where a synthetic window without an end stops (today).
/// </summary>
public sealed record PanelDataSources(
    IBarStore? Lakehouse,
    string? LakehouseLocation,
    string? CsvDirectory,
    string CsvExchange,
    long SyntheticSeed,
    TimeProvider Clock)
{
    /// <summary>
    /// Directories under this one are named relative to it (with '/') in <see cref="LoadedPanel.Location"/> and the skip
    /// reasons, so a run's audit reads the same on every machine; the process's working directory by default.
    /// </summary>
    public string WorkingDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>No lakehouse, no CSV: synthetic data only.</summary>
    public static PanelDataSources SyntheticOnly(long seed = 42, TimeProvider? clock = null) =>
        new(null, null, null, Domain.Instruments.Exchanges.Nyse, seed, clock ?? TimeProvider.System);

    /// <summary>
    /// The sources the data settings name: the lakehouse when its directory exists, the CSV directory when it exists, and
    /// the configured synthetic seed.
    /// </summary>
    public static PanelDataSources FromSettings(DataSettings settings, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var lakehouse = Directory.Exists(settings.LakehouseDir) ? new ParquetBarStore(new LakehouseLayout(settings.LakehouseDir)) : null;
        return new PanelDataSources(
            lakehouse,
            lakehouse is null ? null : settings.LakehouseDir,
            Directory.Exists(settings.CsvDir) ? settings.CsvDir : null,
            settings.CsvDefaultExchange,
            settings.SyntheticSeed,
            clock ?? TimeProvider.System);
    }
}
