namespace ActorTrader.Streams.Implementation;

/// <summary>A synchronous sequence as a stage: every pull completes at once, and cancelling disposes the sequence's enumerator.</summary>
internal sealed class EnumerableSource<T>(IEnumerable<T> items) : IAsyncEnumerable<T>
{
    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        new Enumerator(items.GetEnumerator(), cancellationToken);

    private sealed class Enumerator(IEnumerator<T> inner, CancellationToken cancellationToken) : IAsyncEnumerator<T>
    {
        public T Current => inner.Current;

        public ValueTask<bool> MoveNextAsync()
        {
            // A synchronous source never waits, so it checks for cancellation itself (materializer shutdown).
            cancellationToken.ThrowIfCancellationRequested();
            return new ValueTask<bool>(inner.MoveNext());
        }

        public ValueTask DisposeAsync()
        {
            inner.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
