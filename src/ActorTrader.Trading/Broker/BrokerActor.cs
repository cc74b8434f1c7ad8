using ActorTrader.Actors;
using ActorTrader.Brokers.Abstractions;

namespace ActorTrader.Trading.Broker;

/// <summary>
/// <c>account-&lt;id&gt;/broker</c>: owns the broker connection. A session child (under a <see cref="BackoffSupervisor"/>,
/// exponential backoff) makes the <see cref="IBroker"/> and runs the trade-update stream; this actor makes the calls
/// off its thread (PipeTo), in arrival order (max-in-flight at once), and answers each command exactly once with its typed result. While the connection is being
/// (re)established, commands wait here in arrival order — not lost, not duplicated; a call cut off by a broken
/// connection runs again if it is safe to (queries, cancels) and is answered "ambiguous" otherwise (submits).
/// Trade updates go to the subscribers in the broker's order; while there is none they wait for the first.
/// </summary>
public sealed class BrokerActor : ReceiveActor, IWithTimers
{
    /// <summary>Name of the backoff supervisor child; the session under it is <see cref="SessionName"/>.</summary>
    public const string ConnectionName = "connection";

    public const string SessionName = "session";

    private const string SweepTimer = "sweep-buffer";
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(1);

    private readonly Func<IBroker> _factory;
    private readonly BrokerConnectionSettings _settings;
    private readonly ILoggingAdapter _log;
    private readonly LinkedList<PendingCall> _waiting = new();
    private readonly Dictionary<long, PendingCall> _inFlight = [];
    private readonly List<IActorRef> _subscribers = [];
    private readonly Queue<TradeUpdate> _undelivered = new();
    private IBroker? _broker;
    private CancellationToken _token;
    private IActorRef? _session;
    private long _generation;
    private long _lastCallId;

