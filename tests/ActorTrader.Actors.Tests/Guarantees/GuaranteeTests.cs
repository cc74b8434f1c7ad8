using ActorTrader.Actors;
using ActorTrader.TestKit;

namespace ActorTrader.Actors.Tests.Guarantees;

/// <summary>Counts handler entries that found another handler of the same actor still running.</summary>
internal sealed class ConcurrencyGuard
{
    private int _inside;
    private int _violations;

    public int Violations => Volatile.Read(ref _violations);

    public void Enter()
    {
        if (Interlocked.Increment(ref _inside) != 1) Interlocked.Increment(ref _violations);
    }

    public void Exit() => Interlocked.Decrement(ref _inside);
}

public sealed class GuaranteeTests : TestKit.TestKit
{
    private sealed record Work(int Sender, int Seq);

    private sealed record Finished(int Count, int Violations);

    private static Task[] SendFromThreads(IActorRef target, IActorRef sender, int threads, int perThread)
    {
        return Enumerable.Range(0, threads).Select(t => Task.Factory.StartNew(() =>
        {
            for (var i = 0; i < perThread; i++) target.Tell(new Work(t, i), sender);
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
    }

    /// <summary>Guards every handler; plain (non-atomic) counter; reports when <c>expected</c> messages have arrived.</summary>
    private sealed class GuardedCounter : ReceiveActor
    {
        public GuardedCounter(ConcurrencyGuard guard, int expected, IActorRef report)
        {
            var count = 0;
            Receive<Work>(_ =>
            {
                guard.Enter();
                try
                {
                    count++;
                    Thread.SpinWait(20); // widen the window in which a second thread would be caught
                    if (count == expected) report.Tell(new Finished(count, guard.Violations), Self);
                }
                finally
                {
                    guard.Exit();
                }
            });
        }
    }

    [Fact]
    public async Task An_actor_processes_one_message_at_a_time_while_many_threads_send_to_it()
    {
        const int threads = 4;
        const int perThread = 25_000;
        var guard = new ConcurrencyGuard();
        var actor = Sys.ActorOf(Props.Create(() => new GuardedCounter(guard, threads * perThread, TestActor)));

        await Task.WhenAll(SendFromThreads(actor, TestActor, threads, perThread));

        var finished = await ExpectMsgAsync<Finished>(TimeSpan.FromSeconds(30));
        Assert.Equal(threads * perThread, finished.Count);
        Assert.Equal(0, guard.Violations);
    }

    private sealed record Go(IActorRef Target, int Count);

    private sealed class SequenceSender : ReceiveActor
    {
        public SequenceSender()
        {
            Receive<Go>(go =>
            {
                for (var i = 1; i <= go.Count; i++) go.Target.Tell(i, Self);
            });
        }
    }

    private sealed record OrderReport(int Received, int OutOfOrder, int Senders);

    /// <summary>Checks that the numbers from each sender arrive as 1, 2, 3, ...</summary>
    private sealed class OrderChecker : ReceiveActor
    {
        public OrderChecker(int expected, IActorRef report)
        {
            var last = new Dictionary<IActorRef, int>();
            var received = 0;
            var outOfOrder = 0;
            Receive<int>(n =>
            {
                var previous = last.GetValueOrDefault(Sender);
                if (n != previous + 1) outOfOrder++;
                last[Sender] = n;
                if (++received == expected) report.Tell(new OrderReport(received, outOfOrder, last.Count), Self);
            });
        }
    }

    [Fact]
    public async Task Messages_from_one_sender_to_one_receiver_arrive_in_the_order_sent()
    {
        const int senders = 4;
        const int perSender = 20_000;
        var checker = Sys.ActorOf(Props.Create(() => new OrderChecker(senders * perSender, TestActor)));
        var senderActors = Enumerable.Range(0, senders).Select(_ => Sys.ActorOf(Props.Create(() => new SequenceSender()))).ToArray();

        foreach (var sender in senderActors) sender.Tell(new Go(checker, perSender), TestActor);

        var report = await ExpectMsgAsync<OrderReport>(TimeSpan.FromSeconds(30));
        Assert.Equal(0, report.OutOfOrder);
        Assert.Equal(senders, report.Senders);
    }

    private sealed class Incarnations
    {
        private int _count;

        public int Next() => Interlocked.Increment(ref _count);
    }

    private sealed record Handled(int Incarnation, int N);

    /// <summary>Fails on one number; reports every other number with the incarnation that handled it.</summary>
    private sealed class Fragile : ReceiveActor
    {
        public Fragile(int incarnation, int failOn, IActorRef report)
        {
            Receive<int>(n =>
            {
                if (n == failOn) throw new InvalidOperationException($"failing on {n}");
                report.Tell(new Handled(incarnation, n), Self);
            });
        }
    }

    [Fact]
    public async Task A_restart_loses_only_the_failing_message()
    {
        var incarnations = new Incarnations();
        var report = TestActor;
        var actor = Sys.ActorOf(Props.Create(() => new Fragile(incarnations.Next(), 40, report)));

        for (var i = 1; i <= 100; i++) actor.Tell(i, TestActor);

        var handled = (await ReceiveNAsync(99)).Cast<Handled>().ToArray();
        Assert.Equal(Enumerable.Range(1, 100).Where(n => n != 40), handled.Select(h => h.N));
        Assert.All(handled.Where(h => h.N < 40), h => Assert.Equal(1, h.Incarnation));
        Assert.All(handled.Where(h => h.N > 40), h => Assert.Equal(2, h.Incarnation));
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100));
    }

    private sealed record Report;

    private sealed record StateReport(int Count, int Entries);

    /// <summary>
    /// Plain fields, changed before and after awaits that resume elsewhere; the guard spans the whole
    /// handler including its continuations, so another message running during the await is caught.
    /// </summary>
    private sealed class AsyncStateActor : ReceiveActor
    {
        private int _count;
        private int _entries;

        public AsyncStateActor(ConcurrencyGuard guard)
        {
            ReceiveAsync<Work>(async _ =>
            {
                guard.Enter();
                try
                {
                    _entries++;
                    _count++;
                    await Task.Run(() => Thread.SpinWait(50));
                    _count++;
                }
                finally
                {
                    guard.Exit();
                }
            });
            Receive<Report>(_ => Sender.Tell(new StateReport(_count, _entries), Self));
        }
    }

    [Fact]
    public async Task Actor_state_is_never_touched_from_two_threads_at_once_even_across_awaits()
    {
        const int threads = 2;
        const int perThread = 1_000;
        var guard = new ConcurrencyGuard();
        var actor = Sys.ActorOf(Props.Create(() => new AsyncStateActor(guard)));

        await Task.WhenAll(SendFromThreads(actor, TestActor, threads, perThread));
        // Every Work is queued before the Report, and an async handler holds back later messages until it completes.
        actor.Tell(new Report(), TestActor);

        var final = await ExpectMsgAsync<StateReport>(TimeSpan.FromSeconds(30));
        Assert.Equal(threads * perThread, final.Entries);
        Assert.Equal(2 * threads * perThread, final.Count);
        Assert.Equal(0, guard.Violations);
    }
}
