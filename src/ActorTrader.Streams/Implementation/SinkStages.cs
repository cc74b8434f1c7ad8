using System.Collections.Immutable;
using System.Threading.Channels;
using ActorTrader.Actors;
using ActorTrader.Streams.Supervision;
using Directive = ActorTrader.Streams.Supervision.Directive;

namespace ActorTrader.Streams.Implementation;

/// <summary>The consuming loops behind the <see cref="Sink"/> factories.</summary>
internal static class SinkStages
{
    public static async Task<Done> ForEach<T>(IAsyncEnumerable<T> upstream, Action<T> action, Decider decider, string stage, CancellationToken cancellationToken)
    {
        await foreach (var element in upstream.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                action(element);
            }
            catch (Exception e)
            {
                Supervise.Decide(decider, e, stage, element);
            }
        }
        return Done.Instance;
    }

    public static async Task<TAcc> Fold<T, TAcc>(IAsyncEnumerable<T> upstream, TAcc zero, Func<TAcc, T, TAcc> fold, Decider decider, string stage,
        CancellationToken cancellationToken)
    {
        var state = zero;
        await foreach (var element in upstream.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                state = fold(state, element);
            }
            catch (Exception e)
            {
                if (Supervise.Decide(decider, e, stage, element) == Directive.Restart) state = zero;
            }
        }
        return state;
    }

    public static async Task<IImmutableList<T>> Seq<T>(IAsyncEnumerable<T> upstream, CancellationToken cancellationToken)
    {
        var builder = ImmutableArray.CreateBuilder<T>();
        await foreach (var element in upstream.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            builder.Add(element);
        }
        return builder.ToImmutable();
    }

    public static async Task<Option<T>> First<T>(IAsyncEnumerable<T> upstream, CancellationToken cancellationToken)
    {
        await using var enumerator = upstream.GetAsyncEnumerator(cancellationToken);
        // Returning disposes the enumerator, which cancels upstream.
        return await enumerator.MoveNextAsync().ConfigureAwait(false) ? new Option<T>(enumerator.Current) : Option<T>.None;
    }

    public static async Task<Option<T>> Last<T>(IAsyncEnumerable<T> upstream, CancellationToken cancellationToken)
    {
        var last = Option<T>.None;
        await foreach (var element in upstream.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            last = new Option<T>(element);
        }
        return last;
    }

    public static async Task<Done> ActorRef<T>(IAsyncEnumerable<T> upstream, IActorRef target, object onCompleteMessage, Func<Exception, object> onFailureMessage,
        CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var element in upstream.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                target.Tell(element!, ActorRefs.NoSender);
            }
        }
        catch (Exception e) when (!Supervise.IsCancellation(e, cancellationToken))
        {
            // The failure is delivered to the target, the sink's only audience.
            target.Tell(onFailureMessage(e), ActorRefs.NoSender);
            return Done.Instance;
        }
        target.Tell(onCompleteMessage, ActorRefs.NoSender);
        return Done.Instance;
    }

    public static async Task<Done> ActorRefWithAck<T>(IAsyncEnumerable<T> upstream, ActorSystem system, IActorRef target, IActorRef receiver, ChannelReader<bool> acks,
        object onInitMessage, object onCompleteMessage, Func<Exception, object>? onFailureMessage, CancellationToken cancellationToken)
    {
        var enumerator = upstream.GetAsyncEnumerator(cancellationToken);
        try
        {
            target.Tell(onInitMessage, receiver);
            // false: the target terminated; the stream is cancelled upstream, as in Akka.
            if (!await acks.ReadAsync(cancellationToken).ConfigureAwait(false)) return Done.Instance;
            while (true)
            {
                bool hasNext;
                try
                {
                    hasNext = await enumerator.MoveNextAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (!Supervise.IsCancellation(e, cancellationToken) && onFailureMessage is not null)
                {
                    target.Tell(onFailureMessage(e), receiver);
                    return Done.Instance;
                }
                if (!hasNext) break;
                target.Tell(enumerator.Current!, receiver);
                if (!await acks.ReadAsync(cancellationToken).ConfigureAwait(false)) return Done.Instance;
            }
            target.Tell(onCompleteMessage, receiver);
            return Done.Instance;
        }
        finally
        {
            system.Stop(receiver);
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }
    }
}
