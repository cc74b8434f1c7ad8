using System.Collections.Concurrent;
using ActorTrader.Actors;

namespace ActorTrader.Persistence;

/// <summary>
/// Commands a persistent actor held back when it restarted, kept for its next incarnation (same actor reference).
/// The runtime cannot put arbitrary messages back at the front of a mailbox, and re-sending them would queue them
/// behind commands that arrived later; the next incarnation takes them with its first message instead.
/// </summary>
internal sealed class StashHandover
{
    private readonly ConcurrentDictionary<IActorRef, HandedOverStash> _waiting = new();

    /// <summary>Keeps <paramref name="messages"/> (oldest first) behind any earlier hand-over the successor has not taken yet.</summary>
    public void HandOver(IActorRef actor, IReadOnlyList<StashedMessage> messages, IReadOnlyCollection<string> retiredInstances) =>
        _waiting.AddOrUpdate(actor,
            _ => new HandedOverStash(messages, retiredInstances),
            (_, earlier) => new HandedOverStash([.. earlier.Messages, .. messages], [.. earlier.RetiredInstances, .. retiredInstances]));

    public HandedOverStash? TryTake(IActorRef actor) => _waiting.TryRemove(actor, out var handover) ? handover : null;
}

/// <summary>Held-back commands, oldest first, and the writer ids of the incarnations whose in-flight unstash they include.</summary>
internal sealed record HandedOverStash(IReadOnlyList<StashedMessage> Messages, IReadOnlyCollection<string> RetiredInstances);
