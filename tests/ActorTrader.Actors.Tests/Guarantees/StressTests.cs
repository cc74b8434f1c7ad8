using System.Diagnostics;
using ActorTrader.Actors;
using ActorTrader.TestKit;
using Xunit.Abstractions;

namespace ActorTrader.Actors.Tests.Guarantees;

/// <summary>The stress test runs alone, so it neither starves nor is starved by other tests on small machines.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class StressCollection
{
    public const string Name = "Guarantees stress (runs alone)";
}

[Collection(StressCollection.Name)]
public sealed class StressTests : TestKit.TestKit
{
    private const int Receivers = 200;
    private const int Senders = 4;
    private const int PerSenderPerReceiver = 12_500; // 4 x 12,500 = 50,000 messages per receiver, 10 million in all

    private readonly ITestOutputHelper _output;

    public StressTests(ITestOutputHelper output)
    {
        _output = output;
    }

    private sealed record Seq(int Sender, int N);

    private sealed record Done(string Receiver, int Received);

    private sealed class Violations
    {
        private int _concurrentEntries;
        private int _outOfOrder;

        public int ConcurrentEntries => Volatile.Read(ref _concurrentEntries);

        public int OutOfOrder => Volatile.Read(ref _outOfOrder);

        public void ConcurrentEntry() => Interlocked.Increment(ref _concurrentEntries);

        public void Reordered() => Interlocked.Increment(ref _outOfOrder);
    }

    /// <summary>Tracks the last sequence number per sender in plain fields, guarded against concurrent entry.</summary>
    private sealed class Receiver : ActorBase
    {
        private readonly int[] _next = new int[Senders];
        private readonly Violations _violations;
        private readonly IActorRef _report;
        private int _inside;
        private int _received;

        public Receiver(Violations violations, IActorRef report)
        {
            _violations = violations;
            _report = report;
        }

        protected override bool Receive(object message)
        {
            if (message is not Seq seq) return false;
            if (Interlocked.Increment(ref _inside) != 1) _violations.ConcurrentEntry();
            if (seq.N != _next[seq.Sender]) _violations.Reordered();
            _next[seq.Sender] = seq.N + 1;
            if (++_received == Senders * PerSenderPerReceiver) _report.Tell(new Done(Self.Path.Name, _received), Self);
            Interlocked.Decrement(ref _inside);
            return true;
        }
    }

    [Fact]
    public async Task Two_hundred_actors_receive_fifty_thousand_messages_each_from_four_threads_without_loss_reordering_or_concurrent_entry()
    {
        var violations = new Violations();
        var report = TestActor;
        var receivers = Enumerable.Range(0, Receivers)
            .Select(i => Sys.ActorOf(Props.Create(() => new Receiver(violations, report)), $"receiver-{i}"))
            .ToArray();
        // Messages are immutable, so one instance per (sender, n) is shared by all receivers.
        var messages = new Seq[Senders][];
        for (var s = 0; s < Senders; s++)
        {
            messages[s] = new Seq[PerSenderPerReceiver];
            for (var n = 0; n < PerSenderPerReceiver; n++) messages[s][n] = new Seq(s, n);
        }
        var stopwatch = Stopwatch.StartNew();

        var sending = Enumerable.Range(0, Senders).Select(s => Task.Factory.StartNew(() =>
        {
            var mine = messages[s];
            for (var n = 0; n < PerSenderPerReceiver; n++)
            {
                var message = mine[n];
                foreach (var receiver in receivers) receiver.Tell(message, report);
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        await Task.WhenAll(sending);
        var sent = stopwatch.Elapsed;

        var done = (await ReceiveNAsync(Receivers, TimeSpan.FromSeconds(120))).Cast<Done>().ToArray();
        stopwatch.Stop();
        _output.WriteLine($"{Receivers * Senders * PerSenderPerReceiver:N0} messages: sent in {sent.TotalSeconds:0.00} s, all processed after {stopwatch.Elapsed.TotalSeconds:0.00} s");

        Assert.Equal(receivers.Select(r => r.Path.Name).Order(StringComparer.Ordinal), done.Select(d => d.Receiver).Order(StringComparer.Ordinal));
        Assert.All(done, d => Assert.Equal(Senders * PerSenderPerReceiver, d.Received));
        Assert.Equal(0, violations.OutOfOrder);
        Assert.Equal(0, violations.ConcurrentEntries);
        await ExpectNoMsgAsync(TimeSpan.FromMilliseconds(100)); // nobody received more than its share
    }
}
