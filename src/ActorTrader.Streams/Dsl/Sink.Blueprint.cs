namespace ActorTrader.Streams;

/// <summary>
/// A blueprint of a stream's end (Akka.Streams' <c>Sink</c>): it consumes elements and materializes a value, usually a
/// task that completes when the stream does. When it stops consuming early, upstream is cancelled.
/// </summary>
public sealed class Sink<TIn, TMat>
{
    private readonly Func<IAsyncEnumerable<TIn>, ActorMaterializer, Attributes, TMat> _materialize;

    internal Sink(Func<IAsyncEnumerable<TIn>, ActorMaterializer, Attributes, TMat> materialize, Attributes? attributes = null)
    {
        _materialize = materialize;
        Attributes = attributes ?? Attributes.None;
    }

    public Attributes Attributes { get; }

    internal TMat Materialize(IAsyncEnumerable<TIn> upstream, ActorMaterializer materializer, Attributes inherited) =>
        _materialize(upstream, materializer, inherited.And(Attributes));

    public Sink<TIn, TMat> WithAttributes(Attributes attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        return new(_materialize, attributes);
    }

    public Sink<TIn, TMat> AddAttributes(Attributes attributes) => new(_materialize, Attributes.And(attributes));

    public Sink<TIn, TMat> Named(string name) => AddAttributes(Attributes.CreateName(name));

    public Sink<TIn, TMat2> MapMaterializedValue<TMat2>(Func<TMat, TMat2> mapper)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        return new((upstream, materializer, attributes) => mapper(Materialize(upstream, materializer, attributes)));
    }

    /// <summary>Runs this sink with <paramref name="source"/>; returns the sink's materialized value.</summary>
    public TMat RunWith<TMat2>(Source<TIn, TMat2> source, IMaterializer materializer)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.RunWith(this, materializer);
    }

    public override string ToString() => $"Sink<{typeof(TIn).Name}, {typeof(TMat).Name}>";
}
