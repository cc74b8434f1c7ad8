using ActorTrader.Actors.Dispatch;
using Serilog;

namespace ActorTrader.Actors;

/// <summary>
/// <c>/deadLetters</c>: publishes a <see cref="DeadLetter"/> for everything sent to it or undeliverable,
/// and logs the first few so an operator notices lost messages without a flood.
/// </summary>
internal sealed class DeadLetterActorRef : MinimalActorRef
{
    private readonly EventStream _eventStream;
    private readonly ILogger _logger;
    private readonly int _logLimit;
    private int _logged;

    public DeadLetterActorRef(ActorPath path, EventStream eventStream, ILogger logger, int logLimit)
    {
        Path = path;
        _eventStream = eventStream;
        _logger = logger;
        _logLimit = logLimit;
    }

    public override ActorPath Path { get; }

    public override void Tell(object message, IActorRef? sender)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message is DeadLetter deadLetter) Publish(deadLetter);
        else Publish(message, sender, this);
    }

    public void Publish(object message, IActorRef? sender, IActorRef recipient)
    {
        if (message is DeadLetter deadLetter) Publish(deadLetter);
        else Publish(new DeadLetter(message, sender, recipient));
    }

    private void Publish(DeadLetter deadLetter)
    {
        // As Akka: nobody lives there, so an Identify is answered with no subject (not published as a dead letter).
        if (deadLetter.Message is Identify identify)
        {
            deadLetter.Sender?.Tell(new ActorIdentity(identify.MessageId, null), this);
            return;
        }
        if (deadLetter.Message is not IDeadLetterSuppression && Interlocked.Increment(ref _logged) <= _logLimit)
        {
            _logger.Information("Dead letter: {DeadLetter} ({Count} of at most {Limit} logged)", deadLetter.ToString(), _logged, _logLimit);
        }
        _eventStream.Publish(deadLetter);
    }

    public override void SendSystemMessage(SystemMessage message)
    {
        // Watching dead letters (or anything resolved to them) means watching something already dead.
        if (message is Watch watch && !ReferenceEquals(watch.Watcher, this))
            watch.Watcher.SendSystemMessage(new DeathWatchNotification(watch.Watchee, existenceConfirmed: false));
    }
}
