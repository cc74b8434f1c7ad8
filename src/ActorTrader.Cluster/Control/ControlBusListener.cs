using ActorTrader.Actors;

namespace ActorTrader.Cluster.Control;

/// <summary>
/// One node's end of the durable control bus. It reads the commands after the node's cursor and hands them to the
/// applier in id order, one at a time: <see cref="ApplyControlCommand"/>, then waits for
/// <see cref="ControlCommandApplied"/> and only then advances the cursor and sends the next. A command that fails or is
/// not answered within the apply timeout is delivered again later; nothing after it is delivered before. A NOTIFY on
/// <see cref="ControlLog.Channel"/> wakes it at once; it also reads every poll interval, so a lost notification or a lost
/// LISTEN connection (reopened with exponential backoff) only delays a command. A node that was down catches up from
/// its cursor when it starts.
/// </summary>
public sealed class ControlBusListener : ReceiveActor, IWithTimers
{
    private const int ReadBatch = 100;
    private const string PollTimer = "poll";
    private const string ReconnectTimer = "reconnect";

    private readonly ClusterDatabase _database;
    private readonly ControlLog _controlLog;
    private readonly string _nodeName;
    private readonly IActorRef _applier;
    private readonly ControlBusSettings _settings;
    private readonly ILoggingAdapter _log;
    private readonly Queue<ControlCommand> _pending = new();
    private long _lastApplied;
    private bool _cursorLoaded;
    // One database round trip or one apply at a time; a poke meanwhile only asks for another read afterwards.
    private bool _busy;
    private bool _readAgain;
    private bool _readFailing;
    private bool _listening;
    private bool _listenedBefore;
    private int _listenGeneration;
    private CancellationTokenSource? _listenCancel;
    private TimeSpan _reconnectBackoff;

