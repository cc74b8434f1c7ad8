using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ActorTrader.Persistence.Serialization;

/// <summary>
/// Turns events and snapshots into versioned JSON envelopes <c>{"v":n,"data":{...}}</c> and back, with System.Text.Json.
/// Every persisted type is registered explicitly under a stable manifest name (never a CLR type name, so types may be
/// renamed or moved); a type whose shape changes gets a new version and an upcaster from the old one.
/// Registration is thread-safe; do it at start-up, before actors recover.
/// </summary>
public sealed class EventSerializer
{
    /// <summary>The manifest of Akka's at-least-once-delivery snapshot, registered by default.</summary>
    public const string DeliverySnapshotManifest = "at-least-once-delivery-snapshot";

    private readonly ConcurrentDictionary<string, EventRegistration> _byManifest = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Type, EventRegistration> _byType = new();
    private readonly ConcurrentDictionary<(string Manifest, int FromVersion), EventUpcaster> _upcasters = new();
    private readonly Lock _registering = new();

    /// <param name="options">JSON options for every registered type; the defaults (exact property names, decimals as numbers) suit records.</param>
    public EventSerializer(JsonSerializerOptions? options = null)
    {
        var own = options is null ? new JsonSerializerOptions(JsonSerializerDefaults.General) : new JsonSerializerOptions(options);
        own.MakeReadOnly(populateMissingResolver: true);
        Options = own;
        Add(new EventRegistration(typeof(AtLeastOnceDeliverySnapshot), DeliverySnapshotManifest, 1,
            (writer, value) => DeliverySnapshotFormat.Write(this, writer, (AtLeastOnceDeliverySnapshot)value),
            element => DeliverySnapshotFormat.Read(this, element)));
    }

    public JsonSerializerOptions Options { get; }

    /// <summary>The registered manifests, sorted (for error messages and diagnostics).</summary>
    public IReadOnlyList<string> Manifests => _byManifest.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// Registers <typeparamref name="T"/> under <paramref name="manifest"/> at <paramref name="version"/> (its current shape).
    /// Never rename a manifest once events were written with it.
    /// </summary>
    public EventSerializer Register<T>(string manifest, int version = 1)
    {
        Add(new EventRegistration(typeof(T), ValidManifest(manifest), ValidVersion(version, nameof(version)),
            (writer, value) => JsonSerializer.Serialize(writer, value, typeof(T), Options),
            element => element.Deserialize<T>(Options)));
        return this;
    }

    /// <summary>
    /// Registers how the <c>data</c> of <paramref name="manifest"/> written at <paramref name="fromVersion"/> becomes
    /// <c>fromVersion + 1</c>. Reading an old event applies the chain up to the registered version.
    /// </summary>
    public EventSerializer RegisterUpcaster(string manifest, int fromVersion, Func<JsonNode, JsonNode> upcast)
    {
        ArgumentNullException.ThrowIfNull(upcast);
        var upcaster = new EventUpcaster(ValidManifest(manifest), ValidVersion(fromVersion, nameof(fromVersion)), upcast);
        if (!_upcasters.TryAdd((upcaster.Manifest, fromVersion), upcaster))
            throw new ArgumentException($"An upcaster from version {fromVersion} of \"{manifest}\" is already registered. Fix: register one upcaster per version step.", nameof(fromVersion));
        return this;
    }

    public bool IsRegistered(Type type) => _byType.ContainsKey(type);

    /// <summary>The manifest <paramref name="type"/> is stored under, or null when it is not registered.</summary>
    public string? ManifestOf(Type type) => _byType.TryGetValue(type, out var registration) ? registration.Manifest : null;

    /// <summary>Serializes an event; an unregistered type or a JSON failure throws <see cref="PersistenceSerializationException"/> (the write is rejected).</summary>
    public SerializedPayload Serialize(object payload, string persistenceId, long sequenceNr) =>
        SerializeCore(payload, persistenceId, sequenceNr, "event");

    public SerializedPayload SerializeSnapshot(object snapshot, string persistenceId, long sequenceNr) =>
        SerializeCore(snapshot, persistenceId, sequenceNr, "snapshot");

    /// <summary>
    /// Reads an event. An unknown manifest, a truncated or malformed payload, a version newer than registered or a missing
    /// upcaster throws <see cref="PersistenceSerializationException"/> naming the persistence id, sequence number and manifest.
    /// </summary>
    public object Deserialize(string manifest, byte[] payload, string persistenceId, long sequenceNr) =>
        DeserializeCore(manifest, payload, persistenceId, sequenceNr, "event");

