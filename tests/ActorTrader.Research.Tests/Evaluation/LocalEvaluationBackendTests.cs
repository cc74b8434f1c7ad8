using ActorTrader.Research.Evaluation;
using ActorTrader.Research.Fitness;
using ActorTrader.Research.Genetics;
using ActorTrader.Research.Synthetic;
using ActorTrader.Research.Tests.Fitness;
using ActorTrader.Streams;

namespace ActorTrader.Research.Tests.Evaluation;

/// <summary>The local backend: a bounded stream of evaluations, results in request order, failures isolated per genome.</summary>
public sealed class LocalEvaluationBackendTests : TestKit.TestKit
{
    private static readonly PlantedMarket Market = PlantedMarket.Create(seed: 1);

    private static IReadOnlyList<Genome> Genomes(int count) =>
        [.. Enumerable.Range(0, count).Select(i => Breakout.Genome(("hold_bars", 2 + i)))];

    [Fact]
    public async Task Results_come_back_in_request_order_and_equal_the_evaluators_own()
    {
        var genomes = Genomes(6);
        var backend = new LocalEvaluationBackend(Sys.Materializer(), parallelism: 3);

        var results = await backend.EvaluateAsync(Market.Evaluator, genomes);

        Assert.Equal(genomes.Select(g => Market.Evaluator.Evaluate(g).Fitness), results.Select(r => r.Fitness));
    }

    [Fact]
    public async Task Evaluations_that_finish_in_reverse_order_still_come_back_in_request_order()
    {
        var genomes = Genomes(4);
        var reversed = new Reversed(Market.Evaluator, genomes);
        var backend = new LocalEvaluationBackend(Sys.Materializer(), parallelism: genomes.Count);

        var results = await backend.EvaluateAsync(reversed, genomes);

        Assert.Equal([3, 2, 1, 0], reversed.Finished);
        Assert.Equal(genomes.Select(g => Market.Evaluator.Evaluate(g).Fitness), results.Select(r => r.Fitness));
    }

    [Fact]
    public async Task An_evaluator_that_throws_gives_that_genome_the_worst_fitness_and_the_others_are_scored()
    {
        var genomes = Genomes(4);
        var evaluator = new Throwing(Market.Evaluator, genomes[1]);
        var backend = new LocalEvaluationBackend(Sys.Materializer(), parallelism: 2);

        var results = await backend.EvaluateAsync(evaluator, genomes);

        Assert.True(results[1].IsWorst);
        Assert.Equal(FitnessResult.WorstFitness, results[1].Fitness);
        Assert.Contains("the evaluator threw InvalidOperationException: division by zero", results[1].Reason);
        Assert.All(new[] { results[0], results[2], results[3] }, r => Assert.Null(r.Reason));
    }

    [Fact]
    public async Task No_more_evaluations_run_at_once_than_the_parallelism()
    {
        var counting = new Concurrency(Market.Evaluator);
        var backend = new LocalEvaluationBackend(Sys.Materializer(), parallelism: 2);

        await backend.EvaluateAsync(counting, Genomes(8));

        Assert.InRange(counting.Peak, 1, 2);
        Assert.Equal(8, counting.Calls);
    }

    [Fact]
    public async Task Cancelling_the_batch_ends_it_with_a_cancellation()
    {
        using var cancel = new CancellationTokenSource();
        var evaluator = new CancelOnFirst(Market.Evaluator, cancel);
        var backend = new LocalEvaluationBackend(Sys.Materializer(), parallelism: 1);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => backend.EvaluateAsync(evaluator, Genomes(5), cancel.Token));
    }

    [Fact]
    public void A_parallelism_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new LocalEvaluationBackend(Sys.Materializer(), parallelism: 0));
    }

    /// <summary>Each genome's evaluation finishes only after the next genome's has: completion order is the reverse of request order.</summary>
    private sealed class Reversed(IFitnessEvaluator inner, IReadOnlyList<Genome> genomes) : IFitnessEvaluator
    {
        private readonly ManualResetEventSlim[] _done = [.. genomes.Select(_ => new ManualResetEventSlim())];
        private readonly System.Collections.Concurrent.ConcurrentQueue<int> _finished = new();

        public IReadOnlyList<int> Finished => [.. _finished];

        public PinnedWindow Window => inner.Window;

        public FitnessResult Evaluate(Genome genome, CancellationToken cancellationToken = default)
        {
            var index = genomes.ToList().IndexOf(genome);
            var result = inner.Evaluate(genome, cancellationToken);
            if (index + 1 < _done.Length && !_done[index + 1].Wait(TimeSpan.FromMinutes(1), cancellationToken))
                throw new TimeoutException($"genome {index + 1} never finished");
            _finished.Enqueue(index);
            _done[index].Set();
            return result;
        }
    }

    private sealed class Throwing(IFitnessEvaluator inner, Genome bad) : IFitnessEvaluator
    {
        public PinnedWindow Window => inner.Window;

        public FitnessResult Evaluate(Genome genome, CancellationToken cancellationToken = default) =>
            genome == bad ? throw new InvalidOperationException("division by zero") : inner.Evaluate(genome, cancellationToken);
    }

    private sealed class Concurrency(IFitnessEvaluator inner) : IFitnessEvaluator
    {
        private int _running;
        private int _peak;
        private int _calls;

        public int Peak => Volatile.Read(ref _peak);

        public int Calls => Volatile.Read(ref _calls);

        public PinnedWindow Window => inner.Window;

        public FitnessResult Evaluate(Genome genome, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            var now = Interlocked.Increment(ref _running);
            int peak;
            while (now > (peak = Volatile.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, now, peak) != peak)
            {
            }
            try
            {
                return inner.Evaluate(genome, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        }
    }

    private sealed class CancelOnFirst(IFitnessEvaluator inner, CancellationTokenSource cancel) : IFitnessEvaluator
    {
        public PinnedWindow Window => inner.Window;

        public FitnessResult Evaluate(Genome genome, CancellationToken cancellationToken = default)
        {
            cancel.Cancel();
            cancellationToken.ThrowIfCancellationRequested();
            return inner.Evaluate(genome, cancellationToken);
        }
    }
}
