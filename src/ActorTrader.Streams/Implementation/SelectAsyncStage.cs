using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ActorTrader.Streams.Supervision;

namespace ActorTrader.Streams.Implementation;

/// <summary>
/// <c>SelectAsync</c> and <c>SelectAsyncUnordered</c>: a launcher task pulls an element only when one of the
/// <c>parallelism</c> slots is free, starts the user's task and hands it to the downstream side, which frees the slot
/// when it emits the result. So at most <c>parallelism</c> tasks are running or waiting to be emitted.
/// </summary>
internal static class SelectAsyncStage
{
    public static Stage<TIn, TOut> Create<TIn, TOut>(int parallelism, Func<TIn, Task<TOut>> selector, bool ordered)
    {
        if (parallelism < 1)
            throw new ArgumentOutOfRangeException(nameof(parallelism), parallelism, "SelectAsync needs a parallelism of at least 1. Fix: pass a positive number.");
        ArgumentNullException.ThrowIfNull(selector);
        var kind = ordered ? "SelectAsync" : "SelectAsyncUnordered";
        return (upstream, materializer, attributes) =>
        {
            var stage = Supervise.StageName(attributes, kind);
            return Iterator(upstream, parallelism, selector, ordered, Supervise.DeciderOf(attributes), stage,
                leftover => ReportLeftover(leftover, materializer, stage));
        };
    }

    private static async IAsyncEnumerable<TOut> Iterator<TIn, TOut>(IAsyncEnumerable<TIn> upstream, int parallelism, Func<TIn, Task<TOut>> selector,
        bool ordered, Decider decider, string stage, Action<Task> reportLeftover, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var results = Channel.CreateUnbounded<(TIn Element, Task<TOut> Result)>(new UnboundedChannelOptions { SingleReader = true });
        using var slots = new SemaphoreSlim(parallelism, parallelism);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var launcher = Launch(upstream, selector, ordered, slots, results.Writer, stage, reportLeftover, cancel.Token);
        Task<TOut>? awaited = null;
        try
        {
            while (await results.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (results.Reader.TryRead(out var item))
                {
                    TOut result;
                    awaited = item.Result;
                    try
                    {
                        result = item.Result.IsCompleted
                            ? await item.Result.ConfigureAwait(false)
                            : await item.Result.WaitAsync(cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception e) when (!Supervise.IsCancellation(e, cancellationToken))
                    {
                        awaited = null;
                        Supervise.Decide(decider, e, stage, item.Element);
                        slots.Release();
                        continue;
                    }
                    awaited = null;
                    slots.Release();
                    yield return result;
                }
            }
        }
        finally
        {
            // Late results have nowhere to go: closing the channel makes their writers report them instead.
            results.Writer.TryComplete();
            await cancel.CancelAsync().ConfigureAwait(false);
            await launcher.ConfigureAwait(false);
            if (awaited is not null) reportLeftover(awaited);
            while (results.Reader.TryRead(out var leftover)) reportLeftover(leftover.Result);
        }
    }

    /// <summary>A task the stage launched but will not emit (the stream failed or was cancelled): its error is logged, not left unobserved.</summary>
    private static void ReportLeftover(Task leftover, ActorMaterializer materializer, string stage) =>
        leftover.ContinueWith(t => materializer.ReportDetachedFailure(stage, t.Exception!.GetBaseException()),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    // Never throws: an upstream error completes the results channel with that error.
    private static async Task Launch<TIn, TOut>(IAsyncEnumerable<TIn> upstream, Func<TIn, Task<TOut>> selector, bool ordered, SemaphoreSlim slots,
        ChannelWriter<(TIn, Task<TOut>)> results, string stage, Action<Task> reportLeftover, CancellationToken cancellationToken)
    {
        await Task.Yield();
        // Unordered: the channel completes when upstream has ended and every launched task has reported.
        var outstanding = 1;
        Exception? failure = null;
        try
        {
            await using var enumerator = upstream.GetAsyncEnumerator(cancellationToken);
            while (true)
            {
                await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                if (!await enumerator.MoveNextAsync().ConfigureAwait(false)) break;
                var element = enumerator.Current;
                Task<TOut> task;
                try
                {
                    task = selector(element) ?? throw new InvalidOperationException($"The function of {stage} returned a null task. Fix: return a Task, for example Task.FromResult(value).");
                }
                catch (Exception e)
                {
                    task = Task.FromException<TOut>(e);
                }
                if (ordered)
                {
                    if (!results.TryWrite((element, task))) reportLeftover(task);
                }
                else
                {
                    Interlocked.Increment(ref outstanding);
                    _ = task.ContinueWith(done =>
                    {
                        if (!results.TryWrite((element, done))) reportLeftover(done);
                        if (Interlocked.Decrement(ref outstanding) == 0) results.TryComplete();
                    }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                }
            }
        }
        catch (Exception e) when (Supervise.IsCancellation(e, cancellationToken))
        {
            // Downstream cancelled.
        }
        catch (Exception e)
        {
            failure = e;
        }
        if (failure is not null || ordered) results.TryComplete(failure);
        else if (Interlocked.Decrement(ref outstanding) == 0) results.TryComplete();
    }
}
