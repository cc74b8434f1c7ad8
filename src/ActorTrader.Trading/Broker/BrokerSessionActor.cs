using ActorTrader.Actors;
using ActorTrader.Brokers.Abstractions;

namespace ActorTrader.Trading.Broker;

/// <summary>
/// One connection to the broker: makes a fresh <see cref="IBroker"/> from the factory, hands it to the broker actor and
/// runs its trade-update stream. When the stream fails or ends, the session fails, and its
/// <see cref="BackoffSupervisor"/> starts a new one after an exponentially growing delay. Stopping cancels the
/// connection's token (calls in flight end) and disposes the broker.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "An actor is not disposed: PostStop cancels and disposes the token source.")]
internal sealed class BrokerSessionActor : ReceiveActor
{
    private readonly Func<IBroker> _factory;
    private readonly IActorRef _owner;
    private readonly ILoggingAdapter _log;
    private readonly CancellationTokenSource _stop = new();
    private IBroker? _broker;

    public BrokerSessionActor(Func<IBroker> factory, IActorRef owner)
    {
        _factory = factory;
        _owner = owner;
        _log = Context.GetLogger();
        Receive<TradeStreamEnded>(OnStreamEnded);
    }

    public static Props CreateProps(Func<IBroker> factory, IActorRef owner) => Props.Create(() => new BrokerSessionActor(factory, owner));

    protected override void PreStart()
    {
        // A factory that throws fails this session; the supervisor tries again after the backoff.
        var broker = _factory() ?? throw new InvalidOperationException("The broker factory returned null. Fix: return a new IBroker connection from the factory given to BrokerActor.");
        _broker = broker;
        var token = _stop.Token;
        var owner = _owner;
        _owner.Tell(new SessionEstablished(broker, token), Self);
        Task.Run(() => StreamAsync(broker, owner, token), CancellationToken.None)
            .PipeTo(Self, Self, success: () => new TradeStreamEnded(null), failure: e => new TradeStreamEnded(e));
    }

    protected override void PostStop()
    {
        _stop.Cancel();
        if (_broker is { } broker)
        {
            var log = _log;
            var name = broker.Name;
            broker.DisposeAsync().AsTask().ContinueWith(
                t => log.Error(t.Exception!.GetBaseException(), "Disposing the broker connection {Broker} failed", name),
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }
        // Cancelled first: calls still in flight keep reading IsCancellationRequested (true), which a disposed source still answers.
        _stop.Dispose();
    }

    private static async Task StreamAsync(IBroker broker, IActorRef owner, CancellationToken token)
    {
        await foreach (var update in broker.TradeUpdatesAsync(token).WithCancellation(token).ConfigureAwait(false))
            owner.Tell(new TradeUpdateReceived(update), ActorRefs.NoSender);
    }

    private void OnStreamEnded(TradeStreamEnded ended)
    {
        if (_stop.IsCancellationRequested) return;
        var name = _broker?.Name ?? "broker";
        var reason = ended.Cause is null
            ? $"The trade-update stream of {name} ended; the contract is to run until cancelled. Reconnecting with backoff."
            : $"The trade-update stream of {name} failed: {ended.Cause.Message} Reconnecting with backoff.";
        _owner.Tell(new SessionLost(reason), Self);
        throw new BrokerConnectionLostException(reason, ended.Cause);
    }
}
