using ActorTrader.Actors;
using ActorTrader.Actors.Dispatch;
using ActorTrader.Actors.Tests.Dispatch;
using ActorTrader.TestKit;

namespace ActorTrader.Actors.Tests.Guarantees;

/// <summary>
/// A message that arrives just as its actor stops must reach dead letters, never vanish. The interleaving is
/// forced with a queue that controls when the late message goes in and who may take it out.
/// </summary>
public sealed class StoppingMailboxTests : TestKit.TestKit
{
    private const string First = "first";
    private const string Late = "late";

    /// <summary>
    /// Wraps the default queue. The late message is enqueued only once the stopping actor's thread has looked
    /// into the queue after <see cref="First"/> (its drain to dead letters), and that look reports empty, as if it
    /// came just before the late message. Any other thread may dequeue only after the actor's thread has ended,
    /// so the actor's thread gets every chance to take the late message itself (which it must not do once closed).
    /// </summary>
    private sealed class InterposingQueue : IMessageQueue, IDisposable
    {
        private readonly UnboundedMessageQueue _inner = new();
        private readonly ManualResetEventSlim _consumerLookedAfterFirst = new();
        private readonly ManualResetEventSlim _lateEnqueued = new();
        private Thread? _consumer;
        private int _consumerLooksAfterFirst;

        public static readonly TimeSpan Patience = TestKitBase.Dilated(TimeSpan.FromSeconds(20));

        public volatile bool ProducerWaiting;

        public bool TryEnqueue(in Envelope envelope)
        {
            if (Equals(envelope.Message, Late))
            {
                ProducerWaiting = true;
                if (!_consumerLookedAfterFirst.Wait(Patience)) throw new TimeoutException("the actor never drained its queue");
                _inner.TryEnqueue(envelope);
                _lateEnqueued.Set();
                return true;
            }
            return _inner.TryEnqueue(envelope);
        }

        public bool TryDequeue(out Envelope envelope)
        {
            var consumer = Volatile.Read(ref _consumer);
            if (consumer is not null && ReferenceEquals(Thread.CurrentThread, consumer))
            {
                if (Interlocked.Increment(ref _consumerLooksAfterFirst) == 1)
                {
                    _consumerLookedAfterFirst.Set();
                    if (!_lateEnqueued.Wait(Patience)) throw new TimeoutException("the late message was never sent");
                    envelope = default;
                    return false;
                }
                return _inner.TryDequeue(out envelope);
            }
            if (consumer is not null && !ReferenceEquals(Thread.CurrentThread, consumer) && !consumer.Join(Patience))
                throw new TimeoutException("the actor's thread did not end");
            var found = _inner.TryDequeue(out envelope);
            if (found && Equals(envelope.Message, First)) Volatile.Write(ref _consumer, Thread.CurrentThread);
            return found;
        }

        public bool HasMessages => _inner.HasMessages;

        public int Count => _inner.Count;

        public void Dispose()
        {
            _consumerLookedAfterFirst.Dispose();
            _lateEnqueued.Dispose();
        }
    }

    private sealed class InterposingMailbox(InterposingQueue queue) : MailboxType
    {
        public override IMessageQueue CreateQueue() => queue;
    }

    private sealed record Started;

    /// <summary>On <see cref="First"/>: reports, waits for the gate, then stops itself.</summary>
    private sealed class StopsAfterFirst : ReceiveActor
    {
        public StopsAfterFirst(Gate gate, IActorRef report)
        {
            Receive<string>(m =>
            {
                if (m != First) return;
                report.Tell(new Started(), Self);
                gate.WaitUntilOpen();
                Context.Stop(Self);
            });
        }
    }

    [Fact]
    public async Task A_message_enqueued_while_the_actor_stops_mid_turn_is_published_as_a_dead_letter()
    {
        using var queue = new InterposingQueue();
        Sys.Mailboxes.Register("interposing", new InterposingMailbox(queue));
        var deadLetters = CreateTestProbe();
        Sys.EventStream.Subscribe(deadLetters.Ref, typeof(DeadLetter));
        using var gate = new Gate();
        // Pinned: the actor's thread ends with the actor, which tells the queue when it can no longer dequeue.
        var actor = Sys.ActorOf(Props.Create(() => new StopsAfterFirst(gate, TestActor))
            .WithMailbox("interposing").WithDispatcher(Dispatchers.PinnedDispatcherId));
        actor.Tell(First, TestActor);
        await ExpectMsgAsync<Started>();

        var producer = Task.Run(() => actor.Tell(Late, TestActor));
        await AwaitConditionAsync(() => queue.ProducerWaiting, message: "the producer never reached the queue");
        gate.Open();

        var dead = await deadLetters.ExpectMsgAsync<DeadLetter>();
        Assert.Equal(Late, dead.Message);
        Assert.Equal(actor, dead.Recipient);
        await producer;
    }
}
