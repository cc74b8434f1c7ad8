using ActorTrader.Actors;
using ActorTrader.Cluster.Leases;

namespace ActorTrader.Cluster.Singleton;

/// <summary>
/// A singleton that is one actor: created from Props when the lease is acquired (the grant is passed, so the actor can
/// name its epoch) and stopped gracefully when the lease is lost. <see cref="Current"/> is the running actor, if any.
/// </summary>
public sealed class ChildActorSingleton : ISingletonLifecycle
{
    private static readonly TimeSpan NameRetryInterval = TimeSpan.FromMilliseconds(10);

    private readonly Func<Props, string, IActorRef> _actorOf;
    private readonly Func<LeaseGrant, Props> _props;
    private readonly string _name;
    private readonly TimeSpan _stopTimeout;
    private IActorRef? _current;

    /// <summary>Creates the actor under the system's user guardian (/user/<paramref name="name"/>).</summary>
    public ChildActorSingleton(ActorSystem system, Func<LeaseGrant, Props> props, string name, TimeSpan stopTimeout)
        : this((system ?? throw new ArgumentNullException(nameof(system))).ActorOf, props, name, stopTimeout)
    {
    }

    /// <summary>
    /// Creates the actor with <paramref name="actorOf"/>, e.g. the manager's own <c>Context.ActorOf</c> captured in its
    /// parent: it is called from the manager while it processes the acquisition.
    /// </summary>
    public ChildActorSingleton(Func<Props, string, IActorRef> actorOf, Func<LeaseGrant, Props> props, string name, TimeSpan stopTimeout)
    {
        _actorOf = actorOf ?? throw new ArgumentNullException(nameof(actorOf));
        _props = props ?? throw new ArgumentNullException(nameof(props));
        ArgumentException.ThrowIfNullOrEmpty(name);
        _name = name;
        _stopTimeout = stopTimeout > TimeSpan.Zero
            ? stopTimeout
            : throw new ArgumentOutOfRangeException(nameof(stopTimeout), stopTimeout, $"Singleton actor '{name}': the stop timeout must be positive.");
    }

    /// <summary>The running singleton actor, or null while this node does not run it.</summary>
    public IActorRef? Current => Volatile.Read(ref _current);

    public async Task StartAsync(LeaseGrant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        if (Current is not null)
            throw new InvalidOperationException($"Singleton actor '{_name}' is already running ({Current.Path}); it must be stopped before epoch {grant.Epoch} starts it again.");
        var props = _props(grant);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_stopTimeout);
        while (true)
        {
            try
            {
                Volatile.Write(ref _current, _actorOf(props, _name));
                return;
            }
            catch (InvalidActorNameException) when (!timeout.IsCancellationRequested)
            {
                // The parent frees a stopped child's name just after the child's watchers learned of its stop.
                await Task.Delay(NameRetryInterval, timeout.Token).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Stops the actor after the messages already in its mailbox (PoisonPill) and waits until it has terminated.</summary>
    public async Task StopAsync(string reason)
    {
        var actor = Interlocked.Exchange(ref _current, null);
        if (actor is null) return;
        if (!await actor.GracefulStop(_stopTimeout).ConfigureAwait(false))
        {
            throw new TimeoutException($"Singleton actor {actor.Path} did not stop within {_stopTimeout} ({reason}). Fix: make it finish its current work faster or raise the stop timeout.");
        }
    }
}
