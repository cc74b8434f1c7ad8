using System.Collections.Immutable;
using System.Threading.Channels;
using ActorTrader.Actors;
using ActorTrader.Streams.Implementation;

namespace ActorTrader.Streams;

/// <summary>Creates sinks (Akka.Streams' <c>Sink</c>). Task-valued sinks complete when the stream does and fail when it fails.</summary>
public static class Sink
{
    /// <summary>Calls <paramref name="action"/> for each element; a throwing action fails the stream unless the decider resumes.</summary>
    public static Sink<T, Task<Done>> ForEach<T>(Action<T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return new((upstream, materializer, attributes) =>
        {
            var decider = Supervise.DeciderOf(attributes);
            var stage = Supervise.StageName(attributes, "ForEach");
            return SinkRunner.Run(upstream, materializer, (stream, token) => SinkStages.ForEach(stream, action, decider, stage, token));
        });
    }

    /// <summary>Runs <paramref name="action"/> for each element with up to <paramref name="parallelism"/> at a time.</summary>
    public static Sink<T, Task<Done>> ForEachAsync<T>(int parallelism, Func<T, Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return Flow.Create<T>()
            .SelectAsync(parallelism, async element =>
            {
                await action(element).ConfigureAwait(false);
                return NotUsed.Instance;
            })
            .ToMaterialized(Ignore<NotUsed>(), Keep.Right);
    }

    /// <summary>Collects every element; completes with them when the stream completes.</summary>
    public static Sink<T, Task<IImmutableList<T>>> Seq<T>() =>
        new((upstream, materializer, _) => SinkRunner.Run(upstream, materializer, SinkStages.Seq));

    public static Sink<T, Task<TAcc>> Fold<T, TAcc>(TAcc zero, Func<TAcc, T, TAcc> fold)
    {
        ArgumentNullException.ThrowIfNull(fold);
        return new((upstream, materializer, attributes) =>
        {
            var decider = Supervise.DeciderOf(attributes);
            var stage = Supervise.StageName(attributes, "Fold");
            return SinkRunner.Run(upstream, materializer, (stream, token) => SinkStages.Fold(stream, zero, fold, decider, stage, token));
        });
    }

    /// <summary>The first element; upstream is cancelled once it has arrived. Fails when the stream is empty.</summary>
    public static Sink<T, Task<T>> First<T>() =>
        new((upstream, materializer, _) => SinkRunner.Run(upstream, materializer, async (stream, token) =>
        {
            var first = await SinkStages.First(stream, token).ConfigureAwait(false);
            return first.HasValue
                ? first.Value
                : throw new InvalidOperationException("Sink.First: the stream completed without any element. Fix: use Sink.FirstOrDefault when the stream may be empty.");
        }));

    public static Sink<T, Task<T?>> FirstOrDefault<T>() =>
        new((upstream, materializer, _) => SinkRunner.Run(upstream, materializer, async (stream, token) =>
        {
            var first = await SinkStages.First(stream, token).ConfigureAwait(false);
            return first.HasValue ? first.Value : default;
        }));

    /// <summary>The last element. Fails when the stream is empty.</summary>
    public static Sink<T, Task<T>> Last<T>() =>
        new((upstream, materializer, _) => SinkRunner.Run(upstream, materializer, async (stream, token) =>
        {
            var last = await SinkStages.Last(stream, token).ConfigureAwait(false);
            return last.HasValue
                ? last.Value
                : throw new InvalidOperationException("Sink.Last: the stream completed without any element. Fix: use Sink.LastOrDefault when the stream may be empty.");
        }));

    public static Sink<T, Task<T?>> LastOrDefault<T>() =>
        new((upstream, materializer, _) => SinkRunner.Run(upstream, materializer, async (stream, token) =>
        {
            var last = await SinkStages.Last(stream, token).ConfigureAwait(false);
            return last.HasValue ? last.Value : default;
        }));

