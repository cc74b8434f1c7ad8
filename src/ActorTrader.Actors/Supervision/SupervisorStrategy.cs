using Serilog;

namespace ActorTrader.Actors;

/// <summary>
/// How a parent handles a failing child (Akka's supervision). The decider maps the exception to a
/// <see cref="Directive"/>; <see cref="OneForOneStrategy"/> applies it to the failed child only,
/// <see cref="AllForOneStrategy"/> to all children.
/// </summary>
public abstract class SupervisorStrategy
{
    protected SupervisorStrategy(int? maxNrOfRetries, TimeSpan? withinTimeRange, Func<Exception, Directive> decider, bool loggingEnabled)
    {
        ArgumentNullException.ThrowIfNull(decider);
        MaxNumberOfRetries = maxNrOfRetries;
        WithinTimeRange = withinTimeRange;
        Decider = decider;
        LoggingEnabled = loggingEnabled;
    }

    /// <summary>Restarts allowed within <see cref="WithinTimeRange"/> before the child is stopped; null or -1 for unlimited.</summary>
    public int? MaxNumberOfRetries { get; }

    public TimeSpan? WithinTimeRange { get; }

    public Func<Exception, Directive> Decider { get; }

    public bool LoggingEnabled { get; }

    /// <summary>
    /// Akka's default decider: initialization failures, <see cref="Kill"/> and death pacts stop the child;
    /// any other exception restarts it.
    /// </summary>
    public static Directive DefaultDecider(Exception exception) => exception switch
    {
        ActorInitializationException => Directive.Stop,
        ActorKilledException => Directive.Stop,
        DeathPactException => Directive.Stop,
        _ => Directive.Restart,
    };

    /// <summary>One-for-one, unlimited restarts, default decider.</summary>
    public static readonly SupervisorStrategy DefaultStrategy = new OneForOneStrategy(DefaultDecider);

    /// <summary>Stops any failing child.</summary>
    public static readonly SupervisorStrategy StoppingStrategy = new OneForOneStrategy(_ => Directive.Stop);

    /// <summary>Applies the directive; returns false to escalate.</summary>
    internal bool HandleFailure(ActorCell parent, ActorCell child, Exception cause)
    {
        Directive directive;
        try
        {
            directive = Decider(cause);
        }
        catch (Exception deciderFailure)
        {
            parent.System.Logger.Error(deciderFailure, "The supervisor decider of {ActorPath} threw while handling {Cause}; escalating", parent.Path.ToString(), cause.GetType().Name);
            return false;
        }
        LogFailure(parent.System.Logger, child, cause, directive);
        switch (directive)
        {
            case Directive.Resume:
                child.Self.SendSystemMessage(new Dispatch.Resume(cause));
                return true;
            case Directive.Restart:
                ProcessFailure(parent, restart: true, child, cause);
                return true;
            case Directive.Stop:
                ProcessFailure(parent, restart: false, child, cause);
                return true;
            default:
                return false;
        }
    }

    /// <summary>Restart (if permitted) or stop: the failed child only, or all children.</summary>
    private protected abstract void ProcessFailure(ActorCell parent, bool restart, ActorCell failedChild, Exception cause);

    private protected bool RequestRestartPermission(ActorCell parent, ActorCell child) =>
        child.RestartStats.RequestRestartPermission(MaxNumberOfRetries, WithinTimeRange, parent.System.Scheduler.MonotonicClock);

    private void LogFailure(ILogger logger, ActorCell child, Exception cause, Directive directive)
    {
        if (!LoggingEnabled) return;
        var path = child.Path.ToString();
        if (directive == Directive.Resume)
            logger.Warning(cause, "Actor {ActorPath} failed with {ExceptionType}: {Message}; resuming", path, cause.GetType().Name, cause.Message);
        else if (directive != Directive.Escalate)
            logger.Error(cause, "Actor {ActorPath} failed with {ExceptionType}: {Message}; directive {Directive}", path, cause.GetType().Name, cause.Message, directive);
    }
}