    public BrokerActor(Func<IBroker> factory, BrokerConnectionSettings settings)
    {
        _factory = factory;
        _settings = settings;
        _log = Context.GetLogger();

        Receive<IBrokerCommand>(command => Enqueue(command, Sender));
        Receive<BrokerCallCompleted>(OnCallCompleted);
        Receive<SessionEstablished>(OnSessionEstablished);
        Receive<SessionLost>(lost => OnSessionDown(Sender, lost.Reason));
        Receive<Terminated>(t => OnSessionDown(t.ActorRef, "The broker connection session stopped; reconnecting with backoff."), t => t.ActorRef.Equals(_session));
        Receive<Terminated>(t =>
        {
            _subscribers.Remove(t.ActorRef);
        });
        Receive<TradeUpdateReceived>(received => Publish(received.Update));
        Receive<SubscribeTradeUpdates>(OnSubscribe);
        Receive<UnsubscribeTradeUpdates>(u =>
        {
            if (_subscribers.Remove(u.Subscriber)) Context.Unwatch(u.Subscriber);
        });
        Receive<SweepBuffer>(_ => Sweep());
        Receive<GetBrokerStatus>(_ => Sender.Tell(new BrokerStatus(IsConnected, _generation, _broker?.Name, _broker?.IsLive ?? false, _waiting.Count, _inFlight.Count), Self));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <param name="factory">Makes a fresh connection; called again after every failure (after the backoff).</param>
    public static Props CreateProps(Func<IBroker> factory, BrokerConnectionSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return Props.Create(() => new BrokerActor(factory, settings ?? BrokerConnectionSettings.Default));
    }

    private bool IsConnected => _broker is not null && !_token.IsCancellationRequested;

    private static TimeSpan Now => Context.System.Scheduler.MonotonicClock;

    protected override void PreStart()
    {
        var options = Backoff.OnFailure(BrokerSessionActor.CreateProps(_factory, Self), SessionName, _settings.MinBackoff, _settings.MaxBackoff, _settings.RandomFactor)
            .WithAutoReset(_settings.ResetBackoff)
            // Every failure of a session (a factory that throws included) means: reconnect after the backoff.
            .WithDecider(_ => Directive.Restart);
        Context.ActorOf(BackoffSupervisor.Props(options), ConnectionName);
        Context.System.EventStream.Publish(new BrokerActorStarted(Self));
    }

    protected override void PostStop()
    {
        foreach (var call in _waiting) call.ReplyTo.Tell(call.Command.Failed(NotSent("the broker actor stopped before the connection was up")), Self);
        _waiting.Clear();
    }

    private void Enqueue(IBrokerCommand command, IActorRef replyTo)
    {
        if (_waiting.Count + _inFlight.Count >= _settings.MaxBuffered)
        {
            replyTo.Tell(command.Failed(NotSent($"{_waiting.Count} commands wait for the broker connection and {_inFlight.Count} are in flight, the limit (max-buffered = {_settings.MaxBuffered})")), Self);
            return;
        }
        _waiting.AddLast(new PendingCall(++_lastCallId, command, replyTo, Now + _settings.BufferTimeout));
        Drain();
    }

    /// <summary>Makes the waiting calls, oldest first, while the connection is up (at most max-in-flight at once).</summary>
    private void Drain()
    {
        while (IsConnected && _inFlight.Count < _settings.MaxInFlight && _waiting.First is { } first)
        {
            _waiting.RemoveFirst();
            Call(first.Value);
        }
        if (_waiting.Count > 0 && !Timers.IsTimerActive(SweepTimer)) Timers.StartPeriodicTimer(SweepTimer, SweepBuffer.Instance, SweepInterval);
        else if (_waiting.Count == 0) Timers.Cancel(SweepTimer);
    }

    private void Call(PendingCall call)
    {
        _inFlight[call.Id] = call;
        var broker = _broker!;
        var token = _token;
        var command = call.Command;
        var id = call.Id;
        Task.Run(() => ExecuteAsync(command, broker, token), CancellationToken.None).PipeTo(Self, Self,
            success: reply => new BrokerCallCompleted(id, reply, Interrupted: false),
            // A call that fails once its connection is going away was cut off, not answered.
            failure: e => token.IsCancellationRequested
                ? new BrokerCallCompleted(id, null, Interrupted: true)
                : new BrokerCallCompleted(id, command.Failed(BrokerFailure.From(e)), Interrupted: false));
    }

    private static async Task<object> ExecuteAsync(IBrokerCommand command, IBroker broker, CancellationToken token) => command switch
    {
        SubmitToBroker submit => new SubmitToBrokerResult(submit.Request.ClientOrderId, await broker.SubmitOrderAsync(submit.Request, token).ConfigureAwait(false), null),
        CancelAtBroker cancel => await CancelAsync(cancel, broker, token).ConfigureAwait(false),
        CancelAllAtBroker all => await CancelAllAsync(all, broker, token).ConfigureAwait(false),
        QueryOrderByClientId query => new OrderByClientIdResult(query.ClientOrderId, await broker.GetOrderByClientIdAsync(query.ClientOrderId, token).ConfigureAwait(false), null),
        GetBrokerOrders orders => new BrokerOrdersResult(await broker.GetOrdersAsync(orders.Query, token).ConfigureAwait(false), null),
        GetBrokerPositions => new BrokerPositionsResult(await broker.GetPositionsAsync(token).ConfigureAwait(false), null),
        GetBrokerAccount => new BrokerAccountResult(await broker.GetAccountAsync(token).ConfigureAwait(false), null),
        GetBrokerClock => new BrokerClockResult(await broker.GetClockAsync(token).ConfigureAwait(false), null),
        CloseAllAtBroker close => new CloseAllAtBrokerResult(close.RequestId, await broker.CloseAllPositionsAsync(token).ConfigureAwait(false), null),
        ClosePositionAtBroker close => new ClosePositionAtBrokerResult(close.RequestId, await broker.ClosePositionAsync(close.Symbol, close.Quantity, token).ConfigureAwait(false), null),
        _ => throw new NotSupportedException($"The broker actor has no call for {command.GetType().Name}. Fix: add it to BrokerActor.ExecuteAsync."),
    };

    private static async Task<object> CancelAsync(CancelAtBroker cancel, IBroker broker, CancellationToken token)
    {
        await broker.CancelOrderAsync(cancel.BrokerOrderId, token).ConfigureAwait(false);
        return new CancelAtBrokerResult(cancel.ClientOrderId, cancel.BrokerOrderId, null);
    }

    private static async Task<object> CancelAllAsync(CancelAllAtBroker all, IBroker broker, CancellationToken token)
    {
        await broker.CancelAllOrdersAsync(token).ConfigureAwait(false);
        return new CancelAllAtBrokerResult(all.RequestId, null);
    }

    private void OnCallCompleted(BrokerCallCompleted completed)
    {
        if (!_inFlight.Remove(completed.CallId, out var call)) return;
        if (!completed.Interrupted)
        {
            call.ReplyTo.Tell(completed.Reply!, Self);
            Drain();
            return;
        }
        if (call.Command.RetrySafe)
        {
            // Back in line by arrival, ahead of later commands: it runs again on the next connection.
            var before = _waiting.First;
            while (before is not null && before.Value.Id < call.Id) before = before.Next;
            if (before is null) _waiting.AddLast(call);
            else _waiting.AddBefore(before, call);
            Drain();
            return;
        }
        _log.Warning("The broker connection broke while {Command} was in flight; its outcome is unknown", call.Command);
        call.ReplyTo.Tell(call.Command.Failed(new BrokerFailure(BrokerFailureKind.Ambiguous,
            $"The connection to the broker broke while {Describe(call.Command)} was in flight: the broker may or may not have acted. " +
            "Fix: resolve by asking for the order by client order id (the order manager does); never resend blindly.")), Self);
        Drain();
    }

    private void OnSessionEstablished(SessionEstablished established)
    {
        _broker = established.Broker;
        _token = established.Token;
        _session = Sender;
        Context.Watch(Sender);
        _generation++;
        _log.Info("Connected to broker {Broker} (connection {Generation}, live: {IsLive}); {Waiting} commands were waiting", _broker.Name, _generation, _broker.IsLive, _waiting.Count);
        Notify(new BrokerConnectionChanged(true, _generation, $"Connected to {_broker.Name}."));
        Drain();
    }

    private void OnSessionDown(IActorRef session, string reason)
    {
        if (_session is null || !session.Equals(_session)) return;
        Context.Unwatch(session);
        _session = null;
        _broker = null;
        _log.Warning("Broker connection {Generation} lost: {Reason}", _generation, reason);
        Notify(new BrokerConnectionChanged(false, _generation, reason));
    }

    private void Sweep()
    {
        var now = Now;
        for (var node = _waiting.First; node is not null;)
        {
            var next = node.Next;
            if (node.Value.Deadline <= now)
            {
                _waiting.Remove(node);
                node.Value.ReplyTo.Tell(node.Value.Command.Failed(NotSent($"the broker connection stayed down for {_settings.BufferTimeout.TotalSeconds:0.###} s (buffer-timeout)")), Self);
            }
            node = next;
        }
        if (_waiting.Count == 0) Timers.Cancel(SweepTimer);
    }

    private void OnSubscribe(SubscribeTradeUpdates subscribe)
    {
        if (!_subscribers.Contains(subscribe.Subscriber))
        {
            _subscribers.Add(subscribe.Subscriber);
            Context.Watch(subscribe.Subscriber);
        }
        Sender.Tell(new TradeUpdatesSubscribed(IsConnected, _generation), Self);
        while (_undelivered.TryDequeue(out var update)) subscribe.Subscriber.Tell(new BrokerTradeUpdate(update), Self);
    }

    private void Publish(TradeUpdate update)
    {
        if (_subscribers.Count == 0)
        {
            if (_undelivered.Count >= _settings.MaxBuffered)
            {
                var dropped = _undelivered.Dequeue();
                _log.Error("No subscriber took trade updates and {Count} wait (max-buffered): dropped the oldest, {Event} of order {ClientOrderId}; reconciliation recovers it",
                    _undelivered.Count + 1, dropped.Event, dropped.Order.ClientOrderId);
            }
            _undelivered.Enqueue(update);
            return;
        }
        foreach (var subscriber in _subscribers) subscriber.Tell(new BrokerTradeUpdate(update), Self);
    }

    private void Notify(BrokerConnectionChanged change)
    {
        foreach (var subscriber in _subscribers) subscriber.Tell(change, Self);
    }

    private static BrokerFailure NotSent(string why) =>
        new(BrokerFailureKind.NotSent, $"Not sent to the broker: {why}. Nothing happened at the broker. Fix: check the broker connection (logs of the broker actor), then retry.");

    private static string Describe(IBrokerCommand command) => command switch
    {
        SubmitToBroker submit => $"the submit of order {submit.Request.ClientOrderId}",
        CloseAllAtBroker => "closing all positions",
        ClosePositionAtBroker close => $"closing the position in {close.Symbol}",
        _ => command.GetType().Name,
    };

    private sealed record PendingCall(long Id, IBrokerCommand Command, IActorRef ReplyTo, TimeSpan Deadline);
}
