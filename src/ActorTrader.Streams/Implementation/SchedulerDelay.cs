using ActorTrader.Actors;

namespace ActorTrader.Streams.Implementation;

/// <summary>Task.Delay on the materializer's scheduler, so time-based stages follow TestKit virtual time.</summary>
internal static class SchedulerDelay
{
    public static Task Delay(IScheduler scheduler, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested) return Task.FromCanceled(cancellationToken);
        if (delay <= TimeSpan.Zero) return Task.CompletedTask;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var cancelable = new Cancelable();
        var registration = cancellationToken.Register(() =>
        {
            cancelable.Cancel();
            done.TrySetCanceled(cancellationToken);
        });
        scheduler.ScheduleOnce(delay, () =>
        {
            registration.Dispose();
            cancelable.Dispose();
            done.TrySetResult();
        }, cancelable);
        return done.Task;
    }
}
