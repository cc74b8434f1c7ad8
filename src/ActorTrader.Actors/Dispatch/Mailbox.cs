namespace ActorTrader.Actors.Dispatch;

/// <summary>
/// One actor's queues and its run loop. The status word (Akka's scheme) holds Closed and Scheduled
/// bits and a suspend count; a mailbox is scheduled on its dispatcher at most once at a time, which
/// is what guarantees one message at a time per actor and no actor state touched from two threads.
/// </summary>
internal sealed class Mailbox : IThreadPoolWorkItem
{
    private const int Open = 0;
    private const int Closed = 1;
    private const int Scheduled = 2;
    private const int ShouldScheduleMask = 3;
    private const int SuspendUnit = 4;

    private readonly IMessageQueue _queue;
    private int _status;
    private SystemMessage? _systemMessages; // lock-free LIFO, reversed when processed
    private LinkedList<Envelope>? _unstashed; // consumer-only: messages put back in front by Unstash
    private ActorCell _cell = null!;

    public Mailbox(IMessageQueue queue, MessageDispatcher dispatcher)
    {
        _queue = queue;
        Dispatcher = dispatcher;
    }

    public MessageDispatcher Dispatcher { get; }

    public IMessageQueue Queue => _queue;

    public void SetActor(ActorCell cell) => _cell = cell;

    public bool IsClosed => (Volatile.Read(ref _status) & Closed) != 0;

    public bool IsSuspended => Volatile.Read(ref _status) >= SuspendUnit;

    public int NumberOfMessages => _queue.Count + (_unstashed?.Count ?? 0);

    public bool HasMessages => _queue.HasMessages || _unstashed is { Count: > 0 };

    private bool HasSystemMessages => Volatile.Read(ref _systemMessages) is not null;

    // ---- producers -------------------------------------------------------------------------

    /// <summary>Queues a user message; if the actor is gone (or a bounded queue is full) it goes to dead letters.</summary>
    public void Post(IActorRef recipient, in Envelope envelope)
    {
        if (IsClosed)
        {
            ToDeadLetters(envelope, recipient);
            return;
        }
        if (!_queue.TryEnqueue(envelope))
        {
            ToDeadLetters(envelope, recipient);
            return;
        }
        // The actor may have closed between the check and the enqueue: nothing will consume then.
        if (IsClosed)
        {
            DrainToDeadLetters();
            return;
        }
        RegisterForExecution(hasMessageHint: true, hasSystemMessageHint: false);
    }

    public void PostSystem(SystemMessage message)
    {
        EnqueueSystemMessage(message);
        if (IsClosed)
        {
            DrainSystemMessagesWhenClosed();
            return;
        }
        RegisterForExecution(hasMessageHint: false, hasSystemMessageHint: true);
    }

    /// <summary>Pushes a system message without scheduling the mailbox (used before the actor is published).</summary>
    public void EnqueueSystemMessage(SystemMessage message)
    {
        SystemMessage? head;
        do
        {
            head = Volatile.Read(ref _systemMessages);
            message.Next = head;
        }
        while (!ReferenceEquals(Interlocked.CompareExchange(ref _systemMessages, message, head), head));
    }

    // ---- status ------------------------------------------------------------------------------

    /// <summary>Adds one to the suspend count; a suspended mailbox processes only system messages.</summary>
    public bool Suspend()
    {
        while (true)
        {
            var s = Volatile.Read(ref _status);
            if ((s & Closed) != 0) return false;
            if (Interlocked.CompareExchange(ref _status, s + SuspendUnit, s) == s) return s < SuspendUnit;
        }
    }

    /// <summary>Removes one from the suspend count; returns true when the mailbox runs user messages again.</summary>
    public bool Resume()
    {
        while (true)
        {
            var s = Volatile.Read(ref _status);
            if ((s & Closed) != 0) return false;
            var next = s < SuspendUnit ? s : s - SuspendUnit;
            if (Interlocked.CompareExchange(ref _status, next, s) == s) return next < SuspendUnit;
        }
    }

    /// <summary>Closes for good; what is still queued goes to dead letters.</summary>
    public void BecomeClosed()
    {
        while (true)
        {
            var s = Volatile.Read(ref _status);
            if ((s & Closed) != 0) return;
            if (Interlocked.CompareExchange(ref _status, s | Closed, s) == s) break;
        }
        DrainToDeadLetters();
    }

    private bool SetAsScheduled()
    {
        while (true)
        {
            var s = Volatile.Read(ref _status);
            if ((s & ShouldScheduleMask) != Open) return false;
            if (Interlocked.CompareExchange(ref _status, s | Scheduled, s) == s) return true;
        }
    }

