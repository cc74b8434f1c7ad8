using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace ActorTrader.Streams.Implementation;

/// <summary>
/// The loop behind <see cref="Source.ChannelReader{T}"/>: reads only when the stream pulls, so a bounded channel's writers
/// wait while the stream is slow. The writer's completion ends the stream; WaitToReadAsync rethrows the writer's own
/// error when it completed with one, which fails the stream with it.
/// </summary>
internal static class ChannelSource
{
    public static async IAsyncEnumerable<T> Read<T>(ChannelReader<T> reader, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (reader.TryRead(out var item)) yield return item;
        }
    }
}
