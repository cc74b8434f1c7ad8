using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace ActorTrader.Streams.Implementation;

/// <summary>
/// One output of a fan-out (Broadcast, Partition, AlsoTo): a bounded channel read by the branch's sink. When that
/// sink stops reading, the branch is gone and the fan-out stops writing to it instead of waiting forever.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The token source is cancelled, never disposed: writers may still hold its token.")]
internal sealed class Branch<T>
{
    private readonly Channel<T> _channel;
    private readonly CancellationTokenSource _gone = new();

    public Branch(int capacity)
    {
        _channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
    }

    public bool IsGone => _gone.IsCancellationRequested;

    /// <summary>Cancelled when the branch's sink stops reading.</summary>
    public CancellationToken Gone => _gone.Token;

    /// <summary>Writes, waiting for room (backpressure); returns false when the branch's sink has gone.</summary>
    public async ValueTask<bool> WriteAsync(T element)
    {
        if (IsGone) return false;
        if (_channel.Writer.TryWrite(element)) return true;
        try
        {
            await _channel.Writer.WriteAsync(element, _gone.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (IsGone)
        {
            return false;
        }
        catch (ChannelClosedException) when (IsGone)
        {
            return false;
        }
    }

    /// <summary>Completes the branch (after the buffered elements), or fails it.</summary>
    public void Complete(Exception? failure = null) => _channel.Writer.TryComplete(failure);

    /// <summary>The elements, for the branch's sink; disposing it (even before the first pull) marks the branch gone.</summary>
    public IAsyncEnumerable<T> ReadAllAsync() => new DisposeHook<T>(Read(), () => new ValueTask(_gone.CancelAsync()));

    private async IAsyncEnumerable<T> Read([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        try
        {
            while (await _channel.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (_channel.Reader.TryRead(out var element)) yield return element;
            }
        }
        finally
        {
            await _gone.CancelAsync().ConfigureAwait(false);
        }
    }
}
