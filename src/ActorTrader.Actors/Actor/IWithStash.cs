namespace ActorTrader.Actors;

/// <summary>
/// Implement on an actor to defer messages: <c>Stash.Stash()</c> keeps the current message aside,
/// <c>UnstashAll()</c> puts them back in front of the mailbox in their original order. The runtime sets
/// <see cref="Stash"/> before the constructor body runs; stashed messages survive a restart and go
/// to dead letters when the actor stops.
/// </summary>
public interface IWithStash
{
    IStash Stash { get; set; }
}

public interface IStash
{
    /// <summary>Keeps the message being processed for later.</summary>
    void Stash();

    /// <summary>Returns the oldest stashed message to the front of the mailbox.</summary>
    void Unstash();

    /// <summary>Returns all stashed messages to the front of the mailbox, oldest first.</summary>
    void UnstashAll();

    /// <summary>Returns the stashed messages that match, oldest first; the rest stay stashed.</summary>
    void UnstashAll(Func<Dispatch.Envelope, bool> predicate);

    /// <summary>Drops all stashed messages and returns them.</summary>
    IReadOnlyList<Dispatch.Envelope> ClearStash();

    int Count { get; }
}