    public ControlBusListener(ClusterDatabase database, string nodeName, IActorRef applier, ControlBusSettings settings)
    {
        _database = database ?? throw new ArgumentNullException(nameof(database));
        ArgumentException.ThrowIfNullOrEmpty(nodeName);
        _applier = applier ?? throw new ArgumentNullException(nameof(applier));
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        Validate(settings, nodeName);
        _nodeName = nodeName;
        _controlLog = new ControlLog(database);
        _reconnectBackoff = settings.ReconnectBackoffMin;
        _log = Context.GetLogger();

        Receive<Poke>(_ => Work());
        Receive<PollTick>(_ => Work());
        Receive<CursorLoaded>(OnCursorLoaded);
        Receive<CommandsRead>(OnCommandsRead);
        Receive<ApplyAnswered>(OnApplyAnswered);
        Receive<CursorAdvanced>(OnCursorAdvanced);
        Receive<ListenStarted>(OnListenStarted);
        Receive<ListenLost>(OnListenLost);
        Receive<Reconnect>(_ => StartListening());
        Receive<GetControlBusState>(_ => Sender.Tell(new ControlBusState(_lastApplied, _listening), Self));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>Props of the listener; invalid settings throw here, not later in the actor's constructor.</summary>
    public static Props Props(ClusterDatabase database, string nodeName, IActorRef applier, ControlBusSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrEmpty(nodeName);
        Validate(settings, nodeName);
        return Actors.Props.Create(() => new ControlBusListener(database, nodeName, applier, settings));
    }

    private static void Validate(ControlBusSettings settings, string nodeName)
    {
        Positive(settings.PollInterval, nameof(settings.PollInterval), "actortrader.cluster.control-poll-interval");
        Positive(settings.ApplyTimeout, nameof(settings.ApplyTimeout), "the control bus apply timeout");
        Positive(settings.ReconnectBackoffMin, nameof(settings.ReconnectBackoffMin), "the control bus reconnect backoff minimum");
        if (settings.ReconnectBackoffMax < settings.ReconnectBackoffMin)
        {
            throw new ArgumentException(
                $"Node '{nodeName}': the control bus reconnect backoff maximum {settings.ReconnectBackoffMax} is below its minimum {settings.ReconnectBackoffMin}. Fix: set the maximum to at least the minimum.",
                nameof(settings));
        }

        void Positive(TimeSpan value, string name, string setting)
        {
            if (value <= TimeSpan.Zero)
                throw new ArgumentException($"Node '{nodeName}': {name} of the control bus is {value}. Fix: set {setting} to a positive duration.", nameof(settings));
        }
    }

    protected override void PreStart()
    {
        Timers.StartPeriodicTimer(PollTimer, PollTick.Instance, _settings.PollInterval, _settings.PollInterval);
        StartListening();
        Work();
    }

    protected override void PostStop()
    {
        _listenCancel?.Cancel();
        _listenCancel = null;
    }

    private void Work()
    {
        if (_busy)
        {
            _readAgain = true;
            return;
        }

        _readAgain = false;
        _busy = true;
        if (!_cursorLoaded)
        {
            _controlLog.ReadCursorAsync(_nodeName, CancellationToken.None)
                .PipeTo(Self, success: id => new CursorLoaded(id, null), failure: ex => new CursorLoaded(0, ex));
            return;
        }

        _controlLog.ReadAfterAsync(_lastApplied, ReadBatch, CancellationToken.None)
            .PipeTo(Self, success: commands => new CommandsRead(commands, null), failure: ex => new CommandsRead([], ex));
    }

    private void OnCursorLoaded(CursorLoaded loaded)
    {
        _busy = false;
        if (loaded.Error is not null)
        {
            ReadFailed("reading its control cursor", loaded.Error);
            return;
        }

        _cursorLoaded = true;
        _lastApplied = loaded.LastApplied;
        _log.Info("Node {Node}: control bus starts after command {LastApplied}", _nodeName, _lastApplied);
        Work();
    }

    private void OnCommandsRead(CommandsRead read)
    {
        // A read of the instance before a restart: this one has not loaded its cursor yet.
        if (!_cursorLoaded) return;
        _busy = false;
        if (read.Error is not null)
        {
            ReadFailed($"reading the control log after command {_lastApplied}", read.Error);
            return;
        }

        if (_readFailing) _log.Info("Node {Node}: reading the control log works again", _nodeName);
        _readFailing = false;
        // A full batch means more may follow: read again once this batch is applied.
        if (read.Commands.Count == ReadBatch) _readAgain = true;
        foreach (var command in read.Commands)
        {
            if (command.Id > _lastApplied) _pending.Enqueue(command);
        }
        DeliverNext();
    }

    private void DeliverNext()
    {
        if (!_pending.TryPeek(out var command))
        {
            if (_readAgain) Work();
            return;
        }

        _busy = true;
        _applier.Ask<object>(new ApplyControlCommand(command), _settings.ApplyTimeout)
            .PipeTo(Self, success: reply => new ApplyAnswered(command, reply, null), failure: ex => new ApplyAnswered(command, null, ex));
    }

    private void OnApplyAnswered(ApplyAnswered answer)
    {
        var command = answer.Command;
        // An answer to the instance before a restart: its command is read and delivered again.
        if (!_pending.TryPeek(out var head) || head.Id != command.Id) return;
        if (answer.Reply is ControlCommandApplied applied && applied.Id == command.Id)
        {
            _controlLog.AdvanceCursorAsync(_nodeName, command.Id, CancellationToken.None)
                .PipeTo(Self, success: () => new CursorAdvanced(command.Id, null), failure: ex => new CursorAdvanced(command.Id, ex));
            return;
        }

        _busy = false;
        var why = answer switch
        {
            { Reply: ControlCommandFailed failed } when failed.Id == command.Id => $"the applier failed it: {failed.Reason}",
            { Error: AskTimeoutException } => $"the applier did not answer within {_settings.ApplyTimeout}",
            { Error: { } error } => $"asking the applier failed: {error.Message}",
            _ => $"the applier answered {answer.Reply} instead of ControlCommandApplied({command.Id})",
        };
        _log.Warning("Node {Node}: control command {Id} ({Command}) was not applied, {Why}; delivering it again on the next read (every {Interval}) and nothing after it before",
            _nodeName, command.Id, command.Command, why, _settings.PollInterval);
        RetryLater();
    }

    private void OnCursorAdvanced(CursorAdvanced advanced)
    {
        if (!_pending.TryPeek(out var head) || head.Id != advanced.Id) return;
        _busy = false;
        if (advanced.Error is not null)
        {
            // The applier dedupes by id, so delivering the applied command again is harmless.
            _log.Warning("Node {Node}: control command {Id} was applied but its cursor could not be written, delivering it again on the next read: {Error}",
                _nodeName, advanced.Id, advanced.Error.Message);
            RetryLater();
            return;
        }

        _lastApplied = advanced.Id;
        _pending.Dequeue();
        DeliverNext();
    }

    private void ReadFailed(string what, Exception error)
    {
        // Logged once per outage, not every poll; the poll timer tries again.
        if (!_readFailing)
            _log.Warning("Node {Node}: control bus failed {What}, retrying every {Interval}: {Error}", _nodeName, what, _settings.PollInterval, error.Message);
        _readFailing = true;
        _readAgain = false;
    }

    private void RetryLater()
    {
        // The next poll or NOTIFY reads again from the cursor, which still points before the unapplied command.
        _pending.Clear();
        _readAgain = false;
    }

    private void StartListening()
    {
        var generation = ++_listenGeneration;
        var cancel = new CancellationTokenSource();
        _listenCancel = cancel;
        var self = Self;
        var nodeName = _nodeName;
        var listening = ControlNotifications.ListenAsync(
            _database,
            _nodeName,
            onListening: () => self.Tell(new ListenStarted(generation)),
            onNotification: () => self.Tell(Poke.Instance),
            cancel.Token);
        listening.ContinueWith(
            task =>
            {
                var error = task.Exception?.GetBaseException()
                    ?? new InvalidOperationException($"Node '{nodeName}': the LISTEN loop on {ControlLog.Channel} ended without an error.");
                // A cancelled listener belongs to a stopped actor: nobody is left to tell.
                if (!cancel.IsCancellationRequested) self.Tell(new ListenLost(generation, error));
                cancel.Dispose();
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void OnListenStarted(ListenStarted started)
    {
        if (started.Generation != _listenGeneration) return;
        _listening = true;
        _reconnectBackoff = _settings.ReconnectBackoffMin;
        if (_listenedBefore) _log.Info("Node {Node}: listening for control commands again", _nodeName);
        _listenedBefore = true;
        // Commands appended while nobody listened have sent their NOTIFY already.
        Work();
    }

    private void OnListenLost(ListenLost lost)
    {
        if (lost.Generation != _listenGeneration) return;
        _listening = false;
        var backoff = _reconnectBackoff;
        _reconnectBackoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _settings.ReconnectBackoffMax.Ticks));
        _log.Warning("Node {Node}: the LISTEN connection for control commands is lost, reopening it in {Backoff} and reading every {Interval} meanwhile: {Error}",
            _nodeName, backoff, _settings.PollInterval, lost.Error.Message);
        Timers.StartSingleTimer(ReconnectTimer, Reconnect.Instance, backoff);
    }
}
