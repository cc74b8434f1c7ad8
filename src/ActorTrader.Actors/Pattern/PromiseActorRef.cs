using ActorTrader.Actors.Dispatch;

namespace ActorTrader.Actors;

/// <summary>
/// A temporary actor under <c>/temp</c> that completes a task with the first message (or death-watch
/// notification) it receives, then unregisters itself; later messages go to dead letters.
/// </summary>
internal sealed class PromiseActorRef : MinimalActorRef
{
    private readonly ActorSystem _system;
    private readonly TaskCompletionSource<object> _promise = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _completed;
    private ICancelable? _timeout;
    private CancellationTokenRegistration _cancellation;

    public PromiseActorRef(ActorSystem system)
    {
        _system = system;
        Path = system.NewTempPath();
        system.RegisterTempActor(this);
    }

    public override ActorPath Path { get; }

    public Task<object> Result => _promise.Task;

    public override bool IsTerminated => Volatile.Read(ref _completed) != 0;

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!TryComplete()) _system.DeadLetterRef.Publish(message, sender, this);
        else if (message is Status.Failure failure) _promise.SetException(failure.Cause);
        else _promise.SetResult(message);
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        if (message is DeathWatchNotification notification && TryComplete())
            _promise.SetResult(new Terminated(notification.Actor, notification.ExistenceConfirmed, AddressTerminated: false));
    }

    public void Fail(Exception exception)
    {
        if (TryComplete()) _promise.SetException(exception);
    }

    public void Cancel(CancellationToken token)
    {
        if (TryComplete()) _promise.SetCanceled(token);
    }

    /// <summary>Ties the timeout timer and caller cancellation to this promise: both are released when it completes.</summary>
    public void Guard(ICancelable? timeout, CancellationTokenRegistration cancellation)
    {
        _cancellation = cancellation;
        Interlocked.Exchange(ref _timeout, timeout); // full fence: either we see the completion, or it sees the timer
        if (IsTerminated) Release(); // the reply won the race with this call
    }

    private bool TryComplete()
    {
        if (Interlocked.Exchange(ref _completed, 1) != 0) return false;
        _system.UnregisterTempActor(this);
        Release();
        return true;
    }

    private void Release()
    {
        Volatile.Read(ref _timeout)?.Cancel();
        _cancellation.Dispose();
    }
}
