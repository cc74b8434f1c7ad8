namespace ActorTrader.Actors;

/// <summary>Applies the decider's directive to all children when one fails (siblings that depend on each other).</summary>
public sealed class AllForOneStrategy : SupervisorStrategy
{
    public AllForOneStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider, bool loggingEnabled = true)
        : base(maxNrOfRetries, withinTimeRange, decider, loggingEnabled) { }

    public AllForOneStrategy(Func<Exception, Directive> decider)
        : base(null, null, decider, loggingEnabled: true) { }

    private protected override void ProcessFailure(ActorCell parent, bool restart, ActorCell failedChild, Exception cause)
    {
        var children = parent.ChildCells();
        var permitted = restart;
        foreach (var child in children) permitted = permitted && RequestRestartPermission(parent, child);
        foreach (var child in children)
        {
            if (!permitted)
            {
                parent.StopChild(child.Self);
                continue;
            }
            // Siblings were running: suspend them first so Recreate finds them suspended, as the failed one is.
            if (!ReferenceEquals(child, failedChild)) child.Self.SendSystemMessage(new Dispatch.Suspend());
            child.Self.SendSystemMessage(new Dispatch.Recreate(cause));
        }
    }
}
