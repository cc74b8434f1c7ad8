namespace ActorTrader.Actors;

/// <summary>Receive timeout: a <see cref="ReceiveTimeout"/> after a period without (influencing) messages.</summary>
internal sealed partial class ActorCell
{
    private TimeSpan? _receiveTimeout;
    private ICancelable? _receiveTimeoutTask;
    private int _receiveTimeoutGeneration;

    public TimeSpan? ReceiveTimeout => _receiveTimeout;

    public void SetReceiveTimeout(TimeSpan? timeout)
    {
        if (timeout is null || timeout <= TimeSpan.Zero)
        {
            _receiveTimeout = null;
            CancelReceiveTimeout();
            return;
        }
        _receiveTimeout = timeout;
        RescheduleReceiveTimeout();
    }

    private void RescheduleReceiveTimeout()
    {
        CancelReceiveTimeout();
        if (_receiveTimeout is not { } timeout) return;
        _receiveTimeoutTask = System.Scheduler.ScheduleTellOnceCancelable(timeout, Self, new ReceiveTimeoutTick(_receiveTimeoutGeneration), null);
    }

    private void CancelReceiveTimeout()
    {
        // A new generation makes a tick that is already queued stale.
        _receiveTimeoutGeneration++;
        _receiveTimeoutTask?.Cancel();
        _receiveTimeoutTask = null;
    }
}

/// <summary>The scheduled tick behind a receive timeout; stale ticks are dropped by generation.</summary>
internal sealed record ReceiveTimeoutTick(int Generation) : IAutoReceivedMessage, INotInfluenceReceiveTimeout, IDeadLetterSuppression;
