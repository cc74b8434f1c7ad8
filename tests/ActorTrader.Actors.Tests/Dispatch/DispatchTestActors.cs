using ActorTrader.Actors;

namespace ActorTrader.Actors.Tests.Dispatch;

/// <summary>Tells the test it has started, then blocks its thread until the test opens the gate.</summary>
internal sealed record BlockUntilReleased(Gate Gate);

/// <summary>The actor is now inside the handler of <see cref="BlockUntilReleased"/>.</summary>
internal sealed record Blocked(string Name);

/// <summary>Where a message was processed: its thread, and whether it ran in the same dispatcher turn as the message before it.</summary>
internal sealed record Processed(object Message, int ThreadId, bool IsThreadPoolThread, bool SameTurnAsPrevious);

/// <summary>
/// Reports every message to <c>report</c> with the thread it ran on. A message of type
/// <see cref="BlockUntilReleased"/> blocks the actor's thread until the test releases the gate, so later
/// messages pile up in the mailbox in a known state.
/// <para>
/// Turns are observed with an <see cref="AsyncLocal{T}"/>: a handler sets it and leaves it set; the thread pool
/// resets the execution context after every work item, so the next message sees the marker only when it is
/// processed in the same mailbox turn (the same work item) as the one before.
/// </para>
/// </summary>
internal sealed class RecordingActor : ReceiveActor
{
    private static readonly AsyncLocal<object?> TurnMarker = new();

    public RecordingActor(IActorRef report)
    {
        object? previous = null;
        ReceiveAny(message =>
        {
            var sameTurn = previous is not null && ReferenceEquals(TurnMarker.Value, previous);
            TurnMarker.Value = message;
            previous = message;
            var thread = Thread.CurrentThread;
            report.Tell(new Processed(message, thread.ManagedThreadId, thread.IsThreadPoolThread, sameTurn), Self);
            if (message is BlockUntilReleased block)
            {
                report.Tell(new Blocked(Self.Path.Name), Self);
                block.Gate.WaitUntilOpen();
            }
        });
    }
}
