namespace ActorTrader.Streams.Implementation;

/// <summary>
/// Runs an action when the enumerator is disposed, even if it was never started: an async iterator's finally block
/// does not run when it is disposed before its first pull (a kill switch triggered before any element, for example).
/// </summary>
internal sealed class DisposeHook<T>(IAsyncEnumerable<T> inner, Func<ValueTask> onDisposed) : IAsyncEnumerable<T>
{
    public DisposeHook(IAsyncEnumerable<T> inner, Action onDisposed)
        : this(inner, () =>
        {
            onDisposed();
            return ValueTask.CompletedTask;
        })
    {
    }

    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        new Enumerator(inner.GetAsyncEnumerator(cancellationToken), onDisposed);

    private sealed class Enumerator(IAsyncEnumerator<T> inner, Func<ValueTask> onDisposed) : IAsyncEnumerator<T>
    {
        public T Current => inner.Current;

        public ValueTask<bool> MoveNextAsync() => inner.MoveNextAsync();

        public async ValueTask DisposeAsync()
        {
            try
            {
                await inner.DisposeAsync().ConfigureAwait(false);
            }
            finally
            {
                await onDisposed().ConfigureAwait(false);
            }
        }
    }
}

/// <summary>
/// The upstream handed to a stage, remembering whether the stage ever opened it. A stage disposed before its first
/// pull never opens its upstream, so <see cref="CancelIfNeverOpenedAsync"/> opens and disposes it: cancellation still
/// reaches sources with producers outside the stream (queues, actor sources), which then report QueueClosed.
/// </summary>
internal sealed class TrackedUpstream<T>(IAsyncEnumerable<T> inner) : IAsyncEnumerable<T>
{
    private int _opened;

    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        Volatile.Write(ref _opened, 1);
        return inner.GetAsyncEnumerator(cancellationToken);
    }

    public ValueTask CancelIfNeverOpenedAsync() =>
        Interlocked.Exchange(ref _opened, 1) == 0 ? inner.GetAsyncEnumerator().DisposeAsync() : ValueTask.CompletedTask;

    /// <summary>Applies <paramref name="stage"/> so that disposing its output also cancels an upstream it never opened.</summary>
    public static IAsyncEnumerable<TOut> Connect<TOut>(IAsyncEnumerable<T> upstream, Stage<T, TOut> stage, ActorMaterializer materializer, Attributes attributes)
    {
        var tracked = new TrackedUpstream<T>(upstream);
        return new DisposeHook<TOut>(stage(tracked, materializer, attributes), tracked.CancelIfNeverOpenedAsync);
    }
}
