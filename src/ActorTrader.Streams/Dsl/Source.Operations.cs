using ActorTrader.Actors;
using ActorTrader.Streams.Implementation;

namespace ActorTrader.Streams;

// The operators, as in Akka.Streams' DSL; Flow has the same set (Flow.Operations.cs).
public sealed partial class Source<TOut, TMat>
{
    /// <summary>Transforms each element. A throwing selector fails the stream with the element, unless the decider resumes.</summary>
    public Source<T2, TMat> Select<T2>(Func<TOut, T2> selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return Append(TransformStages.Select(selector));
    }

    /// <summary>Keeps the elements that satisfy <paramref name="predicate"/>.</summary>
    public Source<TOut, TMat> Where(Func<TOut, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return Append(TransformStages.Where(predicate, keepWhenTrue: true, "Where"));
    }

    /// <summary>Drops the elements that satisfy <paramref name="predicate"/>.</summary>
    public Source<TOut, TMat> WhereNot(Func<TOut, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return Append(TransformStages.Where(predicate, keepWhenTrue: false, "WhereNot"));
    }

    /// <summary>Emits every element of the sequence each element maps to (flattens batches).</summary>
    public Source<T2, TMat> SelectMany<T2>(Func<TOut, IEnumerable<T2>> selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return Append(TransformStages.SelectMany(selector));
    }

    /// <summary>
    /// Runs up to <paramref name="parallelism"/> tasks at once and emits their results in upstream order. A failed task
    /// fails the stream with its element, unless the decider resumes (the element is dropped).
    /// </summary>
    public Source<T2, TMat> SelectAsync<T2>(int parallelism, Func<TOut, Task<T2>> selector) =>
        Append(SelectAsyncStage.Create(parallelism, selector, ordered: true));

    /// <summary>Like <see cref="SelectAsync{T2}"/>, but emits results as their tasks complete.</summary>
    public Source<T2, TMat> SelectAsyncUnordered<T2>(int parallelism, Func<TOut, Task<T2>> selector) =>
        Append(SelectAsyncStage.Create(parallelism, selector, ordered: false));

    /// <summary>Emits <paramref name="zero"/>, then each running total. Restart resets the total to <paramref name="zero"/>.</summary>
    public Source<TAcc, TMat> Scan<TAcc>(TAcc zero, Func<TAcc, TOut, TAcc> scan)
    {
        ArgumentNullException.ThrowIfNull(scan);
        return Append(TransformStages.Scan(zero, scan));
    }

