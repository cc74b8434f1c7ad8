using System.Runtime.CompilerServices;

namespace ActorTrader.Streams.Implementation;

/// <summary>
/// Passes elements through until its signal fires, then completes (shutdown) or fails (abort) downstream at once,
/// even while upstream is still working on an element; upstream is cancelled and disposed in the background.
/// </summary>
internal static class KillSwitchStage
{
    /// <summary>The stage's output; cancelled before its first pull, it still cancels its upstream.</summary>
    public static IAsyncEnumerable<T> Connect<T>(IAsyncEnumerable<T> upstream, KillSignal signal, ActorMaterializer materializer, string stage)
    {
        var tracked = new TrackedUpstream<T>(upstream);
        return new DisposeHook<T>(Iterator(tracked, signal, materializer, stage), tracked.CancelIfNeverOpenedAsync);
    }

    private static async IAsyncEnumerable<T> Iterator<T>(IAsyncEnumerable<T> upstream, KillSignal signal, ActorMaterializer materializer, string stage,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var puller = new UpstreamPuller<T>(upstream, materializer, stage, cancellationToken);
        var killed = false;
        try
        {
            while (!signal.IsTriggered)
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
                    if (await Task.WhenAny(pullTask, signal.Triggered).ConfigureAwait(false) != pullTask)
                    {
                        puller.Park(pullTask);
                        break;
                    }
                    hasNext = await pullTask.ConfigureAwait(false);
                }
                if (!hasNext) yield break;
                yield return puller.Current;
            }
            killed = true;
        }
        finally
        {
            // A killed stream does not wait for upstream to notice.
            if (killed) puller.Detach();
            else await puller.DisposeAsync().ConfigureAwait(false);
        }
        if (await signal.Triggered.ConfigureAwait(false) is { } cause) throw cause;
    }
}