    public object DeserializeSnapshot(string manifest, byte[] payload, string persistenceId, long sequenceNr) =>
        DeserializeCore(manifest, payload, persistenceId, sequenceNr, "snapshot");

    private SerializedPayload SerializeCore(object payload, string persistenceId, long sequenceNr, string what)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var type = payload.GetType();
        if (!_byType.TryGetValue(type, out var registration))
        {
            throw new PersistenceSerializationException(
                $"Cannot persist {what} {type.FullName} of persistence id \"{persistenceId}\" (sequence nr {sequenceNr}): the type is not registered with the EventSerializer. " +
                $"Fix: register it at start-up with a stable manifest, e.g. serializer.Register<{type.Name}>(\"{SuggestManifest(type.Name)}\", version: 1).",
                persistenceId, sequenceNr, "");
        }
        try
        {
            var buffer = new ArrayBufferWriter<byte>(256);
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteNumber("v", registration.Version);
                writer.WritePropertyName("data");
                registration.Write(writer, payload);
                writer.WriteEndObject();
            }
            return new SerializedPayload(registration.Manifest, buffer.WrittenSpan.ToArray());
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or PayloadProblem)
        {
            throw new PersistenceSerializationException(
                $"Cannot persist {what} {type.FullName} (manifest \"{registration.Manifest}\") of persistence id \"{persistenceId}\" (sequence nr {sequenceNr}): {e.Message} " +
                "Fix: make the type JSON-serializable (public properties or a record, no cycles) or give the options a converter.",
                persistenceId, sequenceNr, registration.Manifest, e);
        }
    }

    private object DeserializeCore(string manifest, byte[] payload, string persistenceId, long sequenceNr, string what)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(payload);
        PersistenceSerializationException Fail(string problem, string fix, Exception? inner = null) => new(
            $"Cannot read {what} {sequenceNr} of persistence id \"{persistenceId}\" (manifest \"{manifest}\"): {problem} Fix: {fix}",
            persistenceId, sequenceNr, manifest, inner);

        if (!_byManifest.TryGetValue(manifest, out var registration))
        {
            throw Fail($"the manifest is unknown to this build (registered: {string.Join(", ", Manifests)}).",
                $"register the type that was written as \"{manifest}\" with EventSerializer.Register<T>(\"{manifest}\", version), or run the build that wrote it.");
        }
        try
        {
            using var document = JsonDocument.Parse(payload);
            return ReadEnvelope(registration, document.RootElement);
        }
        catch (JsonException e)
        {
            throw Fail($"the payload is not a valid envelope (truncated or corrupted: {e.Message}).",
                "restore the row from a backup; a journal row is never edited by hand.", e);
        }
        catch (PayloadProblem e)
        {
            throw Fail(e.Message, e.Fix, e.InnerException);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or ArgumentException or KeyNotFoundException or FormatException)
        {
            throw Fail($"the data does not fit {registration.Type.FullName} ({e.Message}).",
                $"register an upcaster for \"{manifest}\" that turns the old shape into the new one and bump the version.", e);
        }
    }

    /// <summary>Reads <c>{"v":n,"data":...}</c>, upcasting old versions; throws <see cref="PayloadProblem"/> or JSON exceptions.</summary>
    private object ReadEnvelope(EventRegistration registration, JsonElement envelope)
    {
        if (envelope.ValueKind != JsonValueKind.Object
            || !envelope.TryGetProperty("v", out var versionElement)
            || versionElement.ValueKind != JsonValueKind.Number
            || !versionElement.TryGetInt32(out var version)
            || version < 1
            || !envelope.TryGetProperty("data", out var data))
        {
            throw new PayloadProblem("the payload is not a versioned envelope {\"v\":<version>,\"data\":{...}}.",
                "restore the row from a backup; a journal row is never edited by hand.");
        }
        if (version > registration.Version)
        {
            throw new PayloadProblem($"it was written at version {version}, newer than version {registration.Version} that this build knows.",
                $"run the build that registered \"{registration.Manifest}\" at version {version} or later.");
        }
        if (version == registration.Version) return ReadData(registration, data);

        var node = JsonNode.Parse(data.GetRawText())
            ?? throw new PayloadProblem("the data is null.", "restore the row from a backup.");
        for (var step = version; step < registration.Version; step++)
        {
            if (!_upcasters.TryGetValue((registration.Manifest, step), out var upcaster))
            {
                throw new PayloadProblem($"it was written at version {version} and there is no upcaster from version {step} to {step + 1}.",
                    $"register one with RegisterUpcaster(\"{registration.Manifest}\", fromVersion: {step}, data => ...).");
            }
            JsonNode? upcastNode;
            try
            {
                upcastNode = upcaster.Upcast(node);
            }
            catch (Exception e) when (e is not PayloadProblem)
            {
                // User code: whatever it throws, the error must still say which row and which step.
                throw new PayloadProblem($"it was written at version {version} and the upcaster from version {step} to {step + 1} threw {e.GetType().Name}: {e.Message}",
                    $"make the upcaster of \"{registration.Manifest}\" from version {step} handle this row's data.", e);
            }
            node = upcastNode ?? throw new PayloadProblem($"the upcaster from version {step} returned null.", "make the upcaster return the rewritten data.");
        }
        using var upcast = JsonDocument.Parse(node.ToJsonString());
        return ReadData(registration, upcast.RootElement);
    }

    private static object ReadData(EventRegistration registration, JsonElement data) =>
        registration.Read(data) ?? throw new PayloadProblem("the data is null.", "restore the row from a backup.");

    /// <summary>Writes a value of any registered type as <c>{"manifest":m,"v":n,"data":...}</c> (for containers such as the delivery snapshot).</summary>
    internal void WriteNested(Utf8JsonWriter writer, object value)
    {
        var registration = _byType.TryGetValue(value.GetType(), out var found)
            ? found
            : throw new PayloadProblem($"it contains a {value.GetType().FullName}, which is not registered.",
                $"register it with Register<{value.GetType().Name}>(\"{SuggestManifest(value.GetType().Name)}\").");
        writer.WriteStartObject();
        writer.WriteString("manifest", registration.Manifest);
        writer.WriteNumber("v", registration.Version);
        writer.WritePropertyName("data");
        registration.Write(writer, value);
        writer.WriteEndObject();
    }

    internal object ReadNested(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty("manifest", out var manifestElement) || manifestElement.GetString() is not { } manifest)
            throw new PayloadProblem("a nested value has no manifest.", "restore the row from a backup.");
        if (!_byManifest.TryGetValue(manifest, out var registration))
            throw new PayloadProblem($"it contains a value with the unknown manifest \"{manifest}\".", $"register the type written as \"{manifest}\".");
        return ReadEnvelope(registration, element);
    }

    private void Add(EventRegistration registration)
    {
        lock (_registering)
        {
            if (_byManifest.TryGetValue(registration.Manifest, out var existing) && existing.Type != registration.Type)
                throw new ArgumentException($"The manifest \"{registration.Manifest}\" is already registered for {existing.Type.FullName}. Fix: give {registration.Type.Name} its own manifest.", nameof(registration));
            if (_byType.TryGetValue(registration.Type, out var previous) && (previous.Manifest != registration.Manifest || previous.Version != registration.Version))
                throw new ArgumentException($"{registration.Type.FullName} is already registered as \"{previous.Manifest}\" v{previous.Version}. Fix: register each type once.", nameof(registration));
            _byManifest[registration.Manifest] = registration;
            _byType[registration.Type] = registration;
        }
    }

    private static string ValidManifest(string manifest)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(manifest);
        if (manifest.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            throw new ArgumentException($"The manifest \"{manifest}\" contains whitespace. Fix: use a kebab-case name such as \"order-submitted\".", nameof(manifest));
        return manifest;
    }

    private static int ValidVersion(int version, string name) =>
        version >= 1 ? version : throw new ArgumentOutOfRangeException(name, version, "Versions start at 1.");

    private static string SuggestManifest(string typeName)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var c in typeName.TakeWhile(c => c != '`'))
        {
            if (char.IsUpper(c) && builder.Length > 0) builder.Append('-');
            builder.Append(char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    /// <summary>What is wrong with a payload, and the fix; wrapped with the persistence id and sequence number by the caller.</summary>
    private sealed class PayloadProblem(string message, string fix, Exception? inner = null) : Exception(message, inner)
    {
        public string Fix { get; } = fix;
    }
}
