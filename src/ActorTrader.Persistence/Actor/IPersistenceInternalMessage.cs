using ActorTrader.Actors;

namespace ActorTrader.Persistence;

/// <summary>A message the persistence machinery sends to one incarnation of a persistent actor; others ignore it.</summary>
internal interface IPersistenceInternalMessage : IDeadLetterSuppression
{
    /// <summary>The writer id of the incarnation it is meant for.</summary>
    string Instance { get; }
}
