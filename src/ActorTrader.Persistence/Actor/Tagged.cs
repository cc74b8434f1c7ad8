namespace ActorTrader.Persistence;

/// <summary>
/// Persist <c>new Tagged(evt, ["orders"])</c> to store <see cref="Payload"/> with tags for <c>EventsByTag</c> queries
/// (Akka's <c>Tagged</c>). The persist handler receives the <see cref="Tagged"/>; recovery replays the bare payload.
/// </summary>
public sealed record Tagged(object Payload, IReadOnlyList<string> Tags);
