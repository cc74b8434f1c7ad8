using ActorTrader.Actors;
using ActorTrader.Trading.Sleeves;
using ActorTrader.Trading.Sleeves.Definition;

namespace ActorTrader.Cli.Backtesting;

/// <summary>
/// Runs sleeves in-process: reads a sleeve file by name (an unknown name is a usage error naming the closest sleeve, a
/// file with problems lists them), and runs a <see cref="SleeveActor"/> in a short-lived actor system — the same actor,
/// pipeline and services a node uses — answering its one <see cref="SleeveOutcome"/>.
/// </summary>
internal static class SleeveHost
{
    public static SleeveDefinition Read(ResearchEnvironment environment, string name)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var files = environment.SleeveFiles();
        var read = files.Read(name.Trim());
        if (read.IsValid) return read.Definition!;
        var problems = string.Join(Environment.NewLine, read.Problems.Select(p => $"  {p.Location}: {p.Message}{Environment.NewLine}      fix: {p.Fix}"));
        // A name without a file is a typo on the command line; a file with problems is a configuration problem.
        if (!File.Exists(files.PathOf(name.Trim())))
        {
            var problem = read.Problems[0];
            var stop = problem.Message.EndsWith('.') || problem.Message.EndsWith('?') ? "" : ".";
            throw new CliException(ExitCodes.Usage, $"{problem.Message}{stop} Fix: {problem.Fix}");
        }
        throw new CliException(ExitCodes.Problems, $"Sleeve file {read.Source} has problems:{Environment.NewLine}{problems}");
    }

    /// <summary>The services every sleeve of this environment gets: the embedded-default data, the runs directory, the configured backoff.</summary>
    public static SleeveServices Services(ResearchEnvironment environment, TimeProvider clock) =>
        new(environment.Panels(clock), environment.Runs) { Backoff = environment.Sleeves().Backoff };

    public static async Task<SleeveOutcome> RunAsync(ResearchEnvironment environment, SleeveDefinition definition, RunSleeve command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var services = Services(environment, TimeProvider.System);
        await using var system = ActorSystem.Create("actortrader-cli", new ActorSystemSetup { RunCoordinatedShutdownOnSignals = false });
        var sleeve = system.ActorOf(SleeveActor.Props(definition, services), SleeveActor.NameOf(definition.Name));
        return (SleeveOutcome)await sleeve.Ask(command, timeout: null, cancellationToken).ConfigureAwait(false);
    }
}