    /// <summary>Consumes and discards every element.</summary>
    public static Sink<T, Task<Done>> Ignore<T>() =>
        new((upstream, materializer, _) => SinkRunner.Run(upstream, materializer, async (stream, token) =>
        {
            await foreach (var _ in stream.WithCancellation(token).ConfigureAwait(false)) token.ThrowIfCancellationRequested();
            return Done.Instance;
        }));

    /// <summary>
    /// Tells each element to <paramref name="actor"/> without backpressure, then <paramref name="onCompleteMessage"/>,
    /// or <paramref name="onFailureMessage"/>(error) when the stream fails.
    /// </summary>
    public static Sink<T, NotUsed> ActorRef<T>(IActorRef actor, object onCompleteMessage, Func<Exception, object> onFailureMessage)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(onCompleteMessage);
        ArgumentNullException.ThrowIfNull(onFailureMessage);
        return new((upstream, materializer, _) =>
        {
            // The sink's audience is the actor, told of completion and failure; what else goes wrong is logged.
            materializer.ReportFailureOf(
                SinkRunner.Run(upstream, materializer, (stream, token) => SinkStages.ActorRef(stream, actor, onCompleteMessage, onFailureMessage, token)),
                "Sink.ActorRef");
            return NotUsed.Instance;
        });
    }

    /// <summary>
    /// Sends to <paramref name="actor"/> with backpressure: first <paramref name="onInitMessage"/>, then each element, each
    /// only after the actor has replied <paramref name="ackMessage"/> to the previous one; then <paramref name="onCompleteMessage"/>
    /// or <paramref name="onFailureMessage"/>(error). If the actor terminates, the stream is cancelled.
    /// </summary>
    public static Sink<T, NotUsed> ActorRefWithAck<T>(IActorRef actor, object onInitMessage, object ackMessage, object onCompleteMessage,
        Func<Exception, object>? onFailureMessage = null)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(onInitMessage);
        ArgumentNullException.ThrowIfNull(ackMessage);
        ArgumentNullException.ThrowIfNull(onCompleteMessage);
        return new((upstream, materializer, _) =>
        {
            var acks = Channel.CreateUnbounded<bool>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
            var receiver = materializer.System.ActorOf(Props.Create(() => new AckReceiverActor(actor, ackMessage, acks.Writer)));
            materializer.ReportFailureOf(
                SinkRunner.Run(upstream, materializer, (stream, token) =>
                    SinkStages.ActorRefWithAck(stream, materializer.System, actor, receiver, acks.Reader, onInitMessage, onCompleteMessage, onFailureMessage, token)),
                "Sink.ActorRefWithAck");
            return NotUsed.Instance;
        });
    }

    /// <summary>Sends every element to all <paramref name="sinks"/>; the slowest one sets the pace. Materializes their values in order.</summary>
    public static Sink<T, IReadOnlyList<TMat>> Broadcast<T, TMat>(params Sink<T, TMat>[] sinks)
    {
        ArgumentNullException.ThrowIfNull(sinks);
        if (sinks.Length == 0) throw new ArgumentException("Broadcast needs at least one sink.", nameof(sinks));
        return new((upstream, materializer, attributes) => FanOutStages.Materialize(upstream, sinks, null, materializer, attributes, "Broadcast"));
    }

    /// <summary>
    /// Sends each element to the one of <paramref name="sinks"/> that <paramref name="partitioner"/> picks (0 to outputPorts-1).
    /// An index out of range fails the stream, naming the element.
    /// </summary>
    public static Sink<T, IReadOnlyList<TMat>> Partition<T, TMat>(int outputPorts, Func<T, int> partitioner, params Sink<T, TMat>[] sinks)
    {
        ArgumentNullException.ThrowIfNull(partitioner);
        ArgumentNullException.ThrowIfNull(sinks);
        if (outputPorts < 1 || sinks.Length != outputPorts)
            throw new ArgumentException($"Partition has {outputPorts} output ports but {sinks.Length} sinks. Fix: pass one sink per output port.", nameof(sinks));
        return new((upstream, materializer, attributes) => FanOutStages.Materialize(upstream, sinks, partitioner, materializer, attributes, "Partition"));
    }
}
