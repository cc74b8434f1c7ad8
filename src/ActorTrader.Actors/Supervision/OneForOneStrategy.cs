namespace ActorTrader.Actors;

/// <summary>Applies the decider's directive to the failed child only.</summary>
public sealed class OneForOneStrategy : SupervisorStrategy
{
    public OneForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider, bool loggingEnabled = true)
        : base(maxNrOfRetries, withinTimeRange, decider, loggingEnabled) { }

    public OneForOneStrategy(Func<Exception, Directive> decider)
        : base(null, null, decider, loggingEnabled: true) { }

    private protected override void ProcessFailure(ActorCell parent, bool restart, ActorCell failedChild, Exception cause)
    {
        if (restart && RequestRestartPermission(parent, failedChild)) failedChild.Self.SendSystemMessage(new Dispatch.Recreate(cause));
        else parent.StopChild(failedChild.Self);
    }
}
