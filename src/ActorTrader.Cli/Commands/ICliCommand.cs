using System.CommandLine;

namespace ActorTrader.Cli.Commands;

/// <summary>One top-level <c>actortrader</c> command; adding a command is one class plus one line in <see cref="CommandCatalog"/>.</summary>
public interface ICliCommand
{
    /// <summary>Builds the System.CommandLine command with its options and action.</summary>
    Command Create(CliContext context);
}
