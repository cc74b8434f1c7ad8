using System.Text.Json;
using ActorTrader.Persistence.Serialization;

namespace ActorTrader.Persistence;

/// <summary>
/// JSON of <see cref="AtLeastOnceDeliverySnapshot"/>: each unconfirmed message is written with its own manifest and version,
/// so the messages are read back as their registered types (and upcast like events).
/// </summary>
internal static class DeliverySnapshotFormat
{
    public static void Write(EventSerializer serializer, Utf8JsonWriter writer, AtLeastOnceDeliverySnapshot snapshot)
    {
        writer.WriteStartObject();
        writer.WriteNumber("currentDeliveryId", snapshot.CurrentDeliveryId);
        writer.WriteStartArray("unconfirmed");
        foreach (var delivery in snapshot.UnconfirmedDeliveries)
        {
            writer.WriteStartObject();
            writer.WriteNumber("deliveryId", delivery.DeliveryId);
            writer.WriteString("destination", delivery.Destination);
            writer.WritePropertyName("message");
            serializer.WriteNested(writer, delivery.Message);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static AtLeastOnceDeliverySnapshot Read(EventSerializer serializer, JsonElement data)
    {
        var deliveries = new List<UnconfirmedDelivery>();
        foreach (var item in data.GetProperty("unconfirmed").EnumerateArray())
        {
            deliveries.Add(new UnconfirmedDelivery(
                item.GetProperty("deliveryId").GetInt64(),
                item.GetProperty("destination").GetString() ?? throw new JsonException("An unconfirmed delivery has a null destination."),
                serializer.ReadNested(item.GetProperty("message"))));
        }
        return new AtLeastOnceDeliverySnapshot(data.GetProperty("currentDeliveryId").GetInt64(), deliveries);
    }
}
