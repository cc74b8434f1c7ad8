using System.Runtime.CompilerServices;
using ActorTrader.Streams.Supervision;

namespace ActorTrader.Streams.Implementation;

/// <summary>
/// Broadcast, Partition and AlsoTo: every element goes to all branches (or the one the partitioner picks). A branch
/// that is full backpressures upstream; a branch whose sink has cancelled is skipped; when all have, upstream is cancelled.
/// </summary>
internal static class FanOutStages
{
    public static IReadOnlyList<TMat> Materialize<T, TMat>(IAsyncEnumerable<T> upstream, IReadOnlyList<Sink<T, TMat>> sinks, Func<T, int>? partitioner,
        ActorMaterializer materializer, Attributes attributes, string kind)
    {
        var capacity = Supervise.InputBufferOf(attributes);
        var branches = sinks.Select(_ => new Branch<T>(capacity)).ToArray();
        var values = sinks.Select((sink, i) => sink.Materialize(branches[i].ReadAllAsync(), materializer, attributes)).ToList();
        var stage = Supervise.StageName(attributes, kind);
        _ = Task.Run(() => Drive(upstream, branches, partitioner, Supervise.DeciderOf(attributes), stage, materializer.ShutdownToken), CancellationToken.None);
        return values;
    }

    // Never throws: upstream errors fail every branch.
    private static async Task Drive<T>(IAsyncEnumerable<T> upstream, Branch<T>[] branches, Func<T, int>? partitioner, Decider decider, string stage,
        CancellationToken cancellationToken)
    {
        // Upstream is cancelled the moment the last branch goes, even while it is waiting for its next element.
        using var allGone = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var remaining = branches.Length;
        var registrations = branches
            .Select(b => b.Gone.Register(() =>
            {
                if (Interlocked.Decrement(ref remaining) == 0) allGone.Cancel();
            }))
            .ToList();
        try
        {
            await using var enumerator = upstream.GetAsyncEnumerator(allGone.Token);
            while (!allGone.IsCancellationRequested && await enumerator.MoveNextAsync().ConfigureAwait(false))
            {
                var element = enumerator.Current;
                if (partitioner is null)
                {
                    foreach (var branch in branches) await branch.WriteAsync(element).ConfigureAwait(false);
                    continue;
                }
                int index;
                try
                {
                    index = partitioner(element);
                    if (index < 0 || index >= branches.Length)
                        throw new ArgumentOutOfRangeException(nameof(partitioner), index, $"The partitioner chose output {index}, but there are outputs 0 to {branches.Length - 1}. Fix: return an index in that range.");
                }
                catch (Exception e)
                {
                    Supervise.Decide(decider, e, stage, element);
                    continue;
                }
                await branches[index].WriteAsync(element).ConfigureAwait(false);
            }
            foreach (var branch in branches) branch.Complete();
        }
        catch (Exception e) when (Supervise.IsCancellation(e, allGone.Token) && !cancellationToken.IsCancellationRequested)
        {
            // Every branch has gone: nobody is left to tell.
        }
        catch (Exception e)
        {
            foreach (var branch in branches) branch.Complete(e);
        }
        finally
        {
            // Disposing waits for a running callback, so none touches allGone after it is disposed.
            foreach (var registration in registrations) await registration.DisposeAsync().ConfigureAwait(false);
        }
    }

    public static Stage<T, T> AlsoTo<T, TMat>(Sink<T, TMat> sink, Action<TMat>? onMaterialized = null) =>
        (upstream, materializer, attributes) =>
        {
            var branch = new Branch<T>(Supervise.InputBufferOf(attributes));
            var value = sink.Materialize(branch.ReadAllAsync(), materializer, attributes);
            onMaterialized?.Invoke(value);
            // Cancelled before its first pull, the iterator never runs: the hook still cancels upstream and completes the side.
            var tracked = new TrackedUpstream<T>(upstream);
            return new DisposeHook<T>(AlsoToIterator(tracked, branch), async () =>
            {
                try
                {
                    await tracked.CancelIfNeverOpenedAsync().ConfigureAwait(false);
                }
                finally
                {
                    branch.Complete();
                }
            });
        };

    private static async IAsyncEnumerable<T> AlsoToIterator<T>(TrackedUpstream<T> upstream, Branch<T> side, [EnumeratorCancellation] CancellationToken cancellationToken = default)
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
                await side.WriteAsync(enumerator.Current).ConfigureAwait(false);
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
                side.Complete(failure);
            }
        }
    }
}
