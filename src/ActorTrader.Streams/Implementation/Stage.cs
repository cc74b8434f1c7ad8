namespace ActorTrader.Streams.Implementation;

/// <summary>
/// One linear processing step: turns the upstream element sequence into the downstream one. Stages are pull-based
/// async iterators, so a stage only asks upstream for an element when its downstream asks it: that is the
/// backpressure. Disposing a stage's enumerator cancels it and, through it, everything upstream.
/// </summary>
internal delegate IAsyncEnumerable<TOut> Stage<TIn, TOut>(IAsyncEnumerable<TIn> upstream, ActorMaterializer materializer, Attributes attributes);
