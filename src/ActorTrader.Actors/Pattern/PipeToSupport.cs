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
            t => Deliver(t, recipient, sender, () => success is null ? t.Result! : success(t.Result), failure),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>For a task without a result: <see cref="Status.Success"/> or <see cref="Status.Failure"/>.</summary>
    public static Task PipeTo(this Task task, ICanTell recipient, IActorRef? sender = null,
        Func<object>? success = null, Func<Exception, object>? failure = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(recipient);
        return task.ContinueWith(
            t => Deliver(t, recipient, sender, success ?? (() => new Status.Success(null)), failure),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private static void Deliver(Task completed, ICanTell recipient, IActorRef? sender, Func<object> onSuccess, Func<Exception, object>? failure)
    {
        if (completed.IsCompletedSuccessfully)
        {
            recipient.Tell(onSuccess(), sender);
            return;
        }
        var error = completed.IsCanceled ? new TaskCanceledException(completed) : completed.Exception!.GetBaseException();
        recipient.Tell(failure is null ? new Status.Failure(error) : failure(error), sender);
    }
}
