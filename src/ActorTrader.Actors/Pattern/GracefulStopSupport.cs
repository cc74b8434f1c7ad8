using ActorTrader.Actors.Dispatch;

namespace ActorTrader.Actors;

/// <summary>Akka's <c>GracefulStop</c>: send a stop message and wait until the actor has terminated.</summary>
public static class GracefulStopSupport
{
    /// <summary>True when the actor stopped within the timeout, false otherwise.</summary>
    public static Task<bool> GracefulStop(this IActorRef target, TimeSpan timeout) => GracefulStop(target, timeout, PoisonPill.Instance);

    public static async Task<bool> GracefulStop(this IActorRef target, TimeSpan timeout, object stopMessage)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(stopMessage);
        if (target is not LocalActorRef local) throw new ArgumentException($"GracefulStop needs a local actor reference, not {target}.", nameof(target));
        var system = local.Cell.System;
        var promise = new PromiseActorRef(system);
        local.SendSystemMessage(new Watch(local, promise));
        using var timer = new Cancelable();
        system.Scheduler.ScheduleOnce(timeout, () => promise.Cancel(CancellationToken.None), timer);
        target.Tell(stopMessage, ActorRefs.NoSender);
        try
        {
            var result = await promise.Result.ConfigureAwait(false);
            return result is Terminated terminated && terminated.ActorRef.Equals(target);
        }
        catch (OperationCanceledException)
        {
            local.SendSystemMessage(new Unwatch(local, promise));
            return false;
        }
        finally
        {
            timer.Cancel();
        }
    }
}
