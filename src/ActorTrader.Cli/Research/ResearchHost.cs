using ActorTrader.Actors;
using ActorTrader.Cli.Backtesting;
using ActorTrader.Persistence;
using ActorTrader.Persistence.Journal;
using ActorTrader.Persistence.Serialization;
using ActorTrader.Persistence.Sql;
using ActorTrader.Research.Actors;
using ActorTrader.Research.Settings;

namespace ActorTrader.Cli.Research;

/// <summary>
/// The research actors in the CLI process: the configured <c>actortrader.research</c>, the node's journal (SQLite under
/// node.data-dir by default, as <c>actortrader.persistence</c> says), the node's data sources and the configured strategy
/// parameters as incumbents, and the supervisor at <c>/user/research</c> not following the window (the CLI runs what it
/// is asked, now). Disposing stops the actors and closes the journal.
/// </summary>
internal sealed class ResearchHost : IAsyncDisposable
{
    private readonly PersistenceStores _stores;
    private int _disposed;

    private ResearchHost(ActorSystem system, PersistenceStores stores, IActorRef supervisor, ResearchSettings settings)
    {
        System = system;
        _stores = stores;
        Supervisor = supervisor;
        Settings = settings;
    }

    public ActorSystem System { get; }

    public IActorRef Supervisor { get; }

    public ResearchSettings Settings { get; }

    public static async Task<ResearchHost> OpenAsync(CliContext context, string? configFile, CancellationToken cancellationToken)
    {
        var environment = ResearchEnvironment.Load(context, configFile);
        var (settings, problems) = ResearchSettings.Read(environment.Config);
        if (problems.Count > 0)
        {
            var lines = problems.Select(p => $"  {p.Location}: {p.Message}{Environment.NewLine}      fix: {p.Fix}");
            throw new CliException(ExitCodes.Problems,
                $"The research configuration has problems:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}{Environment.NewLine}Run `actortrader config-check` for the full list.");
        }
        var strategies = environment.Strategies();
        PersistenceSettings persistence;
        try
        {
            persistence = PersistenceSettings.FromConfig(environment.Config);
        }
        catch (PersistenceSettingsException e)
        {
            throw new CliException(ExitCodes.Problems, $"The persistence configuration has problems: {e.Message}", e);
        }
        // As a node does on start: the data directory (home of the default SQLite journal) is created when missing.
        Directory.CreateDirectory(environment.Data.Node.Node.DataDir);
        var stores = new PersistenceBackends().AddSqlBackends().Create(persistence, environment.Data.Node.Node.DataDir);
        try
        {
            await stores.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PersistenceStoreException e)
        {
            await stores.DisposeAsync().ConfigureAwait(false);
            throw new CliException(ExitCodes.Problems, $"The journal cannot be opened: {e.Message}", e);
        }
        var system = ActorSystem.Create("actortrader-research", new ActorSystemSetup { RunCoordinatedShutdownOnSignals = false });
        Persistence.Persistence.Install(system, new PersistenceSetup(stores, ResearchEvents.Register(new EventSerializer())) { Settings = persistence });
        var services = ResearchServices.Create(system, settings, environment.Data.Settings, strategies) with { FollowWindow = false };
        var supervisor = system.ActorOf(ResearchSupervisor.CreateProps(settings, services), ResearchSupervisor.ActorName);
        return new ResearchHost(system, stores, supervisor, settings);
    }

    /// <summary>
    /// Asks the supervisor; a <see cref="ResearchRefused"/> answer becomes a <see cref="CliException"/> (usage error for an
    /// unknown strategy name, problems otherwise).
    /// </summary>
    public async Task<T> AskAsync<T>(object message, CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var answer = await Supervisor.Ask<object>(message, timeout, cancellationToken).ConfigureAwait(false);
        return answer switch
        {
            T typed => typed,
            ResearchRefused refused => throw new CliException(refused.UnknownStrategy ? ExitCodes.Usage : ExitCodes.Problems, refused.Reason),
            _ => throw new InvalidOperationException($"The research supervisor answered {answer.GetType().Name} to {message.GetType().Name}; expected {typeof(T).Name}."),
        };
    }

    /// <summary>Stops the actors and closes the journal, once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await System.Terminate().ConfigureAwait(false);
        await _stores.DisposeAsync().ConfigureAwait(false);
    }
}
