namespace ActorTrader.Benchmarks.Actors;

/// <summary>Completes <see cref="WhenZero"/> after <see cref="Signal"/> was called the given number of times, from any threads.</summary>
internal sealed class AsyncCountdown
{
    private readonly TaskCompletionSource _zero = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _remaining;

    public AsyncCountdown(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        _remaining = count;
    }

    public Task WhenZero => _zero.Task;

    public void Signal()
    {
        if (Interlocked.Decrement(ref _remaining) == 0) _zero.TrySetResult();
    }
}