    private void SetAsIdle()
    {
        while (true)
        {
            var s = Volatile.Read(ref _status);
            if (Interlocked.CompareExchange(ref _status, s & ~Scheduled, s) == s) return;
        }
    }

    private bool CanBeScheduledForExecution(bool hasMessageHint, bool hasSystemMessageHint)
    {
        var s = Volatile.Read(ref _status);
        if ((s & Closed) != 0) return false;
        if (s < SuspendUnit) return hasMessageHint || hasSystemMessageHint || HasSystemMessages || HasMessages;
        return hasSystemMessageHint || HasSystemMessages;
    }

    public void RegisterForExecution(bool hasMessageHint, bool hasSystemMessageHint)
    {
        if (CanBeScheduledForExecution(hasMessageHint, hasSystemMessageHint) && SetAsScheduled())
            Dispatcher.Execute(this);
    }

    // ---- consumer ----------------------------------------------------------------------------

    void IThreadPoolWorkItem.Execute() => Run();

    /// <summary>One turn: all system messages, then up to the dispatcher's throughput of user messages.</summary>
    public void Run()
    {
        var previous = ActorCell.Current;
        ActorCell.Current = _cell;
        try
        {
            if (!IsClosed)
            {
                ProcessAllSystemMessages();
                ProcessMailbox();
            }
        }
        finally
        {
            ActorCell.Current = previous;
            SetAsIdle();
            RegisterForExecution(hasMessageHint: false, hasSystemMessageHint: false);
        }
    }

    private void ProcessMailbox()
    {
        var left = Dispatcher.Throughput;
        // Only while neither suspended nor closed (Akka's shouldProcessMessage): an actor that stopped during this
        // turn has drained its queue to dead letters, and whatever arrives later must go there too, not to the dead cell.
        while (left-- > 0 && (Volatile.Read(ref _status) & ~Scheduled) == Open && TryDequeue(out var envelope))
        {
            _cell.Invoke(envelope);
            if (HasSystemMessages) ProcessAllSystemMessages();
        }
    }

    private bool TryDequeue(out Envelope envelope)
    {
        var unstashed = _unstashed;
        if (unstashed is { Count: > 0 })
        {
            envelope = unstashed.First!.Value;
            unstashed.RemoveFirst();
            return true;
        }
        return _queue.TryDequeue(out envelope);
    }

    private void ProcessAllSystemMessages()
    {
        while (true)
        {
            var message = Reverse(Interlocked.Exchange(ref _systemMessages, null));
            if (message is null) return;
            while (message is not null)
            {
                var next = message.Next;
                message.Next = null;
                if (IsClosed) _cell.SystemMessageAfterTermination(message);
                else _cell.SystemInvoke(message);
                message = next;
            }
        }
    }

    private static SystemMessage? Reverse(SystemMessage? head)
    {
        SystemMessage? reversed = null;
        while (head is not null)
        {
            var next = head.Next;
            head.Next = reversed;
            reversed = head;
            head = next;
        }
        return reversed;
    }

    /// <summary>Puts messages back in front of the queue, first item first (used by Unstash). Consumer thread only.</summary>
    public void EnqueueFirst(IReadOnlyList<Envelope> envelopes)
    {
        if (envelopes.Count == 0) return;
        _unstashed ??= new LinkedList<Envelope>();
        for (var i = envelopes.Count - 1; i >= 0; i--) _unstashed.AddFirst(envelopes[i]);
    }

    private void DrainToDeadLetters()
    {
        // Once closed, every dequeue happens under this lock, so the queue keeps a single consumer.
        // (Locking the queue object costs no memory per actor, unlike a dedicated lock object.)
        lock (_queue)
        {
            if (_unstashed is { Count: > 0 } unstashed)
            {
                foreach (var envelope in unstashed) ToDeadLetters(envelope, _cell.Self);
                unstashed.Clear();
            }
            while (_queue.TryDequeue(out var envelope)) ToDeadLetters(envelope, _cell.Self);
        }
    }

    /// <summary>
    /// Sends an undeliverable message to dead letters. A <see cref="DeadLetter"/> itself is dropped (as Akka's
    /// dead-letter mailbox does): it was meant for a dead-letter subscriber that cannot take it, and publishing it
    /// again would hand it straight back to that same subscriber, endlessly.
    /// </summary>
    private void ToDeadLetters(in Envelope envelope, IActorRef recipient)
    {
        if (envelope.Message is DeadLetter) return;
        _cell.System.DeadLetterRef.Publish(envelope.Message, envelope.Sender, recipient);
    }

    private void DrainSystemMessagesWhenClosed()
    {
        var message = Reverse(Interlocked.Exchange(ref _systemMessages, null));
        while (message is not null)
        {
            var next = message.Next;
            message.Next = null;
            _cell.SystemMessageAfterTermination(message);
            message = next;
        }
    }
}
