using System.Runtime.CompilerServices;

namespace ActorTrader.Streams.Implementation;

/// <summary>The loop behind <see cref="RestartSource"/>: run, and on completion or failure wait the backoff and run a fresh copy.</summary>
internal static class RestartStage
{
    public static async IAsyncEnumerable<T> Iterator<T, TMat>(Func<Source<T, TMat>> sourceFactory, RestartSettings settings, bool onlyOnFailures,
        ActorMaterializer materializer, Attributes attributes, string stage, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var scheduler = materializer.Scheduler;
        var consecutive = 0;
        var restarts = new Queue<TimeSpan>();
        while (true)
        {
            var started = scheduler.MonotonicClock;
            Exception? failure = null;
            var enumerator = sourceFactory().Materialize(materializer, attributes).Stream.GetAsyncEnumerator(cancellationToken);
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
                        failure = e;
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
            if (failure is null && onlyOnFailures) yield break;

            var now = scheduler.MonotonicClock;
            if (now - started >= settings.MinBackoff) consecutive = 0;
            while (restarts.Count > 0 && now - restarts.Peek() > settings.MaxRestartsWithin) restarts.Dequeue();
            if (restarts.Count >= settings.MaxRestarts)
            {
                if (failure is null) yield break;
                throw new InvalidOperationException(
                    $"{stage} gave up after {settings.MaxRestarts} restarts within {settings.MaxRestartsWithin}; the last failure was: {failure.Message}", failure);
            }
            var backoff = settings.Backoff(consecutive, settings.RandomFactor > 0 ? Random.Shared.NextDouble() : 0);
            if (failure is not null)
                materializer.System.Log.Warning("{Stage} restarting in {Backoff} after failure: {Error}", stage, backoff, failure.Message);
            consecutive++;
            restarts.Enqueue(now);
            await SchedulerDelay.Delay(scheduler, backoff, cancellationToken).ConfigureAwait(false);
        }
    }
}
