using System.Diagnostics;
using System.Threading.Channels;
using ActorTrader.Actors;
using ActorTrader.Actors.Dispatch;
using Xunit.Sdk;

namespace ActorTrader.TestKit;

/// <summary>
/// Expectations over the messages one test actor receives (Akka.TestKit's API). The async methods are
/// the primary ones; the synchronous ones wait on them. All timeouts are real time, dilated by
/// <see cref="TestKitSettings.TimeFactor"/>; a <see cref="Within"/> block bounds the defaults.
/// </summary>
public abstract class TestKitBase
{
    // Not SingleReader: only the multi-reader channel can count what is waiting (HasMessages).
    private readonly Channel<Envelope> _queue = Channel.CreateUnbounded<Envelope>();
    private IActorRef? _ref;
    private DateTime? _deadline;

    private protected TestKitBase(TimeSpan defaultTimeout)
    {
        DefaultTimeout = defaultTimeout;
    }

    public abstract ActorSystem Sys { get; }

    /// <summary>The default timeout (dilated).</summary>
    public TimeSpan DefaultTimeout { get; }

    /// <summary>The sender of the last message received.</summary>
    public IActorRef LastSender { get; private set; } = ActorRefs.Nobody;

    public object? LastMessage { get; private set; }

    /// <summary>True when a message is waiting to be expected.</summary>
    public bool HasMessages => _queue.Reader.Count > 0;

    /// <summary>How many messages wait in the test actor's queue.</summary>
    public int MessageCount => _queue.Reader.Count;

    private protected IActorRef ReceiverRef => _ref ??= Sys.ActorOf(Props.Create(() => new TestActor(_queue.Writer)), ActorNameForProbe());

    private protected abstract string ActorNameForProbe();

    public static TimeSpan Dilated(TimeSpan duration) => TimeSpan.FromTicks((long)(duration.Ticks * TestKitSettings.TimeFactor));

    /// <summary>Time left in the enclosing <see cref="Within"/> block, else <paramref name="fallback"/> (dilated) or the default.</summary>
    public TimeSpan RemainingOrDefault(TimeSpan? fallback = null)
    {
        var limit = fallback is { } f ? Dilated(f) : DefaultTimeout;
        if (_deadline is not { } deadline) return limit;
        var left = deadline - DateTime.UtcNow;
        return left < TimeSpan.Zero ? TimeSpan.Zero : (fallback is null ? left : (left < limit ? left : limit));
    }

    // ---- receiving ---------------------------------------------------------------------------

