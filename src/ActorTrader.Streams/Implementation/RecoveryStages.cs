using System.Runtime.CompilerServices;
using ActorTrader.Actors;

namespace ActorTrader.Streams.Implementation;

/// <summary>Stages that act on upstream failure or termination: Recover, RecoverWithRetries, WatchTermination.</summary>
internal static class RecoveryStages
{
    public static Stage<T, T> Recover<T>(Func<Exception, Option<T>> recover) => (upstream, _, _) => RecoverIterator(upstream, recover);

    private static async IAsyncEnumerable<T> RecoverIterator<T>(IAsyncEnumerable<T> upstream, Func<Exception, Option<T>> recover,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var enumerator = upstream.GetAsyncEnumerator(cancellationToken);
        Option<T> last = default;
        try
        {
            while (true)
            {
                bool hasNext;
                try
                {
                    hasNext = await enumerator.MoveNextAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (!Supervise.IsCancellation(e, cancellationToken))
                {
                    last = recover(e);
                    if (!last.HasValue) throw;
                    break;
                }
                if (!hasNext) break;
                yield return enumerator.Current;
            }
        }
        finally
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }
        if (last.HasValue) yield return last.Value;
    }

    public static Stage<T, T> RecoverWithRetries<T, TMat>(Func<Exception, Source<T, TMat>?> recover, int attempts) =>
        (upstream, materializer, attributes) => RecoverWithRetriesIterator(upstream, recover, attempts, materializer, attributes);

    private static async IAsyncEnumerable<T> RecoverWithRetriesIterator<T, TMat>(IAsyncEnumerable<T> upstream, Func<Exception, Source<T, TMat>?> recover,
        int attempts, ActorMaterializer materializer, Attributes attributes, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var current = upstream;
        var attemptsLeft = attempts;
        while (true)
        {
            Source<T, TMat>? replacement = null;
            var enumerator = current.GetAsyncEnumerator(cancellationToken);
            try
            {
                while (true)
                {
                    bool hasNext;
                    try
                    {
                        hasNext = await enumerator.MoveNextAsync().ConfigureAwait(false);
                    }
                    catch (Exception e) when (!Supervise.IsCancellation(e, cancellationToken) && attemptsLeft != 0)
                    {
                        replacement = recover(e);
                        if (replacement is null) throw;
                        break;
                    }
                    if (!hasNext) break;
                    yield return enumerator.Current;
                }
            }
            finally
            {
                await enumerator.DisposeAsync().ConfigureAwait(false);
            }
            if (replacement is null) yield break;
            if (attemptsLeft > 0) attemptsLeft--;
            current = replacement.Materialize(materializer, attributes).Stream;
        }
    }

    /// <summary>Passes elements through and completes <paramref name="termination"/> once upstream has been disposed.</summary>
    public static IAsyncEnumerable<T> WatchTermination<T>(IAsyncEnumerable<T> upstream, TaskCompletionSource<Done> termination)
    {
        var tracked = new TrackedUpstream<T>(upstream);
        return new DisposeHook<T>(WatchTerminationIterator(tracked, termination), async () =>
        {
            await tracked.CancelIfNeverOpenedAsync().ConfigureAwait(false);
            termination.TrySetResult(Done.Instance);
        });
    }

    private static async IAsyncEnumerable<T> WatchTerminationIterator<T>(TrackedUpstream<T> upstream, TaskCompletionSource<Done> termination,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Exception? failure = null;
        var enumerator = upstream.GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                bool hasNext;
                try
                {
                    hasNext = await enumerator.MoveNextAsync().ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    failure = e;
                    throw;
                }
                if (!hasNext) break;
                yield return enumerator.Current;
            }
        }
        finally
        {
            try
            {
                await enumerator.DisposeAsync().ConfigureAwait(false);
            }
            finally
            {
                // Completion (or downstream cancellation) is success; an upstream error fails the task.
                if (failure is null) termination.TrySetResult(Done.Instance);
                else termination.TrySetException(failure);
            }
        }
    }
}
