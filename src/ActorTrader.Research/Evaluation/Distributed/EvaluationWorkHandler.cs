using System.Collections.Concurrent;
using ActorTrader.Cluster.WorkQueues;
using ActorTrader.Research.Discovery;
using ActorTrader.Research.Fitness;
using ActorTrader.Research.Genetics;
using ActorTrader.Strategies;
using ActorTrader.Strategies.Catalog;
using ActorTrader.Strategies.Parameters;

namespace ActorTrader.Research.Evaluation.Distributed;

/// <summary>
/// A research node's side of <see cref="ClusterEvaluationBackend"/>: a <see cref="WorkQueueWorker"/> on the evaluation
/// queue runs it for each item. It rebuilds the population's evaluator from the node's own data and evaluator factory —
/// refusing (failing the item with the difference and the fix) when the node's data has another fingerprint than the
/// pinned window or its evaluator other settings — scores the genome through <see cref="LocalEvaluationBackend.Isolated"/>
/// and returns the <see cref="FitnessResult"/> as JSON. Evaluators are built once per strategy and window and shared.
/// </summary>
public sealed class EvaluationWorkHandler : IWorkHandler
{
    // A node evaluates for a few populations at a time; older windows are dropped beyond this.
    private const int CachedEvaluators = 8;

    private readonly string _node;
    private readonly StrategyCatalog _catalog;
    private readonly IResearchDataSource _data;
    private readonly IEvaluatorFactory _evaluators;
    private readonly ConcurrentDictionary<(string Strategy, PinnedWindow Window), Lazy<Task<IFitnessEvaluator>>> _cache = new();

    /// <param name="node">This node's name, for the refusal messages.</param>
    /// <param name="catalog">The node's strategies (the discovery strategy is known without being listed).</param>
    /// <param name="data">The node's research data (ResearchServices.Data).</param>
    /// <param name="evaluators">The node's evaluator factory (ResearchServices.Evaluators).</param>
    public EvaluationWorkHandler(string node, StrategyCatalog catalog, IResearchDataSource data, IEvaluatorFactory evaluators)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(node);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(evaluators);
        _node = node;
        _catalog = catalog;
        _data = data;
        _evaluators = evaluators;
    }

    public async Task<string> HandleAsync(ClaimedWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var request = EvaluationJson.ReadWork(work.Payload, work.Key);
        var strategy = StrategyOf(request, work.Key);
        var evaluator = await EvaluatorAsync(strategy, request.Window, cancellationToken).ConfigureAwait(false);
        var identity = EvaluatorIdentity.Of(evaluator);
        if (!string.Equals(identity, request.Evaluator, StringComparison.Ordinal))
        {
            throw new EvaluationWorkException(
                $"Node {_node} evaluates {request.Strategy} with {identity}, the population with {request.Evaluator} (work {work.Key}). Fix: give every research node the same actortrader.research.fitness settings.");
        }
        var genome = GenomeOf(request, strategy, work.Key);
        return EvaluationJson.Write(LocalEvaluationBackend.Isolated(evaluator, genome, cancellationToken));
    }

    private IStrategy StrategyOf(EvaluationWork request, string key)
    {
        if (_catalog.TryGet(request.Strategy, out var strategy)) return strategy;
        if (request.Strategy == RuleStrategy.DiscoveryName) return RuleStrategy.Discovery;
        throw new EvaluationWorkException(
            $"Node {_node} does not know strategy {request.Strategy} (work {key}). Fix: run the same ActorTrader version and strategy configuration on every research node.");
    }

    private static Genome GenomeOf(EvaluationWork request, IStrategy strategy, string key)
    {
        try
        {
            return request.Rule is null
                ? Genome.Create(request.Strategy, new ParameterSet(request.Parameters), strategy.Parameters)
                : Genome.ForRule(request.Strategy, TradingRule.Parse(request.Rule));
        }
        catch (ArgumentException e) // out-of-range parameters or an unparsable rule: another version's parameter space
        {
            throw new EvaluationWorkException($"Work {key}: the genome cannot be rebuilt on this node ({e.Message}). Fix: run the same ActorTrader version on every research node.", e);
        }
    }

    private async Task<IFitnessEvaluator> EvaluatorAsync(IStrategy strategy, PinnedWindow window, CancellationToken cancellationToken)
    {
        var key = (strategy.Name, window);
        if (!_cache.ContainsKey(key) && _cache.Count >= CachedEvaluators) _cache.Clear();
        var lazy = _cache.GetOrAdd(key, _ => new Lazy<Task<IFitnessEvaluator>>(() => BuildAsync(strategy, window, cancellationToken)));
        try
        {
            return await lazy.Value.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // A failed build (data missing, another fingerprint, cancelled) is tried again by the next item, not remembered.
            _cache.TryRemove(KeyValuePair.Create(key, lazy));
            throw;
        }
    }

    private async Task<IFitnessEvaluator> BuildAsync(IStrategy strategy, PinnedWindow window, CancellationToken cancellationToken)
    {
        var panel = await _data.LoadAsync(strategy, cancellationToken).ConfigureAwait(false);
        string fingerprint;
        try
        {
            fingerprint = DataFingerprint.Compute(panel, window);
        }
        catch (PinnedWindowException e)
        {
            throw new EvaluationWorkException(
                $"Node {_node} cannot evaluate {strategy.Name}: its data ({_data.Description}) does not cover the pinned window ({e.Message}). Fix: give every research node the same data.", e);
        }
        if (!string.Equals(fingerprint, window.DataFingerprint, StringComparison.Ordinal))
        {
            throw new EvaluationWorkException(
                $"Node {_node} has data fingerprint {fingerprint} ({_data.Description}), the population of {strategy.Name} pinned {window.DataFingerprint}. Fix: give every research node the same data.");
        }
        return _evaluators.Create(strategy, panel, window);
    }
}
