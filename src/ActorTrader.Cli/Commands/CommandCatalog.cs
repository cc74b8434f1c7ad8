namespace ActorTrader.Cli.Commands;

/// <summary>The one list of <c>actortrader</c>'s top-level commands, in help order.</summary>
public static class CommandCatalog
{
    public static IReadOnlyList<ICliCommand> All { get; } =
    [
        new StatusCommand(),
        new HaltCommand(),
        new ResumeCommand(),
        new RebalanceCommand(),
        new ClusterCommand(),
        new PositionsCommand(),
        new OrdersCommand(),
        new PnlCommand(),
        new RunCommand(),
        new ErrorsCommand(),
        new AlertsCommand(),
        new FactoryCommand(BackupCommands.Create),
        new ConfigCommand(),
        new ConfigCheckCommand(),
        new FactoryCommand(_ => ParquetCommands.Create()),
        new FactoryCommand(_ => OptimizeCommand.Create()),
        new FactoryCommand(ScanCommand.Create),
        new FactoryCommand(IngestCommand.Create),
        new FactoryCommand(LakehouseCommands.Create),
        new FactoryCommand(FeaturesCommands.Create),
        new FactoryCommand(StrategiesCommand.Create),
        new FactoryCommand(BacktestCommand.Create),
        new FactoryCommand(TournamentCommand.Create),
        new FactoryCommand(ForecastCommands.Create),
        new FactoryCommand(SleeveCommands.Create),
        new FactoryCommand(MetaCommands.Create),
        new FactoryCommand(ReportCommand.Create),
        new FactoryCommand(Research.ResearchCommands.Create),
    ];
}
