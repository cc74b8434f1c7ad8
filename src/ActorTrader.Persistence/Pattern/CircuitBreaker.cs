using ActorTrader.Actors;

namespace ActorTrader.Persistence;

/// <summary>
/// Akka's <c>CircuitBreaker</c>: Closed until <c>maxFailures</c> consecutive failures (an exception or a call that takes
/// longer than <c>callTimeout</c>), then Open: calls fail fast with <see cref="OpenCircuitException"/>. After
/// <c>resetTimeout</c> it is HalfOpen: the next call is a trial; success closes it, failure opens it again.
/// Timeouts and the reset run on the given scheduler, so tests drive them with virtual time.
/// </summary>
public sealed class CircuitBreaker
{
    private readonly IScheduler _scheduler;
    private readonly Func<Exception, bool> _isFailure;
    private readonly Lock _gate = new();
    private readonly List<Action> _onOpen = [];
    private readonly List<Action> _onHalfOpen = [];
    private readonly List<Action> _onClose = [];
    private CircuitBreakerState _state = CircuitBreakerState.Closed;
    private int _failures;
    private bool _trialRunning;
    private TimeSpan _openedAt;
    private long _openGeneration;

    /// <param name="isFailure">Which exceptions count against the breaker (default: all). A store that answered "conflict" is healthy.</param>
    public CircuitBreaker(IScheduler scheduler, int maxFailures, TimeSpan callTimeout, TimeSpan resetTimeout, Func<Exception, bool>? isFailure = null)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFailures, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(callTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(resetTimeout, TimeSpan.Zero);
        _scheduler = scheduler;
        MaxFailures = maxFailures;
        CallTimeout = callTimeout;
        ResetTimeout = resetTimeout;
        _isFailure = isFailure ?? (_ => true);
    }

    public int MaxFailures { get; }

    public TimeSpan CallTimeout { get; }

    public TimeSpan ResetTimeout { get; }

    public CircuitBreakerState State
    {
        get
        {
            lock (_gate) return _state;
        }
    }

    /// <summary>Consecutive failures counted while closed.</summary>
    public int CurrentFailureCount
    {
        get
        {
            lock (_gate) return _failures;
        }
    }

    public CircuitBreaker OnOpen(Action callback) => AddCallback(_onOpen, callback);

    public CircuitBreaker OnHalfOpen(Action callback) => AddCallback(_onHalfOpen, callback);

    public CircuitBreaker OnClose(Action callback) => AddCallback(_onClose, callback);

    /// <summary>Runs <paramref name="body"/> under the breaker; its token is cancelled when the call times out.</summary>
    public async Task<T> WithCircuitBreaker<T>(Func<CancellationToken, Task<T>> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var isTrial = Enter();
        using var timeout = new CancellationTokenSource();
        var timedOut = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var timer = new Cancelable();
        _scheduler.ScheduleOnce(CallTimeout, () =>
        {
            // Cancel before failing the call: failing it lets the awaiting code finish and dispose the token
            // source, after which the body would never see its cancellation.
            CancelQuietly(timeout);
            timedOut.TrySetException(new TimeoutException($"The call did not complete within the circuit breaker's call-timeout of {CallTimeout.TotalSeconds:0.###} s."));
        }, timer);
        Task<T> call;
        try
        {
            call = body(timeout.Token);
        }
        catch (Exception e)
        {
            timer.Cancel();
            Completed(e, isTrial);
            throw;
        }
        var first = await Task.WhenAny(call, timedOut.Task).ConfigureAwait(false);
        timer.Cancel();
        try
        {
            var result = await first.ConfigureAwait(false);
            Completed(null, isTrial);
            return result;
        }
        catch (Exception e)
        {
            Completed(e, isTrial);
            throw;
        }
    }

    public Task WithCircuitBreaker(Func<CancellationToken, Task> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return WithCircuitBreaker(async token =>
        {
            await body(token).ConfigureAwait(false);
            return true;
        });
    }

    /// <summary>Admits a call or throws <see cref="OpenCircuitException"/>; true when the call is the half-open trial.</summary>
    private bool Enter()
    {
        lock (_gate)
        {
            switch (_state)
            {
                case CircuitBreakerState.Closed:
                    return false;
                case CircuitBreakerState.HalfOpen when !_trialRunning:
                    _trialRunning = true;
                    return true;
                case CircuitBreakerState.HalfOpen:
                    throw new OpenCircuitException("The circuit breaker is half-open and its one trial call is still running; this call was not attempted.", TimeSpan.Zero);
                default:
                    var remaining = ResetTimeout - (_scheduler.MonotonicClock - _openedAt);
                    if (remaining < TimeSpan.Zero) remaining = TimeSpan.Zero;
                    throw new OpenCircuitException(
                        $"The circuit breaker is open after {MaxFailures} consecutive failures; this call was not attempted. It lets a trial call through in {remaining.TotalSeconds:0.###} s.",
                        remaining);
            }
        }
    }

    private void Completed(Exception? error, bool isTrial)
    {
        var failed = error is not null && _isFailure(error);
        List<Action>? notify = null;
        lock (_gate)
        {
            switch (_state)
            {
                case CircuitBreakerState.Closed when failed:
                    if (++_failures >= MaxFailures) notify = Open();
                    break;
                case CircuitBreakerState.Closed:
                    _failures = 0;
                    break;
                case CircuitBreakerState.HalfOpen when isTrial:
                    _trialRunning = false;
                    notify = failed ? Open() : Close();
                    break;
                default:
                    break; // a call that started before the breaker opened (or a trial that outlived its half-open): its outcome changes nothing
            }
        }
        Notify(notify);
    }

    private List<Action> Open()
    {
        _state = CircuitBreakerState.Open;
        _openedAt = _scheduler.MonotonicClock;
        var generation = ++_openGeneration;
        _scheduler.ScheduleOnce(ResetTimeout, () => HalfOpen(generation));
        return _onOpen;
    }

    private List<Action> Close()
    {
        _state = CircuitBreakerState.Closed;
        _failures = 0;
        return _onClose;
    }

    private void HalfOpen(long generation)
    {
        lock (_gate)
        {
            if (_state != CircuitBreakerState.Open || generation != _openGeneration) return;
            _state = CircuitBreakerState.HalfOpen;
            _trialRunning = false;
        }
        Notify(_onHalfOpen);
    }

    private void Notify(List<Action>? callbacks)
    {
        if (callbacks is null) return;
        Action[] copy;
        lock (_gate) copy = callbacks.ToArray();
        foreach (var callback in copy) callback();
    }

    private CircuitBreaker AddCallback(List<Action> callbacks, Action callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        lock (_gate) callbacks.Add(callback);
        return this;
    }

    private static void CancelQuietly(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The call already finished and released its token source: nothing left to cancel.
        }
    }
}
