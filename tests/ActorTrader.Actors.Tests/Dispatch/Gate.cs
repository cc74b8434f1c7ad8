namespace ActorTrader.Actors.Tests.Dispatch;

/// <summary>
/// A one-shot gate an actor blocks on inside a handler, so messages pile up behind it in a known state.
/// Disposing opens it, so an actor is never left blocked when a test fails before opening it.
/// </summary>
internal sealed class Gate : IDisposable
{
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Open() => _opened.TrySetResult();

    /// <summary>Blocks the calling thread until the gate opens; throws if it stays shut for 30 s.</summary>
    public void WaitUntilOpen()
    {
        if (!_opened.Task.Wait(TimeSpan.FromSeconds(30))) throw new TimeoutException("The test never opened the gate.");
    }

    public void Dispose() => Open();
}
