using ActorTrader.Actors;
using ActorTrader.Cluster.Leases;

namespace ActorTrader.Cluster.Singleton;

/// <summary>
/// Runs one singleton on whichever node holds its lease (Akka's ClusterSingletonManager over a PostgreSQL lease).
/// Standby: tries to take the lease every retry interval. Active: renews every third of the TTL and keeps a local
/// deadline (start of the last successful renewal + TTL, on the actor system's clock). When a renewal is refused or the
/// deadline passes, it clears the local epoch first (writes in the lease's scope fail at once), then stops the
/// singleton, publishes <see cref="SingletonStopped"/> and goes back to standby. On stop it stops the singleton and
/// releases the lease, so a standby takes over without waiting for the TTL. Database calls never block the actor.
/// </summary>
public sealed class ClusterSingletonManager : ReceiveActor, IWithTimers
{
    /// <summary>Why the singleton stopped when its lease lapsed without a successful renewal.</summary>
    public const string NotRenewedReason = "lease not renewed within TTL (database unreachable?)";

    /// <summary>Why the singleton stopped when its node shut down.</summary>
    public const string ShutdownReason = "node shutting down";

    private const string RegisterTimer = "register-scopes";
    private const string AcquireTimer = "acquire";
    private const string RenewTimer = "renew";
    private const string DeadlineTimer = "deadline";

    private readonly ClusterSingletonSettings _settings;
    private readonly LeaseStore _store;
    private readonly LeaseEpochs _epochs;
    private readonly ISingletonLifecycle _lifecycle;
    private readonly ILoggingAdapter _log;
    private LeaseGrant? _grant;
    private long _lastEpoch;
    private string? _currentHolder;
    private bool _inFlight;
    private TimeSpan _deadline;
    private int _term;

