using System.Globalization;
using ActorTrader.Actors;

namespace ActorTrader.Cluster.WorkQueues;

/// <summary>
/// Works one queue on this node: claims up to the free slots (every poll interval, after each finished item and on
/// <see cref="Poke"/>), runs the <see cref="IWorkHandler"/> of each item on the thread pool (at most
/// <see cref="WorkerSettings.Parallelism"/> at once), extends each claim every third of the visibility timeout while its
/// handler runs, and writes the result or the failure. A handler that throws fails only its attempt, never the worker. On
/// stop the running handlers are cancelled and their items, still claimed, become visible to other workers when their
/// visibility timeout passes: nothing is lost. A claim found lost while running (it expired and was taken over) cancels
/// its handler; the other worker's result is the one kept.
/// </summary>
public sealed class WorkQueueWorker : ReceiveActor, IWithTimers
{
    private const string PollTimer = "poll";

    private readonly WorkQueue _queue;
    private readonly WorkerSettings _settings;
    private readonly IWorkHandler _handler;
    private readonly ILoggingAdapter _log;
    // Keyed by claim token: an item's next attempt may be claimed before the previous attempt's end is handled here.
    private readonly Dictionary<Guid, Running> _running = [];
    private bool _claiming;
    private bool _claimAgain;
    private long _completed;
    private long _failed;

    public WorkQueueWorker(WorkQueue queue, WorkerSettings settings, IWorkHandler handler)
    {
        _queue = queue;
        _settings = settings;
        _handler = handler;
        _log = Context.GetLogger();

        Receive<PollDue>(_ => TryClaim(again: false));
        Receive<Poke>(_ => TryClaim(again: true));
        Receive<ClaimsArrived>(OnClaimsArrived);
        Receive<ClaimFailed>(OnClaimFailed);
        Receive<ExtendDue>(OnExtendDue);
        Receive<ClaimExtended>(OnClaimExtended);
        Receive<ExtendFailed>(OnExtendFailed);
        Receive<ItemFinished>(OnItemFinished);
        Receive<GetWorkerState>(_ => Sender.Tell(new WorkerState(_running.Count, _completed, _failed), Self));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(WorkQueue queue, WorkerSettings settings, IWorkHandler handler)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(handler);
        settings.Validate();
        return Actors.Props.Create(() => new WorkQueueWorker(queue, settings, handler));
    }

    protected override void PreStart()
    {
        Timers.StartPeriodicTimer(PollTimer, PollDue.Instance, _settings.PollInterval);
        Self.Tell(PollDue.Instance, Self);
    }

    protected override void PostStop()
    {
        // The items stay claimed until their visibility timeout passes; then any worker takes them again.
        foreach (var running in _running.Values) running.Cancel.Cancel();
        if (_running.Count > 0)
        {
            _log.Info("Worker {Worker} stopped with {Count} item(s) of queue {Queue} unfinished ({Keys}); they are claimed again after the visibility timeout",
                _settings.WorkerName, _running.Count, _settings.Queue, string.Join(", ", _running.Values.Select(r => r.Claim.Key).Order(StringComparer.Ordinal)));
        }
    }

    /// <param name="again">Claim once more after a claim in flight (new work was announced or a slot freed since it was asked); a poll does not.</param>
    private void TryClaim(bool again)
    {
        var free = _settings.Parallelism - _running.Count;
        if (free <= 0) return;
        if (_claiming)
        {
            _claimAgain |= again;
            return;
        }
        _claiming = true;
        _claimAgain = false;
        _queue.ClaimAsync(_settings.Queue, _settings.WorkerName, free, _settings.VisibilityTimeout, CancellationToken.None)
            .PipeTo(Self, Self, claims => new ClaimsArrived(claims), e => new ClaimFailed(e));
    }

    private void OnClaimsArrived(ClaimsArrived arrived)
    {
        _claiming = false;
        foreach (var claim in arrived.Claims) Start(claim);
        if (_claimAgain) TryClaim(again: false);
    }

    private void OnClaimFailed(ClaimFailed failed)
    {
        _claiming = false;
        _claimAgain = false;
        // The database may be away for a moment: the next poll tries again.
        _log.Warning("Worker {Worker} could not claim items of queue {Queue}: {Error}; retrying at the next poll in {Interval}",
            _settings.WorkerName, _settings.Queue, failed.Cause.Message, _settings.PollInterval);
    }

