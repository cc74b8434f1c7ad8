using ActorTrader.Actors;

namespace ActorTrader.Persistence;

/// <summary>
/// A persistent actor that delivers messages at least once (Akka.NET's <c>AtLeastOnceDeliveryReceiveActor</c>):
/// <see cref="Deliver(IActorRef, Func{long, object})"/> sends a message stamped with a delivery id and resends it every
/// <c>redeliver-interval</c> until the destination's reply leads to <see cref="ConfirmDelivery"/>. Call both from
/// persist handlers and recover handlers (the same calls during replay rebuild the unconfirmed set without sending),
/// and keep <see cref="GetDeliverySnapshot"/> in your snapshots.
/// </summary>
public abstract class AtLeastOnceDeliveryReceiveActor : ReceivePersistentActor, IWithTimers
{
    private readonly AtLeastOnceDeliverySettings _settings;
    private readonly SortedDictionary<long, Delivery> _unconfirmed = [];
    private long _deliverySequenceNr;

    protected AtLeastOnceDeliveryReceiveActor()
    {
        _settings = Persistence.Settings.AtLeastOnceDelivery;
    }

    /// <summary>Set by the runtime; available to subclasses for their own timers too.</summary>
    public ITimerScheduler Timers { get; set; } = null!;

    public virtual TimeSpan RedeliverInterval => _settings.RedeliverInterval;

    public virtual int RedeliveryBurstLimit => _settings.RedeliveryBurstLimit;

    public virtual int WarnAfterNumberOfUnconfirmedAttempts => _settings.WarnAfterNumberOfUnconfirmedAttempts;

    public virtual int MaxUnconfirmedMessages => _settings.MaxUnconfirmedMessages;

    public int UnconfirmedCount => _unconfirmed.Count;

    /// <summary>Sends <c>deliveryMessageMapper(deliveryId)</c> to <paramref name="destination"/> and keeps resending until confirmed.</summary>
    public void Deliver(IActorRef destination, Func<long, object> deliveryMessageMapper)
    {
        ArgumentNullException.ThrowIfNull(destination);
        Deliver(destination.Path.ToStringWithoutAddress(), destination, deliveryMessageMapper);
    }

    public void Deliver(ActorPath destination, Func<long, object> deliveryMessageMapper)
    {
        ArgumentNullException.ThrowIfNull(destination);
        Deliver(destination.ToStringWithoutAddress(), null, deliveryMessageMapper);
    }

    /// <summary>Marks the delivery confirmed; false when it was unknown (already confirmed, or never delivered).</summary>
    public bool ConfirmDelivery(long deliveryId) => _unconfirmed.Remove(deliveryId);

    public AtLeastOnceDeliverySnapshot GetDeliverySnapshot() =>
        new(_deliverySequenceNr, _unconfirmed.Select(u => new UnconfirmedDelivery(u.Key, u.Value.Path, u.Value.Message)).ToArray());

    /// <summary>Restores the delivery state (from a <see cref="SnapshotOffer"/>); the restored messages are resent after one interval.</summary>
    public void SetDeliverySnapshot(AtLeastOnceDeliverySnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _deliverySequenceNr = snapshot.CurrentDeliveryId;
        _unconfirmed.Clear();
        var now = Now;
        foreach (var delivery in snapshot.UnconfirmedDeliveries)
            _unconfirmed[delivery.DeliveryId] = new Delivery(delivery.Destination, null, delivery.Message, now, Attempt: 0);
        if (_unconfirmed.Count > 0) EnsureRedeliveryTimer();
    }

    private protected override bool InterceptMessage(object message)
    {
        if (message is not RedeliveryTick) return false;
        // While recovering, the unconfirmed set is partial (a snapshot, or events before a later confirmation):
        // redelivering from it would resend messages the rest of the replay confirms. Akka starts redelivering after replay.
        if (!IsRecovering) RedeliverOverdue();
        return true;
    }

    private void Deliver(string path, IActorRef? destination, Func<long, object> deliveryMessageMapper)
    {
        ArgumentNullException.ThrowIfNull(deliveryMessageMapper);
        if (_unconfirmed.Count >= MaxUnconfirmedMessages)
        {
            throw new MaxUnconfirmedMessagesExceededException(
                $"{GetType().Name} ({PersistenceId}) already has {_unconfirmed.Count} unconfirmed deliveries, the maximum allowed (max-unconfirmed-messages). " +
                "Fix: stop accepting new work until confirmations arrive, or raise actortrader.persistence.at-least-once-delivery.max-unconfirmed-messages.");
        }
        EnsureRedeliveryTimer();
        var deliveryId = ++_deliverySequenceNr;
        var delivery = new Delivery(path, destination, deliveryMessageMapper(deliveryId), Now, Attempt: 0);
        // During replay the message was already sent by the earlier incarnation: keep it for redelivery only.
        if (IsRecovering) _unconfirmed[deliveryId] = delivery;
        else Send(deliveryId, delivery, Now);
    }

    private void RedeliverOverdue()
    {
        var now = Now;
        var deadline = now - RedeliverInterval;
        var warnings = new List<UnconfirmedDelivery>();
        foreach (var (deliveryId, delivery) in _unconfirmed.Where(u => u.Value.Timestamp <= deadline).Take(RedeliveryBurstLimit).ToArray())
        {
            var sent = Send(deliveryId, delivery, now);
            if (sent.Attempt == WarnAfterNumberOfUnconfirmedAttempts) warnings.Add(new UnconfirmedDelivery(deliveryId, sent.Path, sent.Message));
        }
        if (warnings.Count > 0) Self.Tell(new UnconfirmedWarning(warnings), Self);
    }

    private Delivery Send(long deliveryId, Delivery delivery, TimeSpan now)
    {
        ICanTell target = delivery.Ref is { } reference ? reference : Context.ActorSelection(delivery.Path);
        target.Tell(delivery.Message, Self);
        var sent = delivery with { Timestamp = now, Attempt = delivery.Attempt + 1 };
        _unconfirmed[deliveryId] = sent;
        return sent;
    }

    private void EnsureRedeliveryTimer()
    {
        if (Timers.IsTimerActive(RedeliveryTick.Instance)) return;
        // Akka checks twice per interval, so a message waits at most 1.5 intervals.
        var tick = RedeliverInterval / 2;
        Timers.StartPeriodicTimer(RedeliveryTick.Instance, RedeliveryTick.Instance, tick);
    }

    private static TimeSpan Now => Context.System.Scheduler.MonotonicClock;

    private sealed record Delivery(string Path, IActorRef? Ref, object Message, TimeSpan Timestamp, int Attempt);

    private sealed record RedeliveryTick : INotInfluenceReceiveTimeout
    {
        public static RedeliveryTick Instance { get; } = new();
    }
}
