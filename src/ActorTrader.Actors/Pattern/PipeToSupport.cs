namespace ActorTrader.Actors;

/// <summary>Akka's <c>PipeTo</c>: sends a task's result (or <see cref="Status.Failure"/>) to an actor when it completes.</summary>
public static class PipeToSupport
{
    public static Task PipeTo<T>(this Task<T> task, ICanTell recipient, IActorRef? sender = null,
        Func<T, object>? success = null, Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(recipient);
        return task.ContinueWith(
            t =>
            {
                if (t.IsCompletedSuccessfully) recipient.Tell(success is null ? t.Result! : success(t.Result), sender);
                else
                {
                    var error = t.IsCanceled ? new TaskCanceledException(t) : t.Exception!.GetBaseException();
                    recipient.Tell(failure is null ? new Status.Failure(error) : failure(error), sender);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    /// <summary>For a task without a result: <see cref="Status.Success"/> or <see cref="Status.Failure"/>.</summary>
    public static Task PipeTo(this Task task, ICanTell recipient, IActorRef? sender = null,
        Func<object>? success = null, Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(recipient);
        return task.ContinueWith(
            t =>
            {
                if (t.IsCompletedSuccessfully) recipient.Tell(success is null ? new Status.Success(null) : success(), sender);
                else
                {
                    var error = t.IsCanceled ? new TaskCanceledException(t) : t.Exception!.GetBaseException();
                    recipient.Tell(failure is null ? new Status.Failure(error) : failure(error), sender);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}