    public ClusterSingletonManager(ClusterSingletonSettings settings, LeaseStore store, LeaseEpochs epochs, ISingletonLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        _settings = settings;
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _epochs = epochs ?? throw new ArgumentNullException(nameof(epochs));
        _lifecycle = lifecycle ?? throw new ArgumentNullException(nameof(lifecycle));
        _log = Context.GetLogger();
        Registering();
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(ClusterSingletonSettings settings, LeaseStore store, LeaseEpochs epochs, ISingletonLifecycle lifecycle) =>
        Actors.Props.Create(() => new ClusterSingletonManager(settings, store, epochs, lifecycle));

    private static TimeSpan Now => Context.System.Scheduler.MonotonicClock;

    private string LeaseName => _settings.LeaseName;

    protected override void PreStart()
    {
        _epochs.Register(LeaseName, _settings.Scopes);
        Self.Tell(RegisterScopes.Instance);
    }

    protected override void PostStop()
    {
        if (_grant is not { } grant) return;
        // Local fence first, then the singleton, then the lease: a standby may start it only once this one is stopped.
        _epochs.Release(LeaseName);
        _grant = null;
        _ = HandOverAsync(grant, Context.System.EventStream);
    }

    /// <summary>The fence in the database must be in place before this node ever writes under the lease.</summary>
    private void Registering()
    {
        Receive<RegisterScopes>(_ => _store.RegisterScopesAsync(LeaseName, _settings.Scopes, CancellationToken.None)
            .PipeTo(Self, success: () => new ScopesRegistered(null), failure: ex => new ScopesRegistered(ex)));
        Receive<ScopesRegistered>(registered =>
        {
            if (registered.Error is not null)
            {
                _log.Warning("Singleton {Lease}: registering its fencing scopes failed, retrying in {Retry}: {Error}", LeaseName, _settings.RetryInterval, registered.Error.Message);
                Timers.StartSingleTimer(RegisterTimer, RegisterScopes.Instance, _settings.RetryInterval);
                return;
            }

            BecomeStandby(TimeSpan.Zero);
        });
        Receive<GetSingletonState>(_ => ReplyState());
    }

    /// <param name="firstAttempt">Zero on start; a retry interval after losing the lease, so the node that took it over is not raced.</param>
    private void BecomeStandby(TimeSpan firstAttempt)
    {
        _term++;
        _inFlight = false;
        Become(Standby);
        Timers.StartPeriodicTimer(AcquireTimer, AttemptAcquire.Instance, firstAttempt, _settings.RetryInterval);
    }

    private void Standby()
    {
        Receive<AttemptAcquire>(_ =>
        {
            if (_inFlight) return;
            _inFlight = true;
            AcquireAsync(Now).PipeTo(Self, failure: ex => new AcquireResult(null, null, TimeSpan.Zero, ex));
        });
        ReceiveAsync<AcquireResult>(result => ActivateAsync(result.Grant!, result.Started), result => result.Grant is not null);
        Receive<AcquireResult>(result =>
        {
            _inFlight = false;
            if (result.Error is not null)
            {
                _log.Warning("Singleton {Lease}: acquiring the lease failed, retrying every {Retry}: {Error}", LeaseName, _settings.RetryInterval, result.Error.Message);
                return;
            }

            _currentHolder = result.Current is { Held: true } current ? current.Holder : null;
            if (result.Current is not null) _lastEpoch = result.Current.Epoch;
        });
        Stale();
        Receive<GetSingletonState>(_ => ReplyState());
    }

    private void Active()
    {
        Receive<RenewTick>(_ =>
        {
            if (_inFlight || _grant is not { } grant) return;
            _inFlight = true;
            var started = Now;
            var term = _term;
            _store.RenewAsync(grant, _settings.Ttl, CancellationToken.None)
                .PipeTo(Self, success: renewed => new RenewResult(renewed, started, term, null), failure: ex => new RenewResult(null, started, term, ex));
        });
        Receive<RenewResult>(OnRenewResult, result => result.Term == _term);
        Receive<DeadlineTick>(OnDeadline, tick => tick.Term == _term);
        Stale();
        Receive<GetSingletonState>(_ => ReplyState());
    }

    /// <summary>Waiting for the lost lease's reason; renewals and deadlines of the old term are dropped.</summary>
    private void Losing()
    {
        ReceiveAsync<LeaseLost>(StopSingletonAsync);
        Stale();
        Receive<GetSingletonState>(_ => ReplyState());
    }

    /// <summary>Ticks and results from an earlier state arrive late; they are dropped, never unhandled.</summary>
    private void Stale()
    {
        Receive<AttemptAcquire>(_ => { });
        Receive<AcquireResult>(_ => _inFlight = false);
        Receive<RenewTick>(_ => { });
        Receive<RenewResult>(_ => { });
        Receive<DeadlineTick>(_ => { });
        Receive<RegisterScopes>(_ => { });
        Receive<ScopesRegistered>(_ => { });
    }

    private async Task<AcquireResult> AcquireAsync(TimeSpan started)
    {
        var grant = await _store.TryAcquireAsync(LeaseName, _settings.Holder, _settings.Ttl, CancellationToken.None).ConfigureAwait(false);
        var current = grant is null ? await _store.ReadAsync(LeaseName, CancellationToken.None).ConfigureAwait(false) : null;
        return new AcquireResult(grant, current, started, null);
    }

    private async Task ActivateAsync(LeaseGrant grant, TimeSpan started)
    {
        _inFlight = false;
        Timers.Cancel(AcquireTimer);
        _term++;
        _grant = grant;
        _lastEpoch = grant.Epoch;
        _currentHolder = grant.Holder;
        _deadline = started + _settings.Ttl;
        _epochs.Hold(grant);
        try
        {
            await _lifecycle.StartAsync(grant, CancellationToken.None);
        }
#pragma warning disable CA1031 // Any failure of the singleton's start hands the lease back and is logged; the manager keeps retrying.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _log.Error(ex, "Singleton {Lease}: starting it at epoch {Epoch} failed; releasing the lease and retrying in {Retry}", LeaseName, grant.Epoch, _settings.RetryInterval);
            _epochs.Release(LeaseName);
            _grant = null;
            await ReleaseLoggedAsync(grant);
            BecomeStandby(_settings.RetryInterval);
            return;
        }

        _log.Info("Singleton {Lease} started on {Holder} at epoch {Epoch}", LeaseName, grant.Holder, grant.Epoch);
        Context.System.EventStream.Publish(new SingletonStarted(LeaseName, grant.Epoch, grant.Holder));
        Become(Active);
        Timers.StartPeriodicTimer(RenewTimer, RenewTick.Instance, RenewInterval(), RenewInterval());
        ScheduleDeadline();
    }

