using ActorTrader.Actors;
using ActorTrader.Streams.Implementation;

namespace ActorTrader.Streams;

/// <summary>Creates sources (Akka.Streams' <c>Source</c>).</summary>
public static class Source
{
    /// <summary>Emits the elements of <paramref name="items"/>; cancelling the stream disposes its enumerator (runs its finally blocks).</summary>
    public static Source<T, NotUsed> From<T>(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new((_, _) => (new EnumerableSource<T>(items), NotUsed.Instance));
    }

    /// <summary>Emits the elements of an async sequence; the stream's cancellation reaches it through its enumerator's token.</summary>
    public static Source<T, NotUsed> FromAsyncEnumerable<T>(IAsyncEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new((_, _) => (items, NotUsed.Instance));
    }

    /// <summary>Emits the elements of a fresh async sequence per run.</summary>
    public static Source<T, NotUsed> FromAsyncEnumerable<T>(Func<IAsyncEnumerable<T>> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new((_, _) => (factory(), NotUsed.Instance));
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720", Justification = "Akka.Streams' name: Source.Single.")]
    public static Source<T, NotUsed> Single<T>(T element) => From([element]);

    public static Source<T, NotUsed> Empty<T>() => From(Array.Empty<T>());

    /// <summary>Fails at once with <paramref name="cause"/>.</summary>
    public static Source<T, NotUsed> Failed<T>(Exception cause)
    {
        ArgumentNullException.ThrowIfNull(cause);
        return new((_, _) => (SimpleSources.Failed<T>(cause), NotUsed.Instance));
    }

    /// <summary>Emits <paramref name="element"/> forever (use with Take).</summary>
    public static Source<T, NotUsed> Repeat<T>(T element) => From(Forever(element));

    private static IEnumerable<T> Forever<T>(T element)
    {
        while (true) yield return element;
    }

    /// <summary>Emits the task's result, or fails with its error.</summary>
    public static Source<T, NotUsed> FromTask<T>(Task<T> task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new((_, _) => (SimpleSources.FromTask(task), NotUsed.Instance));
    }

    /// <summary>Emits elements computed from a state until the function returns None.</summary>
    public static Source<T, NotUsed> Unfold<TState, T>(TState state, Func<TState, Option<(TState State, T Element)>> unfold)
    {
        ArgumentNullException.ThrowIfNull(unfold);
        return From(UnfoldSequence(state, unfold));
    }

    private static IEnumerable<T> UnfoldSequence<TState, T>(TState state, Func<TState, Option<(TState State, T Element)>> unfold)
    {
        while (unfold(state) is { HasValue: true } next)
        {
            state = next.Value.State;
            yield return next.Value.Element;
        }
    }

    /// <summary>Emits elements computed asynchronously from a state (paged fetches) until the function returns None.</summary>
    public static Source<T, NotUsed> UnfoldAsync<TState, T>(TState state, Func<TState, Task<Option<(TState State, T Element)>>> unfold)
    {
        ArgumentNullException.ThrowIfNull(unfold);
        return new((_, _) => (SimpleSources.UnfoldAsync(state, unfold), NotUsed.Instance));
    }

    /// <summary>
    /// A source fed through the materialized queue. <see cref="ISourceQueue{T}.OfferAsync"/> reports what happened to
    /// each element; with <see cref="OverflowStrategy.Backpressure"/> it completes only once the buffer has room
    /// (<paramref name="bufferSize"/> may then be 0: each offer waits for the stream to take it).
    /// </summary>
    public static Source<T, ISourceQueueWithComplete<T>> Queue<T>(int bufferSize, OverflowStrategy overflowStrategy)
    {
        _ = new StreamBuffer<T>(bufferSize, overflowStrategy); // validates the arguments now rather than at run time
        return new((_, _) =>
        {
            var buffer = new StreamBuffer<T>(bufferSize, overflowStrategy);
            return (buffer.ReadAllAsync(), new SourceQueue<T>(buffer));
        });
    }

    /// <summary>
    /// Emits what is written to the channel behind <paramref name="reader"/> (Akka.Streams' <c>ChannelSource.FromReader</c>).
    /// Elements are read only as the stream pulls, so writers of a bounded channel are backpressured; completing the writer
    /// completes the stream, completing it with an error fails the stream with that error. The channel is not completed
    /// when the stream is cancelled: its writer owns it.
    /// </summary>
    public static Source<T, NotUsed> ChannelReader<T>(System.Threading.Channels.ChannelReader<T> reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new((_, _) => (ChannelSource.Read(reader), NotUsed.Instance));
    }

    /// <summary>
    /// A source fed by messages to the materialized actor: messages of type <typeparamref name="T"/> become elements,
    /// <see cref="Status.Success"/> or stopping the actor completes the stream, <see cref="Status.Failure"/> fails it.
    /// There is no backpressure towards senders, so <see cref="OverflowStrategy.Backpressure"/> is not allowed.
    /// </summary>
    public static Source<T, IActorRef> ActorRef<T>(int bufferSize, OverflowStrategy overflowStrategy)
    {
        if (overflowStrategy == OverflowStrategy.Backpressure)
            throw new ArgumentException("Source.ActorRef cannot backpressure the actors that send to it. Fix: choose a dropping strategy or Fail, or use Source.Queue for backpressure.",
                nameof(overflowStrategy));
        _ = new StreamBuffer<T>(bufferSize, overflowStrategy);
        return new((materializer, _) =>
        {
            IActorRef? actor = null;
            var buffer = new StreamBuffer<T>(bufferSize, overflowStrategy, onReaderGone: () => materializer.System.Stop(actor!));
            actor = materializer.System.ActorOf(Props.Create(() => new ActorRefSourceActor<T>(buffer)));
            return (buffer.ReadAllAsync(), actor);
        });
    }

    /// <summary>
    /// Emits <paramref name="tick"/> after <paramref name="initialDelay"/> and then every <paramref name="interval"/>, on the
    /// materializer's scheduler. Ticks a slow consumer has no room for are dropped. Cancelling the materialized handle completes the stream.
    /// </summary>
    public static Source<T, ICancelable> Tick<T>(TimeSpan initialDelay, TimeSpan interval, T tick)
    {
        if (interval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(interval), interval, "A tick interval must be positive.");
        return new((materializer, _) =>
        {
            var handle = new Cancelable();
            return (TimedStages.TickIterator(materializer.Scheduler, initialDelay, interval, tick, handle), handle);
        });
    }

    /// <summary>Emits the elements of all <paramref name="sources"/> as they arrive; completes when all have.</summary>
    public static Source<T, IReadOnlyList<TMat>> Merge<T, TMat>(IEnumerable<Source<T, TMat>> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var list = sources.ToList();
        if (list.Count == 0) throw new ArgumentException("Merge needs at least one source.", nameof(sources));
        return new((materializer, attributes) =>
        {
            var materialized = list.Select(s => s.Materialize(materializer, attributes)).ToList();
            var stream = MergeStage.Create(materialized.Select(m => m.Stream).ToList(), Supervise.InputBufferOf(attributes), eagerComplete: false);
            return (stream, materialized.Select(m => m.Value).ToList());
        });
    }
}
