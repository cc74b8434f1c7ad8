using ActorTrader.Actors;
using ActorTrader.Hosting.Configuration;
using ActorTrader.Hosting.Settings;
using ActorTrader.Node.Hosting;
using ActorTrader.Persistence;
using ActorTrader.Trading.Host.Replay;

namespace ActorTrader.Node.Trading;

/// <summary>What the node hands its trading core when it composes it.</summary>
/// <param name="Cursor">The replay's cursor as read before the start (null in live-clock mode).</param>
/// <param name="StateDir">Where the paper account lives: the replay directory in a replay, the data directory otherwise.</param>
/// <param name="Output">Where a replay's day lines go (standard output).</param>
internal sealed record TradingHostContext(
    ActorSystem System,
    LoadedConfig Loaded,
    ConfigSources Sources,
    NodeSettings Settings,
    NodeArguments Arguments,
    IActorRef Control,
    PersistenceSettings Persistence,
    ReplayCursor? Cursor,
    string StateDir,
    TimeProvider Time,
    Serilog.ILogger Log,
    TextWriter Output)
{
    /// <summary>
    /// The meta-portfolio's sleeve factory over the trading core's sleeves actor; null for the single node's
    /// (<see cref="ActorTrader.Trading.Host.Targets.SleeveProxy.Factory"/>). A cluster node routes each sleeve run to the node that owns the sleeve.
    /// </summary>
    public Func<IActorRef, Func<string, Props>>? SleeveProxies { get; init; }
}
