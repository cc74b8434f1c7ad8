using System.Globalization;
using ActorTrader.Research.Fitness;
using ActorTrader.Research.Genetics;
using ActorTrader.Streams;

namespace ActorTrader.Research.Evaluation;

/// <summary>
/// Evaluates on this node: Source(genomes) → SelectAsync(parallelism, evaluate on the thread pool) → Sink.Seq, so at most
/// <see cref="Workers"/> evaluations run at once and results come back in request order. Each evaluation is isolated: an
/// evaluator that throws (the contract says it should not, but a bug must not stop a population) yields the worst fitness
/// with the exception named as the reason, and the other genomes go on.
/// </summary>
public sealed class LocalEvaluationBackend : IEvaluationBackend
{
    private readonly IMaterializer _materializer;

    public LocalEvaluationBackend(IMaterializer materializer, int parallelism)
    {
        ArgumentNullException.ThrowIfNull(materializer);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        _materializer = materializer;
        Workers = parallelism;
    }

    public string Name => string.Create(CultureInfo.InvariantCulture, $"local x{Workers}");

    public int Workers { get; }

    public async Task<IReadOnlyList<FitnessResult>> EvaluateAsync(IFitnessEvaluator evaluator, IReadOnlyList<Genome> genomes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(genomes);
        if (genomes.Count == 0) return [];
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<FitnessResult> results;
        try
        {
            results = await Source.From(genomes)
                .SelectAsync(Workers, genome => Task.Run(() => Isolated(evaluator, genome, cancellationToken), cancellationToken))
                .RunWith(Sink.Seq<FitnessResult>(), _materializer)
                .ConfigureAwait(false);
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && e is not OperationCanceledException)
        {
            // The stream reports a cancelled element as its own failure; the caller asked for cancellation, so say that.
            throw new OperationCanceledException("The evaluation of the generation was cancelled.", e, cancellationToken);
        }
        cancellationToken.ThrowIfCancellationRequested();
        return results;
    }

    /// <summary>The evaluator's result, or the worst fitness naming what it threw; cancellation of the caller's token propagates.</summary>
    public static FitnessResult Isolated(IFitnessEvaluator evaluator, Genome genome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(genome);
        try
        {
            return evaluator.Evaluate(genome, cancellationToken)
                ?? FitnessResult.Worst(evaluator.Window, $"{genome.Key}: the evaluator returned no result.");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) // one failing evaluation must not take the generation down: it scores worst, with the failure as the reason
        {
            return FitnessResult.Worst(evaluator.Window, $"{genome.Key}: the evaluator threw {e.GetType().Name}: {e.Message}");
        }
    }
}
