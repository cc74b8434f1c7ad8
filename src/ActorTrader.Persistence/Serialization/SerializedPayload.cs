namespace ActorTrader.Persistence.Serialization;

/// <summary>An event or snapshot as stored: its stable manifest and the versioned JSON envelope <c>{"v":n,"data":{...}}</c> in UTF-8.</summary>
public sealed record SerializedPayload(string Manifest, byte[] Bytes);
