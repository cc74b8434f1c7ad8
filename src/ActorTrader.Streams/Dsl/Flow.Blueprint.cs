using ActorTrader.Streams.Implementation;

namespace ActorTrader.Streams;

/// <summary>Creates flows (Akka.Streams' <c>Flow</c>).</summary>
public static class Flow
{
    /// <summary>The flow that passes elements through; chain operators on it: <c>Flow.Create&lt;int&gt;().Select(...)</c>.</summary>
    public static Flow<T, T, NotUsed> Create<T>() =>
        new((upstream, _, _) => (upstream, NotUsed.Instance));

    public static Flow<TIn, TOut, NotUsed> FromFunction<TIn, TOut>(Func<TIn, TOut> function) => Create<TIn>().Select(function);
}

/// <summary>
/// A blueprint of a processing step with one input and one output (Akka.Streams' <c>Flow</c>): attach it to a source
/// with <c>Via</c> or to a sink with <c>To</c>. Each run materializes a fresh copy.
/// </summary>
public sealed partial class Flow<TIn, TOut, TMat>
{
    private readonly Func<IAsyncEnumerable<TIn>, ActorMaterializer, Attributes, (IAsyncEnumerable<TOut> Stream, TMat Value)> _materialize;

    internal Flow(Func<IAsyncEnumerable<TIn>, ActorMaterializer, Attributes, (IAsyncEnumerable<TOut> Stream, TMat Value)> materialize, Attributes? attributes = null)
    {
        _materialize = materialize;
        Attributes = attributes ?? Attributes.None;
    }

    public Attributes Attributes { get; }

    internal (IAsyncEnumerable<TOut> Stream, TMat Value) Materialize(IAsyncEnumerable<TIn> upstream, ActorMaterializer materializer, Attributes inherited) =>
        _materialize(upstream, materializer, inherited.And(Attributes));

    internal Flow<TIn, T2, TMat> Append<T2>(Stage<TOut, T2> stage) =>
        new((upstream, materializer, attributes) =>
        {
            var (stream, value) = Materialize(upstream, materializer, attributes);
            return (TrackedUpstream<TOut>.Connect(stream, stage, materializer, attributes), value);
        });

    public Flow<TIn, TOut, TMat> WithAttributes(Attributes attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        return new(_materialize, attributes);
    }

    public Flow<TIn, TOut, TMat> AddAttributes(Attributes attributes) => new(_materialize, Attributes.And(attributes));

    public Flow<TIn, TOut, TMat> Named(string name) => AddAttributes(Attributes.CreateName(name));

    public Flow<TIn, TOut, TMat2> MapMaterializedValue<TMat2>(Func<TMat, TMat2> mapper)
    {
        ArgumentNullException.ThrowIfNull(mapper);
        return new((upstream, materializer, attributes) =>
        {
            var (stream, value) = Materialize(upstream, materializer, attributes);
            return (stream, mapper(value));
        });
    }

    public Flow<TIn, T2, TMat> Via<T2, TMat2>(Flow<TOut, T2, TMat2> flow) => ViaMaterialized(flow, Keep.Left);

    public Flow<TIn, T2, TMat3> ViaMaterialized<T2, TMat2, TMat3>(Flow<TOut, T2, TMat2> flow, Func<TMat, TMat2, TMat3> combine)
    {
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(combine);
        return new((upstream, materializer, attributes) =>
        {
            var (stream, left) = Materialize(upstream, materializer, attributes);
            var (output, right) = flow.Materialize(stream, materializer, attributes);
            return (output, combine(left, right));
        });
    }

    public Sink<TIn, TMat> To<TMat2>(Sink<TOut, TMat2> sink) => ToMaterialized(sink, Keep.Left);

    public Sink<TIn, TMat3> ToMaterialized<TMat2, TMat3>(Sink<TOut, TMat2> sink, Func<TMat, TMat2, TMat3> combine)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentNullException.ThrowIfNull(combine);
        return new Sink<TIn, TMat3>((upstream, materializer, attributes) =>
        {
            var (stream, left) = Materialize(upstream, materializer, attributes);
            var right = sink.Materialize(stream, materializer, attributes);
            return combine(left, right);
        });
    }

    /// <summary>Runs this flow between <paramref name="source"/> and <paramref name="sink"/>; returns both materialized values.</summary>
    public (TMat1 Source, TMat2 Sink) RunWith<TMat1, TMat2>(Source<TIn, TMat1> source, Sink<TOut, TMat2> sink, IMaterializer materializer)
    {
        ArgumentNullException.ThrowIfNull(source);
        return source.Via(this).ToMaterialized(sink, Keep.Both).Run(materializer);
    }

    public override string ToString() => $"Flow<{typeof(TIn).Name}, {typeof(TOut).Name}, {typeof(TMat).Name}>";
}
