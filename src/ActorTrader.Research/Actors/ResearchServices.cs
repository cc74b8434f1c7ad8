using ActorTrader.Actors;
using ActorTrader.Data.Settings;
using ActorTrader.Research.Evaluation;
using ActorTrader.Research.Promotion.Pipeline.Paper;
using ActorTrader.Research.Settings;
using ActorTrader.Strategies;
using ActorTrader.Strategies.Catalog;
using ActorTrader.Strategies.Parameters;
using ActorTrader.Strategies.Settings;
using ActorTrader.Streams;

namespace ActorTrader.Research.Actors;

/// <summary>
/// What the research actors use from outside: the strategies, the data, how evaluators are built, the evaluation backend,
/// the incumbent parameters (each strategy's configured ones; defaults when not configured) and whether the supervisor
/// follows the overnight window (a node) or only runs when asked (the CLI).
/// </summary>
public sealed record ResearchServices(StrategyCatalog Catalog, IResearchDataSource Data, IEvaluatorFactory Evaluators, IEvaluationBackend Backend)
{
    /// <summary>The incumbent parameters by strategy; a strategy not listed is compared with its default parameters.</summary>
    public IReadOnlyDictionary<string, ParameterSet> Incumbents { get; init; } = new Dictionary<string, ParameterSet>(StringComparer.Ordinal);

    /// <summary>True: the supervisor starts and stops populations with <see cref="ResearchSettings.Window"/>.</summary>
    public bool FollowWindow { get; init; } = true;

    /// <summary>
    /// The paper accounts promotion candidates run in (<see cref="PaperTrialServices"/>); null = none, and paper days are
    /// calendar days counted on the clock.
    /// </summary>
    public PaperTrialServices? Paper { get; init; }

    public ParameterSet IncumbentOf(IStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return Incumbents.TryGetValue(strategy.Name, out var parameters) ? parameters : strategy.Parameters.Defaults();
    }

    /// <summary>
    /// The services of a node or the CLI: the configured data source, walk-forward evaluators with the research fitness
    /// settings, the local backend on <paramref name="system"/>'s materializer with the configured parallelism, and the
    /// configured strategy parameters as incumbents.
    /// </summary>
    public static ResearchServices Create(ActorSystem system, ResearchSettings settings, DataSettings data, StrategySettings? strategies = null, StrategyCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(data);
        catalog ??= StrategyCatalog.Default;
        var incumbents = (strategies ?? StrategySettings.Defaults(catalog)).All.ToDictionary(s => s.Name, s => s.Parameters, StringComparer.Ordinal);
        return new ResearchServices(catalog, DataSourceFor(settings.Data, data), new WalkForwardEvaluatorFactory(settings.Fitness),
            new LocalEvaluationBackend(system.Materializer(), settings.Parallelism))
        {
            Incumbents = incumbents,
            Paper = PaperTrialServices.Create(settings, data, catalog),
        };
    }

    /// <summary>The planted market, or the node's stored data (lakehouse, samples, synthetic) per <see cref="ResearchDataSettings.Source"/>.</summary>
    public static IResearchDataSource DataSourceFor(ResearchDataSettings settings, DataSettings data)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(data);
        return settings.Source == ResearchDataSourceKind.Planted
            ? new PlantedDataSource(settings.PlantedSeed, settings.PlantedSymbols, settings.PlantedYears, settings.PlantedPlateau)
            : new StoredDataSource(settings, data);
    }
}
