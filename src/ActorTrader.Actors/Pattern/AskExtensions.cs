namespace ActorTrader.Actors;

/// <summary>
/// Request-response from outside an actor (Akka's <c>Ask</c>). A reply of <see cref="Status.Failure"/>
/// throws its cause; no reply within the timeout throws <see cref="AskTimeoutException"/>.
/// </summary>
public static class AskExtensions
{
    public static Task<object> Ask(this ICanTell recipient, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        Ask<object>(recipient, message, timeout, cancellationToken);

    public static async Task<T> Ask<T>(this ICanTell recipient, object message, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        var reply = await AskCore(recipient, _ => message, timeout, cancellationToken).ConfigureAwait(false);
        return reply is T typed
            ? typed
            : throw new InvalidCastException(
                $"Ask of {message.GetType().Name} to {Describe(recipient)} expected a reply of type {typeof(T).Name} but got {reply.GetType().Name}.");
    }

    /// <summary>Ask with a message that needs the temporary reply-to reference.</summary>
    public static async Task<T> Ask<T>(this ICanTell recipient, Func<IActorRef, object> messageFactory, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messageFactory);
        var reply = await AskCore(recipient, messageFactory, timeout, cancellationToken).ConfigureAwait(false);
        return reply is T typed
            ? typed
            : throw new InvalidCastException($"Ask to {Describe(recipient)} expected a reply of type {typeof(T).Name} but got {reply.GetType().Name}.");
    }

    private static Task<object> AskCore(ICanTell recipient, Func<IActorRef, object> messageFactory, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var system = SystemOf(recipient);
        var effectiveTimeout = timeout ?? system.Settings.DefaultAskTimeout;
        if (effectiveTimeout is { } t && t <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(timeout), t, "An ask timeout must be positive. Fix: pass a positive TimeSpan or null for the system default.");

        if (recipient is IInternalActorRef { IsTerminated: true } || system.IsTerminated)
        {
            // As Akka: no reply can come, so fail now rather than after the timeout (or never, without one).
            var unanswerable = messageFactory(ActorRefs.Nobody);
            recipient.Tell(unanswerable, ActorRefs.NoSender);
            return Task.FromException<object>(new AskTimeoutException(
                $"Ask of {unanswerable.GetType().Name} to {Describe(recipient)} failed at once: the recipient had already been terminated."));
        }

        var promise = new PromiseActorRef(system);
        object message;
        try
        {
            message = messageFactory(promise);
        }
        catch (Exception e)
        {
            promise.Fail(e); // unregisters the temporary actor
            throw;
        }
        ICancelable? timer = null;
        if (effectiveTimeout is { } askTimeout)
        {
            timer = system.Scheduler.ScheduleOnceCancelable(askTimeout, () => promise.Fail(new AskTimeoutException(
                $"Ask timed out after {askTimeout.TotalMilliseconds:0} ms: {Describe(recipient)} did not reply to {message.GetType().Name}. " +
                "Fix: check that the recipient replies to Sender, or raise the timeout.")));
        }
        CancellationTokenRegistration registration = default;
        if (cancellationToken.CanBeCanceled) registration = cancellationToken.Register(() => promise.Cancel(cancellationToken));

        promise.Guard(timer, registration);
        recipient.Tell(message, promise);
        return promise.Result;
    }

    private static ActorSystem SystemOf(ICanTell recipient) => recipient switch
    {
        LocalActorRef local => local.Cell.System,
        ActorSelection selection => selection.System,
        _ => throw new ArgumentException($"Cannot ask {Describe(recipient)}: it belongs to no actor system. Fix: ask an actor reference or selection.", nameof(recipient)),
    };

    private static string Describe(ICanTell recipient) => recipient.ToString() ?? recipient.GetType().Name;
}
