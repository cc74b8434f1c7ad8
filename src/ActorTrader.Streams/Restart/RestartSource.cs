using ActorTrader.Streams.Implementation;

namespace ActorTrader.Streams;

/// <summary>Sources that come back after failing (Akka.Streams' <c>RestartSource</c>), with backoff on the materializer's scheduler.</summary>
public static class RestartSource
{
    /// <summary>
    /// Runs a fresh source from <paramref name="sourceFactory"/> whenever the previous one completes or fails, after a backoff.
    /// Elements already emitted are not repeated. The inner materialized values are not kept.
    /// </summary>
    public static Source<T, NotUsed> WithBackoff<T, TMat>(Func<Source<T, TMat>> sourceFactory, RestartSettings settings) =>
        Create(sourceFactory, settings, onlyOnFailures: false);

    /// <summary>Like <see cref="WithBackoff{T, TMat}"/>, but a source that completes ends the stream; only failures restart.</summary>
    public static Source<T, NotUsed> OnFailuresWithBackoff<T, TMat>(Func<Source<T, TMat>> sourceFactory, RestartSettings settings) =>
        Create(sourceFactory, settings, onlyOnFailures: true);

    private static Source<T, NotUsed> Create<T, TMat>(Func<Source<T, TMat>> sourceFactory, RestartSettings settings, bool onlyOnFailures)
    {
        ArgumentNullException.ThrowIfNull(sourceFactory);
        ArgumentNullException.ThrowIfNull(settings);
        return new((materializer, attributes) =>
            (RestartStage.Iterator(sourceFactory, settings, onlyOnFailures, materializer, attributes, Supervise.StageName(attributes, "RestartSource")), NotUsed.Instance));
    }
}
