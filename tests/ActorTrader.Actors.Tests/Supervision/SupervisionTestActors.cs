namespace ActorTrader.Actors.Tests.Supervision;

internal sealed record Inc;

internal sealed record Get;

internal sealed record Count(string Name, int Value);

/// <summary>Makes the receiving actor throw the given exception.</summary>
internal sealed record Fail(Exception Exception);

internal sealed record Ping;

internal sealed record Pong(string Name);

internal sealed record Started(string Name, int Instance);

internal sealed record Stopped(string Name, int Instance);

internal sealed record Restarting(string Name, int Instance, Exception Reason, object? Message);

internal sealed record CreateChild(Props Props, string? Name = null);

/// <summary>
/// What a supervisor reports when its watch delivers <see cref="Terminated"/> for a child. (A Terminated
/// itself cannot be passed on: like Akka, the runtime drops a Terminated its receiver did not watch for.)
/// </summary>
internal sealed record ChildTerminated(IActorRef Child);

/// <summary>Counts instances across restarts (the Props factory runs again on each restart).</summary>
internal sealed class InstanceCounter
{
    private int _count;

    public int Next() => Interlocked.Increment(ref _count);
}

/// <summary>
/// A counter child: <see cref="Inc"/> adds one, <see cref="Get"/> replies <see cref="Count"/>, <see cref="Fail"/> throws,
/// <see cref="Ping"/> replies <see cref="Pong"/>. Lifecycle events go to the probe, tagged with name and instance.
/// </summary>
internal sealed class Counter : ReceiveActor
{
    private readonly IActorRef _probe;
    private readonly string _name;
    private readonly int _instance;
    private int _count;

    public Counter(IActorRef probe, string name, InstanceCounter instances)
    {
        _probe = probe;
        _name = name;
        _instance = instances.Next();
        Receive<Inc>(_ => _count++);
        Receive<Get>(_ => Sender.Tell(new Count(_name, _count), Self));
        Receive<Fail>(f => throw f.Exception);
        Receive<Ping>(_ => Sender.Tell(new Pong(_name), Self));
    }

    public static Props Props(IActorRef probe, string name)
    {
        var instances = new InstanceCounter();
        return Actors.Props.Create(() => new Counter(probe, name, instances));
    }

    protected override void PreStart() => _probe.Tell(new Started(_name, _instance), Self);

    protected override void PostStop() => _probe.Tell(new Stopped(_name, _instance), Self);

    protected override void PreRestart(Exception reason, object? message)
    {
        _probe.Tell(new Restarting(_name, _instance, reason, message), Self);
        base.PreRestart(reason, message);
    }
}

/// <summary>
/// A parent with a given strategy: creates a child for each <see cref="CreateChild"/> (replying with its reference),
/// watches it and reports its <see cref="Terminated"/> to the observer as <see cref="ChildTerminated"/>.
/// </summary>
internal sealed class Supervisor : ReceiveActor
{
    private readonly SupervisorStrategy _strategy;

    public Supervisor(SupervisorStrategy strategy, IActorRef observer)
    {
        _strategy = strategy;
        Receive<CreateChild>(c => Sender.Tell(Context.Watch(Context.ActorOf(c.Props, c.Name)), Self));
        Receive<Terminated>(t => observer.Tell(new ChildTerminated(t.ActorRef), Self));
    }

    public static Props Props(SupervisorStrategy strategy, IActorRef observer) =>
        Actors.Props.Create(() => new Supervisor(strategy, observer));

    protected override SupervisorStrategy SupervisorStrategy() => _strategy;
}

/// <summary>Creates children on request but declares no strategy of its own (for Props.WithSupervisorStrategy).</summary>
internal sealed class PlainParent : ReceiveActor
{
    public PlainParent()
    {
        Receive<CreateChild>(c => Sender.Tell(Context.ActorOf(c.Props, c.Name), Self));
    }
}
