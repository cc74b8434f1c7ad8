using ActorTrader.Actors.Dispatch;

namespace ActorTrader.Actors;

/// <summary>
/// <c>/user</c> and <c>/system</c>: they supervise top-level actors with the default strategy and
/// route anything told to them to dead letters.
/// </summary>
internal sealed class GuardianActor : ActorBase
{
    protected override bool Receive(object message)
    {
        if (message is Terminated) return true;
        Context.System.DeadLetterRef.Publish(message, Sender, Self);
        return true;
    }
}

/// <summary>
/// <c>/</c>: stops <c>/user</c> first and <c>/system</c> after it, then itself; a failing guardian is stopped.
/// </summary>
internal sealed class RootGuardianActor : ActorBase
{
    protected override SupervisorStrategy SupervisorStrategy() => Actors.SupervisorStrategy.StoppingStrategy;

    protected override void PreStart()
    {
        Context.Watch(Context.System.UserGuardian);
        Context.Watch(Context.System.SystemGuardian);
    }

    protected override bool Receive(object message)
    {
        if (message is Terminated terminated)
        {
            var system = Context.System;
            if (terminated.ActorRef.Equals(system.UserGuardian)) Context.Stop(system.SystemGuardian);
            else if (terminated.ActorRef.Equals(system.SystemGuardian)) Context.Stop(Self);
            return true;
        }
        return false;
    }
}

/// <summary>The parent of the root guardian: when the root stops, the system has terminated.</summary>
internal sealed class RootGuardianSupervisor(ActorPath path, Action onRootTerminated, Serilog.ILogger logger) : MinimalActorRef
{
    public override ActorPath Path { get; } = path;

    public IInternalActorRef? Root { get; set; }

    public override void SendSystemMessage(SystemMessage message)
    {
        switch (message)
        {
            case Failed failed:
                logger.Error(failed.Cause, "The root guardian failed; stopping the actor system");
                Root?.Stop();
                break;
            case DeathWatchNotification:
                onRootTerminated();
                break;
        }
    }
}
