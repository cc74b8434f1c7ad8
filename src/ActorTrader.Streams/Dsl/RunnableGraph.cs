namespace ActorTrader.Streams;

/// <summary>A source connected to a sink, ready to run (Akka.Streams' <c>RunnableGraph</c>).</summary>
public sealed class RunnableGraph<TMat>
{
    private readonly Func<ActorMaterializer, Attributes, TMat> _materialize;

    internal RunnableGraph(Func<ActorMaterializer, Attributes, TMat> materialize, Attributes? attributes = null)
    {
        _materialize = materialize;
        Attributes = attributes ?? Attributes.None;
    }

    public Attributes Attributes { get; }

    internal TMat Materialize(ActorMaterializer materializer, Attributes inherited) => _materialize(materializer, inherited.And(Attributes));

    public RunnableGraph<TMat> WithAttributes(Attributes attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        return new(_materialize, attributes);
    }

    public RunnableGraph<TMat2> MapMaterializedValue<TMat2>(Func<TMat, TMat2> mapper)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        return new((materializer, attributes) => mapper(Materialize(materializer, attributes)));
    }

    /// <summary>Starts the stream and returns its materialized value; the stream runs on the thread pool.</summary>
    public TMat Run(IMaterializer materializer)
    {
        ArgumentNullException.ThrowIfNull(materializer);
        return materializer.Materialize(this);
    }
}
