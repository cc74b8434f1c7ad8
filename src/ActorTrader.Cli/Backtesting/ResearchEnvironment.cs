using ActorTrader.Backtest.Forecasting;
using ActorTrader.Backtest.Settings;
using ActorTrader.Cli.Data;
using ActorTrader.Data.Runs;
using ActorTrader.Hocon;
using ActorTrader.Strategies.Settings;
using ActorTrader.Trading.Meta;
using ActorTrader.Trading.Panels;
using ActorTrader.Trading.Sleeves;

namespace ActorTrader.Cli.Backtesting;

/// <summary>
/// What the research commands (strategies, backtest, tournament, sleeve, meta, report) share: the data environment (run
/// artifacts, lakehouse, bundled samples) and the strategies, backtest, sleeves and meta sections of the configuration.
/// Each section is read only when a command asks for it, so a problem in one never blocks a command that does not use it;
/// a section with problems becomes a <see cref="CliException"/> (exit 1) listing each with its position and fix.
/// </summary>
internal sealed class ResearchEnvironment
{
    private ResearchEnvironment(DataEnvironment data) => Data = data;

    public DataEnvironment Data { get; }

    public Config Config => Data.Loaded.Config;

    public string WorkingDirectory => Data.Loaded.WorkingDirectory;

    public RunArtifacts Runs => Data.Runs;

    public static ResearchEnvironment Load(CliContext context, string? configFile) => new(DataEnvironment.Load(context, configFile));

    public StrategySettings Strategies() => Require("strategy", StrategySettings.Read(Config));

    public BacktestSettings Backtest() => Require("backtest", BacktestSettings.Read(Config));

    public SleeveSettings Sleeves() => Require("sleeves", SleeveSettings.Read(Config, WorkingDirectory));

    public MetaSettings Meta() => Require("meta", MetaSettings.Read(Config));

    public ForecastingSettings Forecasting() => Require("forecasting", ForecastingSettings.Read(Config));

    /// <summary>The sleeve files of <c>actortrader.sleeves.dir</c>, read over this configuration.</summary>
    public SleeveFiles SleeveFiles() => new(Sleeves().Directory, Config);

    /// <summary>The embedded-default data: the lakehouse when it holds the symbols, else the bundled samples, else synthetic.</summary>
    public PanelLoader Panels(TimeProvider clock) => new(PanelDataSources.FromSettings(Data.Settings, clock) with { WorkingDirectory = WorkingDirectory });

    private static T Require<T>(string section, (T Settings, IReadOnlyList<ConfigProblem> Problems) read)
    {
        if (read.Problems.Count == 0) return read.Settings;
        var lines = read.Problems.Select(p => $"  {p.Location}: {p.Message}{Environment.NewLine}      fix: {p.Fix}");
        throw new CliException(ExitCodes.Problems,
            $"The {section} configuration has problems:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}{Environment.NewLine}Run `actortrader config-check` for the full list.");
    }
}
