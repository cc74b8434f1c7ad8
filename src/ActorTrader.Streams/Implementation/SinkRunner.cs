namespace ActorTrader.Streams.Implementation;

/// <summary>Starts a sink's consuming loop on the thread pool, under the materializer's shutdown token.</summary>
internal static class SinkRunner
{
    public static Task<TResult> Run<T, TResult>(IAsyncEnumerable<T> upstream, ActorMaterializer materializer,
        Func<IAsyncEnumerable<T>, CancellationToken, Task<TResult>> consume)
    {
        var shutdown = materializer.ShutdownToken;
        return Task.Run(async () =>
        {
            try
            {
                return await consume(upstream, shutdown).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (shutdown.IsCancellationRequested)
            {
                throw new AbruptTerminationException(
                    "The stream was terminated abruptly because its materializer shut down. Fix: complete or cancel streams (kill switch) before terminating the actor system.", e);
            }
        }, CancellationToken.None);
    }
}
