using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace ActorTrader.Streams.Implementation;

/// <summary>
/// Fan-in: each input runs on its own pump into one bounded channel, so elements come out in arrival order and a
/// slow downstream backpressures every input. Completes when all inputs have (or the first, when eager); the first
/// input error fails the stream and cancels the other inputs.
/// </summary>
internal static class MergeStage
{
    /// <summary>The merged stream; cancelled before its first pull (when its pumps have not started), it still cancels every input.</summary>
    public static IAsyncEnumerable<T> Create<T>(IReadOnlyList<IAsyncEnumerable<T>> inputs, int capacity, bool eagerComplete)
    {
        var tracked = inputs.Select(input => new TrackedUpstream<T>(input)).ToList();
        return new DisposeHook<T>(Iterator(tracked, capacity, eagerComplete), async () =>
        {
            foreach (var input in tracked) await input.CancelIfNeverOpenedAsync().ConfigureAwait(false);
        });
    }

    private static async IAsyncEnumerable<T> Iterator<T>(IReadOnlyList<IAsyncEnumerable<T>> inputs, int capacity, bool eagerComplete,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { SingleReader = true });
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pumps = inputs.Select(input => Pump.RunAsync(input, channel.Writer, cancel.Token)).ToList();
        var coordinator = Coordinate(pumps, channel.Writer, cancel, eagerComplete);
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
            await coordinator.ConfigureAwait(false);
        }
    }

    private static async Task Coordinate<T>(List<Task<Exception?>> pumps, ChannelWriter<T> writer, CancellationTokenSource cancel, bool eagerComplete)
    {
        var running = new List<Task<Exception?>>(pumps);
        var finished = false;
        while (running.Count > 0)
        {
            var done = await Task.WhenAny(running).ConfigureAwait(false);
            running.Remove(done);
            if (finished) continue;
            var error = await done.ConfigureAwait(false);
            if (error is null && !eagerComplete && running.Count > 0) continue;
            writer.TryComplete(error);
            finished = true;
            // The other inputs are no longer wanted.
            await cancel.CancelAsync().ConfigureAwait(false);
        }
        writer.TryComplete();
    }
}