    private TimeSpan RenewInterval() => _settings.Ttl / 3;

    private void ScheduleDeadline()
    {
        var remaining = _deadline - Now;
        Timers.StartSingleTimer(DeadlineTimer, new DeadlineTick(_term), remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero);
    }

    private void OnRenewResult(RenewResult result)
    {
        _inFlight = false;
        if (result.Error is not null)
        {
            _log.Warning("Singleton {Lease}: renewing the lease failed, {Left} left before it lapses: {Error}", LeaseName, _deadline - Now, result.Error.Message);
            return;
        }

        if (result.Grant is { } renewed)
        {
            _grant = renewed;
            _deadline = result.Started + _settings.Ttl;
            ScheduleDeadline();
            return;
        }

        var lost = _grant!;
        Lose();
        _store.ReadAsync(LeaseName, CancellationToken.None).PipeTo(
            Self,
            success: view => new LeaseLost(lost, TakeOverReason(lost, view)),
            failure: ex => new LeaseLost(lost, $"lease renewal refused (the current holder could not be read: {ex.Message})"));
    }

    private void OnDeadline(DeadlineTick tick)
    {
        if (Now < _deadline)
        {
            ScheduleDeadline();
            return;
        }

        var lost = _grant!;
        Lose();
        Self.Tell(new LeaseLost(lost, NotRenewedReason));
    }

    /// <summary>Fences locally at once; the singleton is stopped when the reason is known.</summary>
    private void Lose()
    {
        _epochs.Release(LeaseName);
        _grant = null;
        _term++;
        _inFlight = false;
        Timers.Cancel(RenewTimer);
        Timers.Cancel(DeadlineTimer);
        Become(Losing);
    }

    private static string TakeOverReason(LeaseGrant lost, LeaseView? view) =>
        view is not null && (view.Holder != lost.Holder || view.Epoch != lost.Epoch)
            ? $"lease taken over by {view.Holder} at epoch {view.Epoch}"
            : NotRenewedReason;

    private async Task StopSingletonAsync(LeaseLost lost)
    {
        _log.Warning("Singleton {Lease} at epoch {Epoch} stops: {Reason}", LeaseName, lost.Grant.Epoch, lost.Reason);
        await StopLifecycleLoggedAsync(lost.Grant, lost.Reason);
        Context.System.EventStream.Publish(new SingletonStopped(LeaseName, lost.Grant.Epoch, lost.Reason));
        BecomeStandby(_settings.RetryInterval);
    }

    private async Task HandOverAsync(LeaseGrant grant, EventStream events)
    {
        await StopLifecycleLoggedAsync(grant, ShutdownReason).ConfigureAwait(false);
        events.Publish(new SingletonStopped(LeaseName, grant.Epoch, ShutdownReason));
        await ReleaseLoggedAsync(grant).ConfigureAwait(false);
    }

    private async Task StopLifecycleLoggedAsync(LeaseGrant grant, string reason)
    {
        try
        {
            await _lifecycle.StopAsync(reason).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A singleton that fails to stop is logged; the lease is fenced already and the manager must go on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _log.Error(ex, "Singleton {Lease}: stopping it at epoch {Epoch} ({Reason}) failed", LeaseName, grant.Epoch, reason);
        }
    }

    private async Task ReleaseLoggedAsync(LeaseGrant grant)
    {
        try
        {
            await _store.ReleaseAsync(grant, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Best effort: an unreleased lease lapses after its TTL anyway.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _log.Warning("Singleton {Lease}: releasing the lease at epoch {Epoch} failed, it lapses after {Ttl}: {Error}", LeaseName, grant.Epoch, _settings.Ttl, ex.Message);
        }
    }

    private void ReplyState() =>
        Sender.Tell(new SingletonState(LeaseName, _grant is not null, _grant?.Epoch ?? _lastEpoch, _grant?.Holder ?? _currentHolder), Self);
}
