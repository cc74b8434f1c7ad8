using System.Threading.Channels;

namespace ActorTrader.Streams.Implementation;

/// <summary>
/// Runs an upstream on its own task, writing into a bounded channel: an asynchronous boundary. The channel's
/// capacity is how far upstream may run ahead; a full channel makes the pump wait (backpressure).
/// </summary>
internal static class Pump
{
    /// <summary>Copies upstream into <paramref name="writer"/> until it ends; returns its error (null on completion or cancellation). Never throws.</summary>
    public static async Task<Exception?> RunAsync<T>(IAsyncEnumerable<T> upstream, ChannelWriter<T> writer, CancellationToken cancellationToken)
    {
        // Start on the thread pool, so a synchronous upstream does not run on the caller's thread.
        await Task.Yield();
        try
        {
            await foreach (var element in upstream.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (!writer.TryWrite(element)) await writer.WriteAsync(element, cancellationToken).ConfigureAwait(false);
            }
            return null;
        }
        catch (Exception e) when (Supervise.IsCancellation(e, cancellationToken))
        {
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    /// <summary>The <c>Async</c> stage: the upstream runs concurrently with the downstream, at most <paramref name="capacity"/> elements ahead.</summary>
    public static Stage<T, T> Boundary<T>(int? capacity = null) =>
        (upstream, _, attributes) => BoundaryIterator(upstream, capacity ?? Supervise.InputBufferOf(attributes));

    private static async IAsyncEnumerable<T> BoundaryIterator<T>(IAsyncEnumerable<T> upstream, int capacity,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pump = RunAsync(upstream, channel.Writer, cancel.Token)
            .ContinueWith(t => channel.Writer.TryComplete(t.Result), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (channel.Reader.TryRead(out var element)) yield return element;
            }
        }
        finally
        {
            await cancel.CancelAsync().ConfigureAwait(false);
            await pump.ConfigureAwait(false);
        }
    }
}