    /// <summary>Emits one element, the fold of all elements, when upstream completes.</summary>
    public Source<TAcc, TMat> Aggregate<TAcc>(TAcc zero, Func<TAcc, TOut, TAcc> aggregate)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        return Append(TransformStages.Aggregate(zero, aggregate));
    }

    /// <summary>Emits the first <paramref name="count"/> elements, then completes and cancels upstream.</summary>
    public Source<TOut, TMat> Take(long count) => Append(TransformStages.Take<TOut>(count));

    public Source<TOut, TMat> TakeWhile(Func<TOut, bool> predicate, bool inclusive = false)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return Append(TransformStages.TakeWhile(predicate, inclusive));
    }

    public Source<TOut, TMat> Skip(long count) => Append(TransformStages.Skip<TOut>(count));

    public Source<TOut, TMat> SkipWhile(Func<TOut, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return Append(TransformStages.SkipWhile(predicate));
    }

    /// <summary>Emits groups of <paramref name="size"/> elements (the last one may be smaller).</summary>
    public Source<IReadOnlyList<TOut>, TMat> Grouped(int size)
    {
        if (size < 1) throw new ArgumentOutOfRangeException(nameof(size), size, "Grouped needs a group size of at least 1.");
        return Append(TransformStages.Grouped<TOut>(size));
    }

    /// <summary>Emits a group when it has <paramref name="size"/> elements or <paramref name="window"/> after its first element, whichever comes first.</summary>
    public Source<IReadOnlyList<TOut>, TMat> GroupedWithin(int size, TimeSpan window) => Append(TimedStages.GroupedWithin<TOut>(size, window));

    /// <summary>Lets upstream run up to <paramref name="size"/> elements ahead; when full, <paramref name="strategy"/> decides.</summary>
    public Source<TOut, TMat> Buffer(int size, OverflowStrategy strategy) => Append(BufferStage.Create<TOut>(size, strategy));

    /// <summary>At most <paramref name="elements"/> per <paramref name="per"/>, with bursts up to <paramref name="maximumBurst"/>.</summary>
    public Source<TOut, TMat> Throttle(int elements, TimeSpan per, int maximumBurst, ThrottleMode mode) =>
        Append(TimedStages.Throttle<TOut>(elements, per, maximumBurst, mode));

    /// <summary>Shapes to at most <paramref name="elements"/> per <paramref name="per"/>, bursts up to <paramref name="elements"/>.</summary>
    public Source<TOut, TMat> Throttle(int elements, TimeSpan per) => Throttle(elements, per, elements, ThrottleMode.Shaping);

    /// <summary>On upstream failure, emits the element <paramref name="recover"/> returns and completes; None lets the failure through.</summary>
    public Source<TOut, TMat> Recover(Func<Exception, Option<TOut>> recover)
    {
        ArgumentNullException.ThrowIfNull(recover);
        return Append(RecoveryStages.Recover(recover));
    }

    /// <summary>On upstream failure, continues with the source <paramref name="recover"/> returns (null lets the failure through), at most <paramref name="attempts"/> times (-1: no limit).</summary>
    public Source<TOut, TMat> RecoverWithRetries<TMat2>(Func<Exception, Source<TOut, TMat2>?> recover, int attempts)
    {
        ArgumentNullException.ThrowIfNull(recover);
        if (attempts < -1) throw new ArgumentOutOfRangeException(nameof(attempts), attempts, "Attempts must be -1 (no limit) or more.");
        return Append(RecoveryStages.RecoverWithRetries(recover, attempts));
    }

    /// <summary>An asynchronous boundary: what is upstream runs on its own task, up to the input buffer (default 16) elements ahead.</summary>
    public Source<TOut, TMat> Async() => Append(Pump.Boundary<TOut>());

    /// <summary>Emits this source's elements, then <paramref name="other"/>'s.</summary>
    public Source<TOut, TMat> Concat<TMat2>(Source<TOut, TMat2> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Append(TransformStages.Concat(other));
    }

    /// <summary>Emits the elements of this source and <paramref name="other"/> as they arrive; completes when both have (or the first, when eager).</summary>
    public Source<TOut, TMat> Merge<TMat2>(Source<TOut, TMat2> other, bool eagerComplete = false)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Append((upstream, materializer, attributes) =>
            MergeStage.Create([upstream, other.Materialize(materializer, attributes).Stream], Supervise.InputBufferOf(attributes), eagerComplete));
    }

    /// <summary>Also sends every element to <paramref name="sink"/> (backpressured by both); keeps this source's materialized value.</summary>
    public Source<TOut, TMat> AlsoTo<TMat2>(Sink<TOut, TMat2> sink) => AlsoToMaterialized(sink, Keep.Left);

    public Source<TOut, TMat3> AlsoToMaterialized<TMat2, TMat3>(Sink<TOut, TMat2> sink, Func<TMat, TMat2, TMat3> combine)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(combine);
        return new((materializer, attributes) =>
        {
            var (stream, left) = Materialize(materializer, attributes);
            TMat2 right = default!;
            var output = FanOutStages.AlsoTo<TOut, TMat2>(sink, value => right = value)(stream, materializer, attributes);
            return (output, combine(left, right));
        });
    }

    /// <summary>Materializes a task that completes when this point of the stream terminates: success on completion or cancellation, failure with upstream's error.</summary>
    public Source<TOut, TMat2> WatchTermination<TMat2>(Func<TMat, Task<Done>, TMat2> combine)
    {
        ArgumentNullException.ThrowIfNull(combine);
        return new((materializer, attributes) =>
        {
            var (stream, value) = Materialize(materializer, attributes);
            var termination = new TaskCompletionSource<Done>(TaskCreationOptions.RunContinuationsAsynchronously);
            return (RecoveryStages.WatchTermination(stream, termination), combine(value, termination.Task));
        });
    }
}