    private void Start(ClaimedWork claim)
    {
        var cancel = new CancellationTokenSource();
        _running[claim.ClaimToken] = new Running(claim, cancel);
        Timers.StartPeriodicTimer(ExtendTimer(claim.ClaimToken), new ExtendDue(claim.ClaimToken), _settings.VisibilityTimeout / 3);
        var (queue, handler, settings, token) = (_queue, _handler, _settings, cancel.Token);
        Task.Run(() => Work(queue, handler, settings, claim, token), CancellationToken.None)
            .PipeTo(Self, Self, finished => finished, e => new ItemFinished(claim.ClaimToken, ItemEnd.Abandoned, e.Message));
    }

    /// <summary>Off the actor: the handler, then the result or the failure written while the claim holds.</summary>
    private static async Task<ItemFinished> Work(WorkQueue queue, IWorkHandler handler, WorkerSettings settings, ClaimedWork claim, CancellationToken token)
    {
        string result;
        try
        {
            result = await handler.HandleAsync(claim, token).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"The handler of queue {claim.Queue} returned no result for item {claim.Key}.");
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return new ItemFinished(claim.ClaimToken, ItemEnd.Abandoned, "cancelled");
        }
        catch (Exception e) // the attempt fails with the handler's reason; the worker goes on with other items
        {
            var error = $"{e.GetType().Name}: {e.Message} (worker {settings.WorkerName}, attempt {claim.Attempt.ToString(CultureInfo.InvariantCulture)})";
            // A finished attempt is written even while the worker stops, so its work is not repeated.
            await queue.FailAsync(claim, error, settings.RetryDelay, CancellationToken.None).ConfigureAwait(false);
            return new ItemFinished(claim.ClaimToken, ItemEnd.Failed, error);
        }
        var written = await queue.CompleteAsync(claim, result, CancellationToken.None).ConfigureAwait(false);
        return written
            ? new ItemFinished(claim.ClaimToken, ItemEnd.Completed, "")
            : new ItemFinished(claim.ClaimToken, ItemEnd.Abandoned, "the claim was lost before the result was written; the first result is kept");
    }

    private void OnExtendDue(ExtendDue due)
    {
        if (!_running.TryGetValue(due.Claim, out var running)) return;
        var id = due.Claim;
        _queue.ExtendAsync(running.Claim, _settings.VisibilityTimeout, CancellationToken.None)
            .PipeTo(Self, Self, held => new ClaimExtended(id, held), e => new ExtendFailed(id, e));
    }

    private void OnExtendFailed(ExtendFailed failed)
    {
        if (!_running.TryGetValue(failed.Claim, out var running)) return;
        // The next extension tries again; the claim holds until its visibility timeout passes.
        _log.Warning("Worker {Worker} could not extend its claim on item {Key} of queue {Queue}: {Error}", _settings.WorkerName, running.Claim.Key, _settings.Queue, failed.Cause.Message);
    }

    private void OnClaimExtended(ClaimExtended extended)
    {
        if (extended.Held || !_running.TryGetValue(extended.Claim, out var running)) return;
        _log.Warning("Worker {Worker} lost its claim on item {Key} of queue {Queue} (its visibility timeout passed); cancelling it, another worker's result counts",
            _settings.WorkerName, running.Claim.Key, _settings.Queue);
        running.Cancel.Cancel();
    }

    private void OnItemFinished(ItemFinished finished)
    {
        if (!_running.Remove(finished.Claim, out var running)) return;
        Timers.Cancel(ExtendTimer(finished.Claim));
        running.Cancel.Dispose();
        switch (finished.End)
        {
            case ItemEnd.Completed:
                _completed++;
                break;
            case ItemEnd.Failed:
                _failed++;
                _log.Warning("Worker {Worker}: item {Key} of queue {Queue} failed: {Error}", _settings.WorkerName, running.Claim.Key, _settings.Queue, finished.Detail);
                break;
            default:
                _log.Warning("Worker {Worker}: item {Key} of queue {Queue} was not finished ({Reason}); it is claimed again after its visibility timeout",
                    _settings.WorkerName, running.Claim.Key, _settings.Queue, finished.Detail);
                break;
        }
        TryClaim(again: true);
    }

    private static string ExtendTimer(Guid claim) => "extend-" + claim.ToString("N", CultureInfo.InvariantCulture);

    private sealed record Running(ClaimedWork Claim, CancellationTokenSource Cancel);
}
