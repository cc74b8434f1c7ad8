using System.Runtime.CompilerServices;

namespace ActorTrader.Streams.Implementation;

/// <summary>
/// <c>Buffer(size, strategy)</c>: upstream is pulled eagerly on its own task into a <see cref="StreamBuffer{T}"/>, so a
/// slow downstream fills the buffer and then the strategy decides (drop, fail, or backpressure upstream).
/// </summary>
internal static class BufferStage
{
    public static Stage<T, T> Create<T>(int size, OverflowStrategy strategy)
    {
        if (size < 1) throw new ArgumentOutOfRangeException(nameof(size), size, "A Buffer stage needs a size of at least 1. Fix: pass a positive size.");
        return (upstream, _, _) => Iterator(upstream, size, strategy);
    }

    private static async IAsyncEnumerable<T> Iterator<T>(IAsyncEnumerable<T> upstream, int size, OverflowStrategy strategy,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var buffer = new StreamBuffer<T>(size, strategy);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pump = Fill(upstream, buffer, cancel.Token);
        try
        {
            await foreach (var element in buffer.ReadAllAsync().WithCancellation(cancellationToken).ConfigureAwait(false)) yield return element;
        }
        finally
        {
            await cancel.CancelAsync().ConfigureAwait(false);
            await pump.ConfigureAwait(false);
        }
    }

    private static async Task Fill<T>(IAsyncEnumerable<T> upstream, StreamBuffer<T> buffer, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            await foreach (var element in upstream.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var offer = buffer.Offer(element);
                var result = offer.IsCompleted ? offer.Result : await offer.WaitAsync(cancellationToken).ConfigureAwait(false);
                // Closed: downstream has gone. Failure: the Fail strategy has already failed the buffer.
                if (result is QueueOfferResult.QueueClosed or QueueOfferResult.Failure) return;
            }
            buffer.Complete();
        }
        catch (Exception e) when (Supervise.IsCancellation(e, cancellationToken))
        {
            // Downstream cancelled: the buffer's reader is already gone.
        }
        catch (Exception e)
        {
            buffer.Fail(e);
        }
    }
}
