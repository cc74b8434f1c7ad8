using System.Text.Json;

namespace ActorTrader.Persistence.Serialization;

/// <summary>One registered type: its manifest, current version and how its <c>data</c> is written and read.</summary>
internal sealed record EventRegistration(
    Type Type,
    string Manifest,
    int Version,
    Action<Utf8JsonWriter, object> Write,
    Func<JsonElement, object?> Read);
