using ActorTrader.Actors;
using ActorTrader.Trading.Host.Targets;
using ActorTrader.Trading.Sleeves;

namespace ActorTrader.Node.Cluster.Sleeves;

/// <summary>
/// The meta-portfolio's sleeve in a cluster: a <see cref="RunSleeve"/> runs on the node that owns the sleeve. When this
/// node owns it, or nobody does, it runs here exactly as <see cref="SleeveProxy"/> runs it; otherwise it is asked of the
/// owner through its queue and polled, and run here after all when the owner gives the sleeve up (or dies) before it is
/// done. Either way the outcome is recorded in this node's sleeves actor and relayed to whoever asked, so targets and
/// reports do not depend on where the sleeve ran.
/// </summary>
internal sealed class ClusterSleeveProxy : ReceiveActor, IWithTimers
{
    private const string PollTimer = "poll";
    private readonly IActorRef _sleeves;
    private readonly string _sleeve;
    private readonly IRemoteSleeveRuns _remote;
    private readonly TimeSpan _pollInterval;
    private readonly ILoggingAdapter _log = Context.GetLogger();
    private IActorRef? _requester;
    private RunSleeve? _command;
    private (string Node, SleeveRunRequest Request)? _asked;

    public ClusterSleeveProxy(IActorRef sleeves, string sleeve, IRemoteSleeveRuns remote, TimeSpan pollInterval)
    {
        _sleeves = sleeves;
        _sleeve = sleeve;
        _remote = remote;
        _pollInterval = pollInterval;
        Receive<RunSleeve>(OnRun);
        Receive<SleeveOwnerFound>(OnOwnerFound);
        Receive<RemoteRunSubmitted>(_ => Poll());
        Receive<RemoteRunPollDue>(_ => Poll());
        Receive<RemoteRunPolled>(OnPolled);
        Receive<RemoteRunFailed>(OnRemoteFailed);
        Receive<SleeveOutcome>(Complete);
        Receive<Status.Failure>(failure => _requester?.Tell(failure, Self));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>The meta-portfolio's sleeve factory over the node's sleeves, routed by <paramref name="remote"/>.</summary>
    public static Func<string, Props> Factory(IActorRef sleeves, IRemoteSleeveRuns remote, TimeSpan pollInterval)
    {
        ArgumentNullException.ThrowIfNull(sleeves);
        ArgumentNullException.ThrowIfNull(remote);
        return name => Props.Create(() => new ClusterSleeveProxy(sleeves, name, remote, pollInterval));
    }

    private void OnRun(RunSleeve run)
    {
        _requester = Sender;
        _command = run;
        _asked = null;
        _remote.RemoteOwnerAsync(_sleeve, CancellationToken.None).PipeTo(Self, Self, owner => new SleeveOwnerFound(run, owner), e => new RemoteRunFailed(run, e, WhilePolling: false));
    }

    private void OnOwnerFound(SleeveOwnerFound found)
    {
        if (!ReferenceEquals(found.Run, _command)) return;
        if (found.Node is not { } node)
        {
            _sleeves.Tell(new RunNamedSleeve(_sleeve, found.Run), Self);
            return;
        }
        var request = SleeveRunRequest.Of(_sleeve, found.Run);
        _asked = (node, request);
        _log.Debug("Sleeve {Sleeve} runs on {Node}, its owner (item {Key})", _sleeve, node, request.Key);
        _remote.SubmitAsync(node, request, CancellationToken.None).PipeTo(Self, Self, () => new RemoteRunSubmitted(found.Run), e => new RemoteRunFailed(found.Run, e, WhilePolling: false));
    }

    private void Poll()
    {
        if (_asked is not { } asked || _command is not { } run) return;
        _remote.PollAsync(asked.Node, asked.Request, CancellationToken.None).PipeTo(Self, Self, state => new RemoteRunPolled(run, state), e => new RemoteRunFailed(run, e, WhilePolling: true));
    }

    private void OnPolled(RemoteRunPolled polled)
    {
        if (!ReferenceEquals(polled.Run, _command) || _asked is not { } asked) return;
        switch (polled.State.Status)
        {
            case RemoteSleeveRunStatus.Done:
                _asked = null;
                Complete(polled.State.Outcome!);
                break;
            case RemoteSleeveRunStatus.Abandoned:
                RunHere($"{polled.State.Reason} (asked of {asked.Node})");
                break;
            default:
                Timers.StartSingleTimer(PollTimer, RemoteRunPollDue.Instance, _pollInterval);
                break;
        }
    }

    private void OnRemoteFailed(RemoteRunFailed failed)
    {
        if (!ReferenceEquals(failed.Run, _command)) return;
        if (failed.WhilePolling && _asked is { } asked)
        {
            // The owner may still be running it: a database blip is no reason to run the sleeve twice.
            _log.Warning("Could not poll the run of sleeve {Sleeve} on {Node}: {Error}; polling again", _sleeve, asked.Node, failed.Cause.Message);
            Timers.StartSingleTimer(PollTimer, RemoteRunPollDue.Instance, _pollInterval);
            return;
        }
        RunHere($"the cluster's tables could not be read: {failed.Cause.Message}");
    }

    private void RunHere(string why)
    {
        if (_command is not { } run) return;
        _asked = null;
        Timers.Cancel(PollTimer);
        _log.Warning("Sleeve {Sleeve} runs on this node after all: {Reason}", _sleeve, why);
        _sleeves.Tell(new RunNamedSleeve(_sleeve, run), Self);
    }

    private void Complete(SleeveOutcome outcome)
    {
        _sleeves.Tell(new SleeveOutcomeRecorded(outcome), Self);
        _requester?.Tell(outcome, Self);
    }
}
