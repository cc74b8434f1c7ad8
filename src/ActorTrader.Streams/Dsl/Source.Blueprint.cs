using ActorTrader.Actors;
using ActorTrader.Streams.Implementation;

namespace ActorTrader.Streams;

/// <summary>
/// A blueprint of a stream with one output (Akka.Streams' <c>Source</c>): nothing runs until it is connected to a
/// sink and run by a materializer. Running it again runs a fresh, independent copy. <typeparamref name="TMat"/> is
/// the value running it hands back (a queue, an actor reference, a kill switch, a completion task).
/// </summary>
public sealed partial class Source<TOut, TMat>
{
    private readonly Func<ActorMaterializer, Attributes, (IAsyncEnumerable<TOut> Stream, TMat Value)> _materialize;

    internal Source(Func<ActorMaterializer, Attributes, (IAsyncEnumerable<TOut> Stream, TMat Value)> materialize, Attributes? attributes = null)
    {
        _materialize = materialize;
        Attributes = attributes ?? Attributes.None;
    }

    /// <summary>The attributes set on this blueprint; they apply to all its stages that do not set their own.</summary>
    public Attributes Attributes { get; }

    internal (IAsyncEnumerable<TOut> Stream, TMat Value) Materialize(ActorMaterializer materializer, Attributes inherited) =>
        _materialize(materializer, inherited.And(Attributes));

    internal Source<T2, TMat> Append<T2>(Stage<TOut, T2> stage) =>
        new((materializer, attributes) =>
        {
            var (stream, value) = Materialize(materializer, attributes);
            return (TrackedUpstream<TOut>.Connect(stream, stage, materializer, attributes), value);
        });

    /// <summary>Replaces this blueprint's attributes.</summary>
    public Source<TOut, TMat> WithAttributes(Attributes attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        return new(_materialize, attributes);
    }

    public Source<TOut, TMat> AddAttributes(Attributes attributes) => new(_materialize, Attributes.And(attributes));

    /// <summary>Names the stages of this blueprint in error messages.</summary>
    public Source<TOut, TMat> Named(string name) => AddAttributes(Attributes.CreateName(name));

    public Source<TOut, TMat2> MapMaterializedValue<TMat2>(Func<TMat, TMat2> mapper)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        return new((materializer, attributes) =>
        {
            var (stream, value) = Materialize(materializer, attributes);
            return (stream, mapper(value));
        });
    }

    public Source<T2, TMat> Via<T2, TMat2>(Flow<TOut, T2, TMat2> flow) => ViaMaterialized(flow, Keep.Left);

    public Source<T2, TMat3> ViaMaterialized<T2, TMat2, TMat3>(Flow<TOut, T2, TMat2> flow, Func<TMat, TMat2, TMat3> combine)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(combine);
        return new((materializer, attributes) =>
        {
            var (stream, left) = Materialize(materializer, attributes);
            var (output, right) = flow.Materialize(stream, materializer, attributes);
            return (output, combine(left, right));
        });
    }

    public RunnableGraph<TMat> To<TMat2>(Sink<TOut, TMat2> sink) => ToMaterialized(sink, Keep.Left);

    public RunnableGraph<TMat3> ToMaterialized<TMat2, TMat3>(Sink<TOut, TMat2> sink, Func<TMat, TMat2, TMat3> combine)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(combine);
        return new RunnableGraph<TMat3>((materializer, attributes) =>
        {
            var (stream, left) = Materialize(materializer, attributes);
            var right = sink.Materialize(stream, materializer, attributes);
            return combine(left, right);
        });
    }

    /// <summary>Connects <paramref name="sink"/>, runs the stream and returns the sink's materialized value.</summary>
    public TMat2 RunWith<TMat2>(Sink<TOut, TMat2> sink, IMaterializer materializer) =>
        ToMaterialized(sink, Keep.Right).Run(materializer);

    public Task<Done> RunForeach(Action<TOut> action, IMaterializer materializer) => RunWith(Sink.ForEach(action), materializer);

    public Task<TAcc> RunAggregate<TAcc>(TAcc zero, Func<TAcc, TOut, TAcc> aggregate, IMaterializer materializer) =>
        RunWith(Sink.Fold(zero, aggregate), materializer);

    public override string ToString() => $"Source<{typeof(TOut).Name}, {typeof(TMat).Name}>";
}
