using ActorTrader.Hocon;
using ActorTrader.Quant.Portfolio;
using ActorTrader.Strategies;
using ActorTrader.Strategies.Catalog;

namespace ActorTrader.Cli.Backtesting;

/// <summary>
/// Strategy and engine names typed on the command line. An unknown name is a usage error (exit 2) whose message names the
/// closest known name and lists them all: <c>Unknown engine "hrpp"; did you mean hrp? Known: equal, inverse-vol, …</c>.
/// </summary>
internal static class Names
{
    public static IStrategy Strategy(string name, StrategyCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        try
        {
            return (catalog ?? StrategyCatalog.Default).Get(name.Trim());
        }
        catch (UnknownStrategyException e)
        {
            throw new CliException(ExitCodes.Usage, e.Message, e);
        }
    }

    public static IPortfolioOptimizer Engine(string name, OptimizerCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var engines = catalog ?? OptimizerCatalog.Default;
        if (engines.TryGet(name.Trim(), out var engine)) return engine;
        var hint = ClosestKey.Find(name.Trim(), engines.Names);
        throw new CliException(ExitCodes.Usage,
            $"Unknown engine \"{name}\"" + (hint is null ? "." : $"; did you mean {hint}?") + $" Known: {string.Join(", ", engines.Names)}.");
    }

    /// <summary>A comma- or space-separated list option (<c>--engines hrp,min-vol</c>), empty entries dropped.</summary>
    public static List<string> List(IEnumerable<string>? tokens) =>
        [.. (tokens ?? []).SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
}
