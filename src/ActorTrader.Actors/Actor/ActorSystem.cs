using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using ActorTrader.Actors.Dispatch;
using Serilog;

namespace ActorTrader.Actors;

/// <summary>
/// A named hierarchy of actors with its dispatchers, scheduler, event stream and dead letters.
/// Top-level actors live under <c>/user</c>; <see cref="Terminate"/> runs coordinated shutdown.
/// </summary>
public sealed partial class ActorSystem : IAsyncDisposable
{
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ActorCell _rootCell;
    private readonly ActorCell _userGuardianCell;
    private readonly ActorCell _systemGuardianCell;
    private readonly ConcurrentDictionary<string, IActorRef> _tempActors = new(StringComparer.Ordinal);
    private long _uid;
    private long _tempNameSequence;

    private ActorSystem(string name, ActorSystemSetup setup)
    {
        Name = name;
        Settings = setup;
        Logger = (setup.Logger ?? Serilog.Log.Logger).ForContext("ActorSystem", name);
        Log = new SerilogLoggingAdapter(Logger);
        Scheduler = setup.SchedulerFactory?.Invoke() ?? new DefaultScheduler(logger: Logger);
        StartTime = Scheduler.Now;
        Dispatchers = new Dispatchers(setup.DefaultDispatcherThroughput);
        Mailboxes = new Mailboxes();
        EventStream = new EventStream();

        var root = new RootActorPath(name);
        DeadLetterRef = new DeadLetterActorRef(root / "deadLetters", EventStream, Logger, setup.DeadLetterLogLimit);
        TempPath = root / "temp";
        var rootSupervisor = new RootGuardianSupervisor(root / "bubble-walker", OnRootTerminated, Logger);

        // Bootstrap: the guardians are made by hand, since no parent exists yet to create them.
        var guardianProps = Props.Create(() => new GuardianActor());
        _rootCell = new ActorCell(this, root, Props.Create(() => new RootGuardianActor()), Dispatchers.DefaultDispatcher, new UnboundedMailbox(), rootSupervisor);
        _rootCell.Prepare();
        rootSupervisor.Root = _rootCell.Self;
        _userGuardianCell = _rootCell.CreateChildUnstarted(guardianProps, "user");
        _systemGuardianCell = _rootCell.CreateChildUnstarted(guardianProps, "system");
        _rootCell.Start();
        _userGuardianCell.Start();
        _systemGuardianCell.Start();

        CoordinatedShutdown = new CoordinatedShutdown(this);
    }

    /// <summary>Creates and starts a system. Names are letters, digits, '-' and '_' (starting with a letter or digit).</summary>
    public static ActorSystem Create(string name, ActorSystemSetup? setup = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!ValidSystemName().IsMatch(name))
            throw new ArgumentException($"Actor system name \"{name}\" is invalid. Fix: use letters, digits, '-' and '_', starting with a letter or digit.", nameof(name));
        return new ActorSystem(name, setup ?? new ActorSystemSetup());
    }

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9_-]*$")]
    private static partial Regex ValidSystemName();

    public string Name { get; }

    public ActorSystemSetup Settings { get; }

    /// <summary>The Serilog logger of the runtime (enriched with the system name).</summary>
    public ILogger Logger { get; }

    /// <summary>Akka's <c>system.Log</c>: logging for code outside actors.</summary>
    public ILoggingAdapter Log { get; }

    public IScheduler Scheduler { get; }

    public Dispatchers Dispatchers { get; }

    public Mailboxes Mailboxes { get; }

    public EventStream EventStream { get; }

    public IActorRef DeadLetters => DeadLetterRef;

    public CoordinatedShutdown CoordinatedShutdown { get; }

    public DateTimeOffset StartTime { get; }

    public TimeSpan Uptime => Scheduler.Now - StartTime;

    /// <summary>Completes when every actor has stopped after <see cref="Terminate"/>.</summary>
    public Task WhenTerminated => _terminated.Task;

    public bool IsTerminated => _terminated.Task.IsCompleted;

    internal DeadLetterActorRef DeadLetterRef { get; }

    internal IActorRef UserGuardian => _userGuardianCell.Self;

    internal IActorRef SystemGuardian => _systemGuardianCell.Self;

    internal ActorCell RootCell => _rootCell;

    internal ActorPath TempPath { get; }

    /// <summary>Number of live temporary actors (pending asks, graceful stops).</summary>
    internal int TempActorCount => _tempActors.Count;

    /// <summary>Creates a top-level actor under <c>/user</c>.</summary>
    public IActorRef ActorOf(Props props, string? name = null)
    {
        if (CoordinatedShutdown.IsRunning || IsTerminated)
            throw new InvalidOperationException($"Actor system \"{Name}\" is shutting down; no new actors can be created.");
        return _userGuardianCell.ActorOf(props, name);
    }

    /// <summary>Creates an actor under <c>/system</c>, for runtime services.</summary>
    internal IActorRef SystemActorOf(Props props, string? name = null) => _systemGuardianCell.ActorOf(props, name);

    /// <summary>Stops the actor asynchronously (it finishes its current message first).</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "Akka.NET's API: system.Stop(actor).")]
    public void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor is IInternalActorRef target) target.Stop();
    }

    public ActorSelection ActorSelection(string path) => ActorSelectionPath.Create(this, _rootCell.Self, path);

    /// <summary>Runs coordinated shutdown (all phases) and completes when the system has terminated.</summary>
    public async Task Terminate()
    {
        await CoordinatedShutdown.Run(CoordinatedShutdown.ActorSystemTerminateReason.Instance).ConfigureAwait(false);
        await WhenTerminated.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync() => await Terminate().ConfigureAwait(false);

    /// <summary>Stops every actor, /user first, then /system; used by the last shutdown phase.</summary>
    internal Task StopAllActors()
    {
        _userGuardianCell.Self.Stop();
        return WhenTerminated;
    }

    internal long NextUid()
    {
        var uid = Interlocked.Increment(ref _uid);
        return uid;
    }

    internal ActorPath NewTempPath() => TempPath.Child("$" + Interlocked.Increment(ref _tempNameSequence).ToString(System.Globalization.CultureInfo.InvariantCulture), NextUid());

    internal void RegisterTempActor(IActorRef actor) => _tempActors[actor.Path.Name] = actor;

    internal void UnregisterTempActor(IActorRef actor) => _tempActors.TryRemove(actor.Path.Name, out _);

    internal IActorRef? TempActor(string name) => _tempActors.TryGetValue(name, out var actor) ? actor : null;

    private void OnRootTerminated()
    {
        Dispatchers.Shutdown();
        (Scheduler as IDisposable)?.Dispose();
        CoordinatedShutdown.DisposeSignalHandlers();
        Logger.Debug("Actor system {ActorSystem} terminated", Name);
        _terminated.TrySetResult();
    }

    public override string ToString() => $"akka://{Name}";
}
