using System.Runtime.CompilerServices;
using System.Threading.Channels;
using ActorTrader.Actors;

namespace ActorTrader.Streams.Implementation;

/// <summary>Stages driven by the materializer's scheduler: GroupedWithin, Throttle and the Tick source.</summary>
internal static class TimedStages
{
    public static Stage<T, IReadOnlyList<T>> GroupedWithin<T>(int size, TimeSpan window)
    {
        if (size < 1) throw new ArgumentOutOfRangeException(nameof(size), size, "GroupedWithin needs a group size of at least 1.");
        if (window <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(window), window, "GroupedWithin needs a positive time window.");
        return (upstream, materializer, attributes) => GroupedWithinIterator(upstream, size, window, materializer, Supervise.StageName(attributes, "GroupedWithin"));
    }

    /// <summary>A group is emitted when it is full, or <paramref name="window"/> after its first element arrived.</summary>
    private static async IAsyncEnumerable<IReadOnlyList<T>> GroupedWithinIterator<T>(IAsyncEnumerable<T> upstream, int size, TimeSpan window,
        ActorMaterializer materializer, string stage, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var puller = new UpstreamPuller<T>(upstream, materializer, stage, cancellationToken);
        var upstreamDone = false;
        while (!upstreamDone)
        {
            if (!await puller.PullAsync().ConfigureAwait(false)) yield break;
            var group = new List<T>(size) { puller.Current };
            using var timerCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var timer = SchedulerDelay.Delay(materializer.Scheduler, window, timerCancel.Token);
            while (group.Count < size)
            {
                var pull = puller.PullAsync();
                bool hasNext;
                if (pull.IsCompleted)
                {
                    hasNext = await pull.ConfigureAwait(false);
                }
                else
                {
                    var pullTask = pull.AsTask();
                    if (await Task.WhenAny(pullTask, timer).ConfigureAwait(false) != pullTask)
                    {
                        // Park first: a cancelled timer throws here, and disposing the puller must still wait for this pull.
                        puller.Park(pullTask);
                        await timer.ConfigureAwait(false);
                        break;
                    }
                    hasNext = await pullTask.ConfigureAwait(false);
                }
                if (!hasNext)
                {
                    upstreamDone = true;
                    break;
                }
                group.Add(puller.Current);
            }
            await timerCancel.CancelAsync().ConfigureAwait(false);
            yield return group;
        }
    }

    public static Stage<T, T> Throttle<T>(int elements, TimeSpan per, int maximumBurst, ThrottleMode mode)
    {
        if (elements < 1) throw new ArgumentOutOfRangeException(nameof(elements), elements, "Throttle needs at least 1 element per period.");
        if (per <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(per), per, "Throttle needs a positive period.");
        if (maximumBurst < 0) throw new ArgumentOutOfRangeException(nameof(maximumBurst), maximumBurst, "Throttle's maximum burst cannot be negative.");
        var tokenInterval = TimeSpan.FromTicks(Math.Max(1, per.Ticks / elements));
        return (upstream, materializer, _) => ThrottleIterator(upstream, tokenInterval, maximumBurst, mode, materializer.Scheduler);
    }

    /// <summary>
    /// A token bucket of <paramref name="capacity"/> tokens (full at start), refilled one token per
    /// <paramref name="tokenInterval"/>; each element costs one token. Without a token, Shaping waits for it and
    /// Enforcing fails the stream.
    /// </summary>
    private static async IAsyncEnumerable<T> ThrottleIterator<T>(IAsyncEnumerable<T> upstream, TimeSpan tokenInterval, int capacity, ThrottleMode mode,
        IScheduler scheduler, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        long tokens = capacity;
        var lastRefill = scheduler.MonotonicClock;
        await foreach (var element in upstream.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var now = scheduler.MonotonicClock;
            if (now > lastRefill)
            {
                var refill = (now - lastRefill).Ticks / tokenInterval.Ticks;
                if (refill > 0)
                {
                    tokens = Math.Min(capacity, tokens + refill);
                    lastRefill += TimeSpan.FromTicks(refill * tokenInterval.Ticks);
                    if (tokens == capacity) lastRefill = now;
                }
            }
            if (tokens > 0)
            {
                tokens--;
            }
            else if (mode == ThrottleMode.Enforcing)
            {
                throw new RateExceededException();
            }
            else
            {
                // Borrow the next token: it is spent the moment it arrives.
                var due = lastRefill + tokenInterval;
                lastRefill = due;
                await SchedulerDelay.Delay(scheduler, due - now, cancellationToken).ConfigureAwait(false);
            }
            yield return element;
        }
    }

    /// <summary>
    /// Emits <paramref name="tick"/> every <paramref name="interval"/>; a tick that finds the previous one still
    /// unconsumed is dropped (a slow consumer sees fewer ticks, never a burst). Cancelling the handle completes the stream.
    /// </summary>
    public static async IAsyncEnumerable<T> TickIterator<T>(IScheduler scheduler, TimeSpan initialDelay, TimeSpan interval, T tick, Cancelable handle,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var ticks = Channel.CreateBounded<T>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
        using var schedule = new Cancelable();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, handle.Token);
        scheduler.ScheduleRepeatedly(initialDelay, interval, () => ticks.Writer.TryWrite(tick), schedule);
        try
        {
            while (true)
            {
                T next;
                try
                {
                    next = await ticks.Reader.ReadAsync(stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (handle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    // The materialized handle was cancelled: the tick source completes.
                    break;
                }
                yield return next;
                if (handle.IsCancellationRequested) break;
            }
        }
        finally
        {
            schedule.Cancel();
        }
    }
}
