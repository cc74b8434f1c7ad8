using System.CommandLine;

namespace ActorTrader.Cli.Commands;

/// <summary>Adapts a command written as a static factory (e.g. <c>ParquetCommands.Create</c>) to <see cref="ICliCommand"/>.</summary>
public sealed class FactoryCommand(Func<CliContext, Command> create) : ICliCommand
{
    public Command Create(CliContext context) => create(context);
}
