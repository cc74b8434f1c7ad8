using System.Text.Json.Nodes;

namespace ActorTrader.Persistence.Serialization;

/// <summary>Rewrites the <c>data</c> of one manifest from <see cref="FromVersion"/> to <c>FromVersion + 1</c>; upcasters chain to the current version.</summary>
internal sealed record EventUpcaster(string Manifest, int FromVersion, Func<JsonNode, JsonNode> Upcast);
