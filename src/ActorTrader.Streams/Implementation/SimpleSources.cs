using System.Runtime.CompilerServices;

namespace ActorTrader.Streams.Implementation;

/// <summary>Sources that produce from a value, a task or a function.</summary>
internal static class SimpleSources
{
    public static IAsyncEnumerable<T> Failed<T>(Exception cause) => new FailedSource<T>(cause);

    public static async IAsyncEnumerable<T> FromTask<T>(Task<T> task, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        yield return await task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async IAsyncEnumerable<T> UnfoldAsync<TState, T>(TState state, Func<TState, Task<Option<(TState State, T Element)>>> unfold,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var next = await unfold(state).WaitAsync(cancellationToken).ConfigureAwait(false);
            if (!next.HasValue) yield break;
            state = next.Value.State;
            yield return next.Value.Element;
        }
    }
}

/// <summary>A source whose first pull fails with the given error.</summary>
internal sealed class FailedSource<T>(Exception cause) : IAsyncEnumerable<T>, IAsyncEnumerator<T>
{
    public T Current => throw new InvalidOperationException("A failed source has no elements.");

    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) => this;

    public ValueTask<bool> MoveNextAsync() => ValueTask.FromException<bool>(cause);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
