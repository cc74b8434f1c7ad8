using System.Runtime.CompilerServices;
using ActorTrader.Streams.Supervision;

namespace ActorTrader.Streams.Implementation;

/// <summary>Synchronous one-element-at-a-time stages: no buffering, no task per element.</summary>
internal static class TransformStages
{
    public static Stage<TIn, TOut> Select<TIn, TOut>(Func<TIn, TOut> selector) =>
        (upstream, _, attributes) => SelectIterator(upstream, selector, Supervise.DeciderOf(attributes), Supervise.StageName(attributes, "Select"));

    private static async IAsyncEnumerable<TOut> SelectIterator<TIn, TOut>(IAsyncEnumerable<TIn> upstream, Func<TIn, TOut> selector, Decider decider, string stage,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var element in upstream.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            TOut result;
            try
            {
                result = selector(element);
            }
            catch (Exception e)
            {
                Supervise.Decide(decider, e, stage, element);
                continue;
            }
            yield return result;
        }
    }

    public static Stage<T, T> Where<T>(Func<T, bool> predicate, bool keepWhenTrue, string kind) =>
        (upstream, _, attributes) => WhereIterator(upstream, predicate, keepWhenTrue, Supervise.DeciderOf(attributes), Supervise.StageName(attributes, kind));

    private static async IAsyncEnumerable<T> WhereIterator<T>(IAsyncEnumerable<T> upstream, Func<T, bool> predicate, bool keepWhenTrue, Decider decider, string stage,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var element in upstream.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            bool keep;
            try
            {
                keep = predicate(element) == keepWhenTrue;
            }
            catch (Exception e)
            {
                Supervise.Decide(decider, e, stage, element);
                continue;
            }
            if (keep) yield return element;
        }
    }

    public static Stage<TIn, TOut> SelectMany<TIn, TOut>(Func<TIn, IEnumerable<TOut>> selector) =>
        (upstream, _, attributes) => SelectManyIterator(upstream, selector, Supervise.DeciderOf(attributes), Supervise.StageName(attributes, "SelectMany"));

    private static async IAsyncEnumerable<TOut> SelectManyIterator<TIn, TOut>(IAsyncEnumerable<TIn> upstream, Func<TIn, IEnumerable<TOut>> selector, Decider decider,
        string stage, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var element in upstream.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            IEnumerator<TOut> inner;
            try
            {
                inner = selector(element).GetEnumerator();
            }
            catch (Exception e)
            {
                Supervise.Decide(decider, e, stage, element);
                continue;
            }
            using (inner)
            {
                while (true)
                {
                    bool hasNext;
                    try
                    {
                        hasNext = inner.MoveNext();
                    }
                    catch (Exception e)
                    {
                        // Resume and restart skip what is left of this element's outputs.
                        Supervise.Decide(decider, e, stage, element);
                        break;
                    }
                    if (!hasNext) break;
                    yield return inner.Current;
                }
            }
        }
    }

    public static Stage<TIn, TAcc> Scan<TIn, TAcc>(TAcc zero, Func<TAcc, TIn, TAcc> scan) =>
        (upstream, _, attributes) => ScanIterator(upstream, zero, scan, Supervise.DeciderOf(attributes), Supervise.StageName(attributes, "Scan"));

    private static async IAsyncEnumerable<TAcc> ScanIterator<TIn, TAcc>(IAsyncEnumerable<TIn> upstream, TAcc zero, Func<TAcc, TIn, TAcc> scan, Decider decider,
        string stage, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var state = zero;
        yield return state;
        await foreach (var element in upstream.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                state = scan(state, element);
            }
            catch (Exception e)
            {
                if (Supervise.Decide(decider, e, stage, element) == Directive.Restart) state = zero;
                continue;
            }
            yield return state;
        }
    }

    public static Stage<TIn, TAcc> Aggregate<TIn, TAcc>(TAcc zero, Func<TAcc, TIn, TAcc> aggregate) =>
        (upstream, _, attributes) => AggregateIterator(upstream, zero, aggregate, Supervise.DeciderOf(attributes), Supervise.StageName(attributes, "Aggregate"));

    private static async IAsyncEnumerable<TAcc> AggregateIterator<TIn, TAcc>(IAsyncEnumerable<TIn> upstream, TAcc zero, Func<TAcc, TIn, TAcc> aggregate,
        Decider decider, string stage, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var state = zero;
        await foreach (var element in upstream.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                state = aggregate(state, element);
            }
            catch (Exception e)
            {
                if (Supervise.Decide(decider, e, stage, element) == Directive.Restart) state = zero;
            }
        }
        yield return state;
    }

    public static Stage<T, T> Take<T>(long count) => (upstream, _, _) => TakeIterator(upstream, count);

    private static async IAsyncEnumerable<T> TakeIterator<T>(IAsyncEnumerable<T> upstream, long count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (count <= 0) yield break;
        var taken = 0L;
        await foreach (var element in upstream.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            yield return element;
            // Stop before pulling again: leaving the loop cancels upstream.
            if (++taken >= count) yield break;
        }
    }

    public static Stage<T, T> Skip<T>(long count) => (upstream, _, _) => SkipIterator(upstream, count);

    private static async IAsyncEnumerable<T> SkipIterator<T>(IAsyncEnumerable<T> upstream, long count, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var skipped = 0L;
        await foreach (var element in upstream.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (skipped < count)
            {
                skipped++;
                continue;
            }
            yield return element;
        }
    }

    public static Stage<T, T> TakeWhile<T>(Func<T, bool> predicate, bool inclusive) =>
        (upstream, _, attributes) => TakeWhileIterator(upstream, predicate, inclusive, Supervise.DeciderOf(attributes), Supervise.StageName(attributes, "TakeWhile"));

    private static async IAsyncEnumerable<T> TakeWhileIterator<T>(IAsyncEnumerable<T> upstream, Func<T, bool> predicate, bool inclusive, Decider decider,
        string stage, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var element in upstream.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            bool keepGoing;
            try
            {
                keepGoing = predicate(element);
            }
            catch (Exception e)
            {
                Supervise.Decide(decider, e, stage, element);
                continue;
            }
            if (keepGoing)
            {
                yield return element;
                continue;
            }
            if (inclusive) yield return element;
            yield break;
        }
    }

    public static Stage<T, T> SkipWhile<T>(Func<T, bool> predicate) =>
        (upstream, _, attributes) => SkipWhileIterator(upstream, predicate, Supervise.DeciderOf(attributes), Supervise.StageName(attributes, "SkipWhile"));

    private static async IAsyncEnumerable<T> SkipWhileIterator<T>(IAsyncEnumerable<T> upstream, Func<T, bool> predicate, Decider decider, string stage,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var skipping = true;
        await foreach (var element in upstream.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (skipping)
            {
                try
                {
                    skipping = predicate(element);
                }
                catch (Exception e)
                {
                    Supervise.Decide(decider, e, stage, element);
                    continue;
                }
                if (skipping) continue;
            }
            yield return element;
        }
    }

    public static Stage<T, IReadOnlyList<T>> Grouped<T>(int size) => (upstream, _, _) => GroupedIterator(upstream, size);

    private static async IAsyncEnumerable<IReadOnlyList<T>> GroupedIterator<T>(IAsyncEnumerable<T> upstream, int size,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var group = new List<T>(size);
        await foreach (var element in upstream.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            group.Add(element);
            if (group.Count < size) continue;
            yield return group;
            group = new List<T>(size);
        }
        if (group.Count > 0) yield return group;
    }

    public static Stage<T, T> Concat<T, TMat>(Source<T, TMat> next) =>
        (upstream, materializer, attributes) => ConcatIterator(upstream, next, materializer, attributes);

    private static async IAsyncEnumerable<T> ConcatIterator<T, TMat>(IAsyncEnumerable<T> upstream, Source<T, TMat> next, ActorMaterializer materializer,
        Attributes attributes, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var element in upstream.WithCancellation(cancellationToken).ConfigureAwait(false)) yield return element;
        // The second source is materialized only once the first has completed (its materialized value is not kept).
        var (stream, _) = next.Materialize(materializer, attributes);
        await foreach (var element in stream.WithCancellation(cancellationToken).ConfigureAwait(false)) yield return element;
    }
}
