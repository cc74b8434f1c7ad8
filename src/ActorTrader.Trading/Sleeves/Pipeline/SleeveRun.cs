using ActorTrader.Data.Runs;
using ActorTrader.Strategies.Availability;
using ActorTrader.Trading.Panels;
using ActorTrader.Trading.Sleeves.Definition;

namespace ActorTrader.Trading.Sleeves.Pipeline;

/// <summary>
/// One sleeve run in progress: its definition, id, directory and audit writer, and what each stage produced so far (null
/// until the stage ran). Owned by whoever drives the run — the pipeline call or the sleeve actor — never shared.
/// </summary>
internal sealed class SleeveRun
{
    public SleeveRun(SleeveDefinition definition, RunId id, string directory)
    {
        Definition = definition;
        Id = id;
        Audit = new SleeveAudit(directory);
    }

    public SleeveDefinition Definition { get; }

    public RunId Id { get; }

    public SleeveAudit Audit { get; }

    public string Directory => Audit.Directory;

    /// <summary>Paths under this directory are named relative to it in the run's files (the panel loader's working directory).</summary>
    public string WorkingDirectory { get; init; } = Environment.CurrentDirectory;

    public LoadedPanel? Panel { get; set; }

    public ReturnAxis? Axis { get; set; }

    public IReadOnlyList<StrategyAvailability> Availability { get; set; } = [];

    public IReadOnlyList<DegradedStrategy> Degraded { get; set; } = [];

    public AggregationAudit? Aggregation { get; set; }

    public HealthResult? Health { get; set; }

    public SelectionResult? Selection { get; set; }

    public SynthesisResult? Synthesis { get; set; }

    public PreOptimisationResult? PreOptimisation { get; set; }

    public OptimisationResult? Optimisation { get; set; }

    public SleevePortfolio? Portfolio { get; set; }

    public ReportAudit? Report { get; set; }

    public ValidationAudit? Validation { get; set; }

    public List<ExcludedCandidate> Excluded { get; } = [];

    /// <summary>The strategies that can run: enabled in the sleeve and available on its account and data.</summary>
    public IReadOnlyList<SleeveStrategy> Runnable =>
        [.. Definition.Strategies.Where(s => Availability.Any(a => a.Strategy == s.Name && a.IsEnabled))];
}

/// <summary>A strategy the sleeve runs without because it kept failing: how often it was tried and its last error.</summary>
public sealed record DegradedStrategy(string Strategy, int Attempts, string LastError);
