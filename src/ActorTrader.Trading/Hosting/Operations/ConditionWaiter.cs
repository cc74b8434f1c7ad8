using ActorTrader.Actors;

namespace ActorTrader.Trading.Host.Operations;

/// <summary>
/// Waits (from outside an actor) until an actor's answer satisfies a condition: a short-lived actor asks once, and asks
/// again each time an event of the given type is published (e.g. the ledger after <c>LedgerChanged</c>, the order manager
/// after <c>OrderChanged</c>), until the answer is the one expected.
/// </summary>
internal sealed class ConditionWaiter<TAnswer> : ReceiveActor
    where TAnswer : class
{
    private readonly IActorRef _target;
    private readonly object _query;
    private readonly Type _event;
    private readonly Func<TAnswer, bool> _done;
    private readonly TaskCompletionSource<TAnswer> _result;

    private ConditionWaiter(IActorRef target, object query, Type @event, Func<TAnswer, bool> done, TaskCompletionSource<TAnswer> result)
    {
        _target = target;
        _query = query;
        _event = @event;
        _done = done;
        _result = result;
        Receive<TAnswer>(Check);
        Receive<Stop>(_ => Context.Stop(Self));
        ReceiveAny(message =>
        {
            if (_event.IsInstanceOfType(message)) _target.Tell(_query, Self);
        });
    }

    /// <summary>
    /// The first answer of <paramref name="target"/> to <paramref name="query"/> for which <paramref name="done"/> holds;
    /// after <paramref name="timeout"/> throws <see cref="TimeoutException"/> with <paramref name="describe"/>'s account of the last answer.
    /// </summary>
    public static async Task<TAnswer> WaitAsync(ActorSystem system, IActorRef target, object query, Type @event, Func<TAnswer, bool> done,
        Func<TAnswer?, string> describe, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var result = new TaskCompletionSource<TAnswer>(TaskCreationOptions.RunContinuationsAsynchronously);
        var waiter = system.ActorOf(Props.Create(() => new ConditionWaiter<TAnswer>(target, query, @event, done, result)));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            return await result.Task.WaitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var last = await target.Ask<TAnswer>(query, timeout, CancellationToken.None).ConfigureAwait(false);
            throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s: {describe(last)}");
        }
        finally
        {
            waiter.Tell(Stop.Instance, ActorRefs.NoSender);
        }
    }

    protected override void PreStart()
    {
        // Subscribed before asking: a change between the answer and the subscription would otherwise be missed.
        Context.System.EventStream.Subscribe(Self, _event);
        _target.Tell(_query, Self);
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private void Check(TAnswer answer)
    {
        if (!_done(answer)) return;
        _result.TrySetResult(answer);
        Context.Stop(Self);
    }

    private sealed record Stop
    {
        public static Stop Instance { get; } = new();
    }
}
