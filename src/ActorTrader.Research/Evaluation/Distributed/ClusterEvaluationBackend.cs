using ActorTrader.Cluster.WorkQueues;
using ActorTrader.Research.Fitness;
using ActorTrader.Research.Genetics;

namespace ActorTrader.Research.Evaluation.Distributed;

/// <summary>
/// Evaluates a generation on every research node of the cluster: one item per distinct genome on the work queue
/// (<see cref="ClusterEvaluationSettings.Queue"/>, key <see cref="EvaluationWorkKey"/>, payload <see cref="EvaluationWork"/>),
/// done by the nodes' <see cref="WorkQueueWorker"/>s with an <see cref="EvaluationWorkHandler"/>, then the outcomes read
/// until every item is done or dead and the results returned in request order. The results are the local backend's,
/// bit for bit: each worker rebuilds the same evaluator (the same window, data fingerprint and settings, checked) and
/// evaluates through <see cref="LocalEvaluationBackend.Isolated"/>. An item that used up its attempts (its evaluation kept
/// failing on the nodes, or the nodes refused it) scores <see cref="FitnessResult.Worst"/> with the last error. Items are
/// keyed deterministically and deleted only once the whole generation is read, so a population re-running a generation
/// after a crash reuses every result already computed; cancelling leaves the items for that re-run.
/// </summary>
public sealed class ClusterEvaluationBackend : IEvaluationBackend
{
    private readonly WorkQueue _queue;
    private readonly ClusterEvaluationSettings _settings;
    private readonly TimeProvider _time;

    /// <param name="workers">The evaluations the cluster runs at once (research nodes × their parallelism), for status and logs.</param>
    public ClusterEvaluationBackend(WorkQueue queue, int workers, ClusterEvaluationSettings? settings = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        _settings = settings ?? ClusterEvaluationSettings.Default;
        _settings.Validate();
        _queue = queue;
        _time = timeProvider ?? TimeProvider.System;
        Workers = workers;
    }

    public string Name => $"cluster {_settings.Queue}";

    public int Workers { get; }

    public async Task<IReadOnlyList<FitnessResult>> EvaluateAsync(IFitnessEvaluator evaluator, IReadOnlyList<Genome> genomes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(genomes);
        if (genomes.Count == 0) return [];
        cancellationToken.ThrowIfCancellationRequested();
        var window = evaluator.Window;
        var identity = EvaluatorIdentity.Of(evaluator);
        var keys = genomes.Select(g => EvaluationWorkKey.Of(window, identity, g)).ToList();
        var requests = genomes
            .Select((genome, i) => new WorkRequest(keys[i], EvaluationJson.Write(WorkOf(genome, window, identity)), _settings.MaxAttempts))
            .DistinctBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
        var distinct = requests.Select(r => r.Key).ToList();
        await _queue.EnqueueAsync(_settings.Queue, requests, cancellationToken).ConfigureAwait(false);
        var outcomes = await AwaitOutcomesAsync(requests, cancellationToken).ConfigureAwait(false);
        var results = genomes.Select((genome, i) => ResultOf(genome, outcomes[keys[i]], window)).ToList();
        if (!_settings.KeepFinished) await _queue.DeleteAsync(_settings.Queue, distinct, cancellationToken).ConfigureAwait(false);
        return results;
    }

    private static EvaluationWork WorkOf(Genome genome, PinnedWindow window, string identity) =>
        new(genome.Strategy, genome.Parameters.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal), genome.Rule?.ToString(), window, identity);

    private async Task<IReadOnlyDictionary<string, WorkOutcome>> AwaitOutcomesAsync(IReadOnlyList<WorkRequest> requests, CancellationToken cancellationToken)
    {
        var keys = requests.Select(r => r.Key).ToList();
        while (true)
        {
            var outcomes = await _queue.ReadOutcomesAsync(_settings.Queue, keys, cancellationToken).ConfigureAwait(false);
            // An item deleted under us (another run's cleanup of the same evaluation) is enqueued again rather than awaited forever.
            var missing = requests.Where(r => !outcomes.ContainsKey(r.Key)).ToList();
            if (missing.Count > 0) await _queue.EnqueueAsync(_settings.Queue, missing, cancellationToken).ConfigureAwait(false);
            else if (outcomes.Values.All(o => o.IsFinished)) return outcomes;
            await Task.Delay(_settings.PollInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static FitnessResult ResultOf(Genome genome, WorkOutcome outcome, PinnedWindow window)
    {
        if (outcome.Status != WorkStatus.Done || outcome.Result is null)
            return FitnessResult.Worst(window, $"{genome.Key}: the cluster evaluation failed after {outcome.Attempts} attempt(s) (last by {outcome.CompletedBy ?? "no worker"}): {outcome.Error}");
        try
        {
            // The worker checked that its window equals this one; the population compares windows, so hand back its own.
            return EvaluationJson.ReadResult(outcome.Result, outcome.Key) with { Window = window };
        }
        catch (EvaluationWorkException e) // one unreadable result scores worst, as a throwing evaluation does locally
        {
            return FitnessResult.Worst(window, $"{genome.Key}: {e.Message}");
        }
    }
}
