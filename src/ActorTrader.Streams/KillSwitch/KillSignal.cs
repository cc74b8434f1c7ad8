namespace ActorTrader.Streams;

/// <summary>The state behind a kill switch: triggered once, by Shutdown (no error) or Abort (an error).</summary>
internal sealed class KillSignal
{
    private readonly TaskCompletionSource<Exception?> _triggered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with null on shutdown, with the cause on abort.</summary>
    public Task<Exception?> Triggered => _triggered.Task;

    public bool IsTriggered => _triggered.Task.IsCompleted;

    public void Shutdown() => _triggered.TrySetResult(null);

    public void Abort(Exception cause)
    {
        ArgumentNullException.ThrowIfNull(cause);
        _triggered.TrySetResult(cause);
    }
}
