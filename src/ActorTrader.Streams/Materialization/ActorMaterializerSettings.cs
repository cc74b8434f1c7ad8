using ActorTrader.Streams.Supervision;

namespace ActorTrader.Streams;

/// <summary>Defaults for the streams a materializer runs (Akka.Streams' <c>ActorMaterializerSettings</c>).</summary>
public sealed record ActorMaterializerSettings
{
    /// <summary>Initial size of asynchronous-boundary buffers (kept for Akka parity; boundaries use <see cref="MaxInputBufferSize"/>).</summary>
    public int InitialInputBufferSize { get; init; } = 4;

    /// <summary>Elements an asynchronous boundary may hold (Akka's default: 16).</summary>
    public int MaxInputBufferSize { get; init; } = 16;

    /// <summary>The decider for stages without a supervision attribute (default: stop on every error).</summary>
    public Decider SupervisionDecider { get; init; } = Deciders.StoppingDecider;

    public ActorMaterializerSettings WithInputBuffer(int initialSize, int maxSize) =>
        this with { InitialInputBufferSize = initialSize, MaxInputBufferSize = maxSize };

    public ActorMaterializerSettings WithSupervisionStrategy(Decider decider) => this with { SupervisionDecider = decider };
}