    /// <summary>The next message, or null when none arrives within <paramref name="timeout"/>.</summary>
    public async Task<object?> ReceiveOneAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (_queue.Reader.TryRead(out var ready)) return Record(ready);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(cts.Token).ConfigureAwait(false))
            {
                if (_queue.Reader.TryRead(out var envelope)) return Record(envelope);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Timed out: no message.
        }
        return null;
    }

    private object Record(Envelope envelope)
    {
        LastMessage = envelope.Message;
        LastSender = envelope.Sender ?? Sys.DeadLetters;
        return envelope.Message;
    }

    public async Task<T> ExpectMsgAsync<T>(TimeSpan? timeout = null)
    {
        var limit = RemainingOrDefault(timeout);
        var message = await ReceiveOneAsync(limit).ConfigureAwait(false)
            ?? throw Fail($"Timeout ({limit.TotalMilliseconds:0} ms) while waiting for a message of type {typeof(T).Name}.");
        return message is T typed ? typed : throw Fail($"Expected a message of type {typeof(T).Name} but received {Describe(message)}.");
    }

    public async Task<T> ExpectMsgAsync<T>(T expected, TimeSpan? timeout = null)
    {
        var message = await ExpectMsgAsync<T>(timeout).ConfigureAwait(false);
        return Equals(message, expected) ? message : throw Fail($"Expected {Describe(expected)} but received {Describe(message)}.");
    }

    public async Task<T> ExpectMsgAsync<T>(Predicate<T> isExpected, TimeSpan? timeout = null, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(isExpected);
        var message = await ExpectMsgAsync<T>(timeout).ConfigureAwait(false);
        return isExpected(message) ? message : throw Fail($"Received {Describe(message)}, which does not match {hint ?? "the predicate"}.");
    }

    /// <summary>Fails if any message arrives within <paramref name="duration"/>.</summary>
    public async Task ExpectNoMsgAsync(TimeSpan? duration = null)
    {
        var wait = RemainingOrDefault(duration ?? TimeSpan.FromMilliseconds(250));
        var message = await ReceiveOneAsync(wait).ConfigureAwait(false);
        if (message is not null) throw Fail($"Expected no message for {wait.TotalMilliseconds:0} ms but received {Describe(message)}.");
    }

    /// <summary>Waits for <see cref="Terminated"/> of <paramref name="target"/>; call <see cref="Watch"/> first.</summary>
    public Task<Terminated> ExpectTerminatedAsync(IActorRef target, TimeSpan? timeout = null) =>
        ExpectMsgAsync<Terminated>(t => t.ActorRef.Equals(target), timeout, $"Terminated of {target}");

    public async Task<IReadOnlyList<object>> ReceiveNAsync(int count, TimeSpan? timeout = null)
    {
        var limit = RemainingOrDefault(timeout);
        var deadline = DateTime.UtcNow + limit;
        var messages = new List<object>(count);
        while (messages.Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            var message = left > TimeSpan.Zero ? await ReceiveOneAsync(left).ConfigureAwait(false) : null;
            if (message is null) throw Fail($"Timeout ({limit.TotalMilliseconds:0} ms) after receiving {messages.Count} of {count} messages.");
            messages.Add(message);
        }
        return messages;
    }

    /// <summary>Skips messages until one matches; fails on timeout.</summary>
    public async Task<object> FishForMessageAsync(Predicate<object> isTheOne, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(isTheOne);
        var limit = RemainingOrDefault(timeout);
        var deadline = DateTime.UtcNow + limit;
        var skipped = 0;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            var message = left > TimeSpan.Zero ? await ReceiveOneAsync(left).ConfigureAwait(false) : null;
            if (message is null) throw Fail($"Timeout ({limit.TotalMilliseconds:0} ms) while fishing for a message; skipped {skipped}.");
            if (isTheOne(message)) return message;
            skipped++;
        }
    }

    public async Task<T> FishForMessageAsync<T>(Predicate<T> isTheOne, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(isTheOne);
        return (T)await FishForMessageAsync(m => m is T typed && isTheOne(typed), timeout).ConfigureAwait(false);
    }

    // ---- time-bounded blocks -------------------------------------------------------------------

    /// <summary>Runs <paramref name="block"/> and fails unless it takes between min and max; inner defaults use the time left.</summary>
    public async Task<T> WithinAsync<T>(TimeSpan min, TimeSpan max, Func<Task<T>> block)
    {
        ArgumentNullException.ThrowIfNull(block);
        var dilatedMax = Dilated(max);
        var previous = _deadline;
        var start = Stopwatch.GetTimestamp();
        var deadline = DateTime.UtcNow + dilatedMax;
        _deadline = previous is { } outer && outer < deadline ? outer : deadline;
        try
        {
            var result = await block().ConfigureAwait(false);
            var elapsed = Stopwatch.GetElapsedTime(start);
            if (elapsed < min) throw Fail($"Block took {elapsed.TotalMilliseconds:0} ms, less than the minimum {min.TotalMilliseconds:0} ms.");
            if (elapsed > dilatedMax) throw Fail($"Block took {elapsed.TotalMilliseconds:0} ms, more than the maximum {dilatedMax.TotalMilliseconds:0} ms.");
            return result;
        }
        finally
        {
            _deadline = previous;
        }
    }

    public Task WithinAsync(TimeSpan max, Func<Task> block) => WithinAsync(TimeSpan.Zero, max, block);

    public Task WithinAsync(TimeSpan min, TimeSpan max, Func<Task> block)
    {
        ArgumentNullException.ThrowIfNull(block);
        return WithinAsync(min, max, async () =>
        {
            await block().ConfigureAwait(false);
            return true;
        });
    }

    /// <summary>Retries <paramref name="assertion"/> until it stops throwing; rethrows its last failure on timeout.</summary>
    public async Task AwaitAssertAsync(Func<Task> assertion, TimeSpan? duration = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        var limit = RemainingOrDefault(duration);
        var pause = interval ?? TimeSpan.FromMilliseconds(10);
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            try
            {
                await assertion().ConfigureAwait(false);
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(pause).ConfigureAwait(false);
            }
        }
    }

    public Task AwaitAssertAsync(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        return AwaitAssertAsync(() =>
        {
            assertion();
            return Task.CompletedTask;
        }, duration, interval);
    }

    /// <summary>Polls <paramref name="condition"/> until true; fails with <paramref name="message"/> on timeout.</summary>
    public async Task AwaitConditionAsync(Func<bool> condition, TimeSpan? max = null, TimeSpan? interval = null, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var limit = RemainingOrDefault(max);
        var pause = interval ?? TimeSpan.FromMilliseconds(10);
        var deadline = DateTime.UtcNow + limit;
        while (!condition())
        {
            if (DateTime.UtcNow >= deadline) throw Fail($"Condition not met within {limit.TotalMilliseconds:0} ms{(message is null ? "" : ": " + message)}.");
            await Task.Delay(pause).ConfigureAwait(false);
        }
    }

    // ---- synchronous forms ---------------------------------------------------------------------

    public T ExpectMsg<T>(TimeSpan? timeout = null) => ExpectMsgAsync<T>(timeout).GetAwaiter().GetResult();

    public T ExpectMsg<T>(T expected, TimeSpan? timeout = null) => ExpectMsgAsync<T>(expected, timeout).GetAwaiter().GetResult();

    public T ExpectMsg<T>(Predicate<T> isExpected, TimeSpan? timeout = null) => ExpectMsgAsync<T>(isExpected, timeout).GetAwaiter().GetResult();

    public void ExpectNoMsg(TimeSpan? duration = null) => ExpectNoMsgAsync(duration).GetAwaiter().GetResult();

    public Terminated ExpectTerminated(IActorRef target, TimeSpan? timeout = null) => ExpectTerminatedAsync(target, timeout).GetAwaiter().GetResult();

    public IReadOnlyList<object> ReceiveN(int count, TimeSpan? timeout = null) => ReceiveNAsync(count, timeout).GetAwaiter().GetResult();

    public object FishForMessage(Predicate<object> isTheOne, TimeSpan? timeout = null) => FishForMessageAsync(isTheOne, timeout).GetAwaiter().GetResult();

    public void Within(TimeSpan max, Action block) => WithinAsync(max, () =>
    {
        block();
        return Task.CompletedTask;
    }).GetAwaiter().GetResult();

    public void AwaitAssert(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null) =>
        AwaitAssertAsync(assertion, duration, interval).GetAwaiter().GetResult();

    public void AwaitCondition(Func<bool> condition, TimeSpan? max = null, TimeSpan? interval = null, string? message = null) =>
        AwaitConditionAsync(condition, max, interval, message).GetAwaiter().GetResult();

    // ---- acting as the test actor --------------------------------------------------------------

    /// <summary>Sends <paramref name="message"/> to <paramref name="target"/> with this test actor as sender.</summary>
    public void Send(IActorRef target, object message)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(message, ReceiverRef);
    }

    /// <summary>Replies to the sender of the last message.</summary>
    public void Reply(object message) => LastSender.Tell(message, ReceiverRef);

    /// <summary>Forwards the last message to <paramref name="target"/>, keeping its original sender.</summary>
    public void Forward(IActorRef target)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Tell(LastMessage ?? throw new InvalidOperationException("Nothing received yet to forward."), LastSender);
    }

    /// <summary>The test actor watches <paramref name="subject"/>; expect its <see cref="Terminated"/>.</summary>
    public IActorRef Watch(IActorRef subject)
    {
        ReceiverRef.Tell(new TestActor.WatchCommand(subject, Watch: true), null);
        return subject;
    }

    public IActorRef Unwatch(IActorRef subject)
    {
        ReceiverRef.Tell(new TestActor.WatchCommand(subject, Watch: false), null);
        return subject;
    }

    private static string Describe(object? message) => message is null ? "null" : $"{message.GetType().Name} {message}";

    private static XunitException Fail(string message) => new(message);
}
