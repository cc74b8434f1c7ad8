using System.Collections.Concurrent;

namespace ActorTrader.Actors.Dispatch;

/// <summary>
/// Gives every actor its own dedicated thread, for blocking work (file or socket I/O, native calls)
/// that must not hold thread-pool threads. The thread ends when the actor stops.
/// </summary>
public sealed class PinnedDispatcher : MessageDispatcher
{
    private readonly ConcurrentDictionary<Mailbox, Worker> _workers = new();

    public PinnedDispatcher(string id, int throughput) : base(id, throughput) { }

    internal override void Attach(Mailbox mailbox, ActorPath actorPath)
    {
        var worker = new Worker(mailbox, actorPath);
        _workers[mailbox] = worker;
        worker.Start();
    }

    internal override void Execute(Mailbox mailbox)
    {
        if (_workers.TryGetValue(mailbox, out var worker)) worker.Signal();
        else ThreadPool.UnsafeQueueUserWorkItem(mailbox, preferLocal: false); // detached: finish on the pool
    }

    internal override void Detach(Mailbox mailbox)
    {
        if (_workers.TryRemove(mailbox, out var worker)) worker.Stop();
    }

    internal override void Shutdown()
    {
        foreach (var mailbox in _workers.Keys) Detach(mailbox);
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The worker thread disposes its semaphore when its loop ends.")]
    private sealed class Worker
    {
        private readonly Mailbox _mailbox;
        private readonly SemaphoreSlim _signal = new(0);
        private readonly Thread _thread;
        private volatile bool _stopped;

        public Worker(Mailbox mailbox, ActorPath actorPath)
        {
            _mailbox = mailbox;
            _thread = new Thread(Loop) { IsBackground = true, Name = "pinned " + actorPath.ToStringWithoutAddress() };
        }

        public void Start() => _thread.Start();

        public void Signal() => _signal.Release();

        public void Stop()
        {
            _stopped = true;
            _signal.Release();
        }

        private void Loop()
        {
            while (true)
            {
                _signal.Wait();
                if (_stopped && !_mailbox.HasMessages) break;
                _mailbox.Run();
                if (_stopped) break;
            }
            _signal.Dispose();
        }
    }
}
