namespace ActorTrader.Actors;

/// <summary>
/// Supervises one child and restarts it after exponentially growing delays (Akka's BackoffSupervisor),
/// so a failing broker connection is not hammered. Messages sent to the supervisor are forwarded to the
/// child while it runs and go to dead letters while it is down. Delays use the system scheduler.
/// </summary>
public sealed class BackoffSupervisor : ActorBase
{
    private readonly BackoffOptions _options;
    private IActorRef? _child;
    private int _restartCount;
    private bool _restartPending;

    public BackoffSupervisor(BackoffOptions options)
    {
        _options = options;
    }

    public static Props Props(BackoffOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Actors.Props.Create(() => new BackoffSupervisor(options));
    }

    /// <summary>Asks for the current child; answered with <see cref="CurrentChild"/>.</summary>
    public sealed class GetCurrentChild
    {
        public static readonly GetCurrentChild Instance = new();

        private GetCurrentChild() { }
    }

    public sealed record CurrentChild(IActorRef? Ref);

    /// <summary>Asks how often the child was restarted since the last reset; answered with <see cref="RestartCount"/>.</summary>
    public sealed class GetRestartCount
    {
        public static readonly GetRestartCount Instance = new();

        private GetRestartCount() { }
    }

    public sealed record RestartCount(int Count);

    /// <summary>Resets the backoff to its minimum.</summary>
    public sealed class Reset
    {
        public static readonly Reset Instance = new();

        private Reset() { }
    }

    private sealed record StartChild;

    private sealed record ResetRestartCount(int Current);

    protected override void PreStart() => StartChildNow();

    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(cause =>
    {
        var directive = _options.Decider(cause);
        if (directive != Directive.Restart || _options.Mode != BackoffMode.OnFailure) return directive;
        _restartPending = true; // stop it now; Terminated schedules the delayed start
        return Directive.Stop;
    });

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case Terminated terminated when terminated.ActorRef.Equals(_child):
                _child = null;
                var shouldRestart = _options.Mode == BackoffMode.OnStop || _restartPending;
                _restartPending = false;
                if (!shouldRestart)
                {
                    Context.Stop(Self); // the child stopped on purpose: so does its supervisor
                }
                else if (_options.MaxNrOfRetries >= 0 && _restartCount >= _options.MaxNrOfRetries)
                {
                    Context.Stop(Self);
                }
                else
                {
                    var delay = _options.DelayFor(_restartCount, Random.Shared.NextDouble());
                    _restartCount++;
                    Context.System.Scheduler.ScheduleTellOnce(delay, Self, new StartChild(), Self);
                }
                return true;
            case StartChild:
                if (_child is null) StartChildNow();
                return true;
            case ResetRestartCount reset:
                if (reset.Current == _restartCount) _restartCount = 0;
                return true;
            case Reset:
                _restartCount = 0;
                return true;
            case GetCurrentChild:
                Sender.Tell(new CurrentChild(_child), Self);
                return true;
            case GetRestartCount:
                Sender.Tell(new RestartCount(_restartCount), Self);
                return true;
            default:
                if (_child is not null) _child.Tell(message, Sender);
                else Context.System.DeadLetterRef.Publish(message, Sender, Self);
                return true;
        }
    }

    private void StartChildNow()
    {
        _child = Context.Watch(Context.ActorOf(_options.ChildProps, _options.ChildName));
        if (_restartCount > 0)
            Context.System.Scheduler.ScheduleTellOnce(_options.ResetBackoff, Self, new ResetRestartCount(_restartCount), Self);
    }
}
