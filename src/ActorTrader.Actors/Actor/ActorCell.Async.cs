using ActorTrader.Actors.Dispatch;

namespace ActorTrader.Actors;

/// <summary>
/// Async handlers: the mailbox is suspended until the handler's task completes, and every
/// continuation runs as a system message of this actor, so actor state stays single-threaded.
/// </summary>
internal sealed partial class ActorCell
{
    private int _asyncGeneration;
    private bool _awaitingAsync;
    private Envelope? _asyncEnvelope;

    public void RunTask(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (_awaitingAsync)
            throw new InvalidOperationException($"{Path}: RunTask/ReceiveAsync was called while an async handler is still running. Fix: await the work inside the running handler instead.");
        var context = new ActorSynchronizationContext(this, _currentEnvelope);
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(context);
        Task task;
        try
        {
            task = action();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }

        if (task.IsCompleted)
        {
            task.GetAwaiter().GetResult(); // a synchronous failure fails the actor right here
            return;
        }
        Mailbox.Suspend();
        _awaitingAsync = true;
        _asyncEnvelope = _currentEnvelope;
        var generation = ++_asyncGeneration;
        task.ContinueWith(
            t => Self.SendSystemMessage(new AsyncHandlerCompleted(
                t.IsFaulted ? t.Exception!.GetBaseException() : t.IsCanceled ? new TaskCanceledException(t) : null,
                generation)),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void AsyncHandlerFinished(AsyncHandlerCompleted completed)
    {
        if (!_awaitingAsync || completed.Generation != _asyncGeneration) return;
        _awaitingAsync = false;
        Mailbox.Resume();
        _currentEnvelope = _asyncEnvelope;
        _asyncEnvelope = null;
        if (completed.Error is not null)
        {
            HandleInvokeFailure(completed.Error);
            return;
        }
        if (_receiveTimeout is not null && _currentEnvelope?.Message is not INotInfluenceReceiveTimeout) RescheduleReceiveTimeout();
        _currentEnvelope = null;
    }

    /// <summary>Posts await continuations back to the actor as system messages.</summary>
    private sealed class ActorSynchronizationContext(ActorCell cell, Envelope? envelope) : SynchronizationContext
    {
        public ActorCell Cell => cell;

        public Envelope? Envelope => envelope;

        public override void Post(SendOrPostCallback d, object? state) =>
            cell.Self.SendSystemMessage(new RunContinuation(d, state, this));

        public override void Send(SendOrPostCallback d, object? state) => d(state);

        public override SynchronizationContext CreateCopy() => this;
    }

    /// <summary>One await continuation, run on the actor's turn with its context and current sender restored.</summary>
    private sealed class RunContinuation(SendOrPostCallback callback, object? state, ActorSynchronizationContext context) : SystemMessage
    {
        public void Run(ActorCell cell)
        {
            var previousContext = SynchronizationContext.Current;
            var previousEnvelope = cell._currentEnvelope;
            SynchronizationContext.SetSynchronizationContext(context);
            cell._currentEnvelope = context.Envelope;
            try
            {
                callback(state);
            }
            finally
            {
                cell._currentEnvelope = previousEnvelope;
                SynchronizationContext.SetSynchronizationContext(previousContext);
            }
        }
    }
}
