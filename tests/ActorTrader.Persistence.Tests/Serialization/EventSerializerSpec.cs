using System.Text;
using System.Text.Json.Nodes;
using ActorTrader.Persistence.Serialization;
using ActorTrader.Persistence.Tests.Support;

namespace ActorTrader.Persistence.Tests.Serialization;

public sealed class EventSerializerSpec
{
    public sealed record OrderSubmitted(string ClientOrderId, decimal Quantity, decimal LimitPrice);

    private static EventSerializer NewSerializer() => new EventSerializer().Register<OrderSubmitted>("order-submitted", version: 3)
        .RegisterUpcaster("order-submitted", fromVersion: 1, data => new JsonObject { ["ClientOrderId"] = data["Id"]!.GetValue<string>(), ["Quantity"] = data["Quantity"]!.GetValue<decimal>() })
        .RegisterUpcaster("order-submitted", fromVersion: 2, data =>
        {
            data["LimitPrice"] = 0m;
            return data;
        });

    private static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    [Fact]
    public void An_event_round_trips_through_a_versioned_envelope_under_its_manifest()
    {
        var serializer = NewSerializer();
        var evt = new OrderSubmitted("c-1", 10.5m, 101.25m);

        var payload = serializer.Serialize(evt, "orders-1", 1);

        Assert.Equal("order-submitted", payload.Manifest);
        var envelope = JsonNode.Parse(payload.Bytes)!;
        Assert.Equal(3, envelope["v"]!.GetValue<int>());
        Assert.Equal("c-1", envelope["data"]!["ClientOrderId"]!.GetValue<string>());
        Assert.Equal(evt, serializer.Deserialize(payload.Manifest, payload.Bytes, "orders-1", 1));
    }

    [Fact]
    public void Old_versions_are_upcast_through_the_chain_to_the_current_version()
    {
        var serializer = NewSerializer();

        var fromV1 = serializer.Deserialize("order-submitted", Utf8("""{"v":1,"data":{"Id":"c-9","Quantity":3}}"""), "orders-1", 4);
        var fromV2 = serializer.Deserialize("order-submitted", Utf8("""{"v":2,"data":{"ClientOrderId":"c-8","Quantity":2}}"""), "orders-1", 5);

        Assert.Equal(new OrderSubmitted("c-9", 3m, 0m), fromV1);
        Assert.Equal(new OrderSubmitted("c-8", 2m, 0m), fromV2);
    }

    [Fact]
    public void An_unknown_manifest_names_the_persistence_id_sequence_number_and_manifest()
    {
        var error = Assert.Throws<PersistenceSerializationException>(() =>
            NewSerializer().Deserialize("order-cancelled", Utf8("""{"v":1,"data":{}}"""), "orders-7", 42));

        Assert.Equal(("orders-7", 42L, "order-cancelled"), (error.PersistenceId, error.SequenceNr, error.Manifest));
        Assert.Contains("\"orders-7\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("42", error.Message, StringComparison.Ordinal);
        Assert.Contains("order-cancelled", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fix:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"v":3,"data":{"ClientOrderId":"c-1","Quan""")]
    [InlineData("")]
    [InlineData("""{"data":{}}""")]
    [InlineData("""{"v":"3","data":{}}""")]
    [InlineData("""{"v":3}""")]
    [InlineData("""[1,2]""")]
    [InlineData("""{"v":3,"data":null}""")]
    [InlineData("""{"v":3,"data":{"Quantity":"many"}}""")]
    public void A_truncated_or_malformed_payload_is_reported_with_its_position_in_the_journal(string json)
    {
        var error = Assert.Throws<PersistenceSerializationException>(() =>
            NewSerializer().Deserialize("order-submitted", Utf8(json), "orders-1", 7));

        Assert.Equal(("orders-1", 7L, "order-submitted"), (error.PersistenceId, error.SequenceNr, error.Manifest));
    }

    [Fact]
    public void A_version_newer_than_the_registered_one_is_refused()
    {
        var error = Assert.Throws<PersistenceSerializationException>(() =>
            NewSerializer().Deserialize("order-submitted", Utf8("""{"v":4,"data":{}}"""), "orders-1", 9));

        Assert.Contains("version 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_upcaster_step_is_named()
    {
        var serializer = new EventSerializer().Register<OrderSubmitted>("order-submitted", version: 3)
            .RegisterUpcaster("order-submitted", fromVersion: 2, data => data);

        var error = Assert.Throws<PersistenceSerializationException>(() =>
            serializer.Deserialize("order-submitted", Utf8("""{"v":1,"data":{}}"""), "orders-1", 1));

        Assert.Contains("RegisterUpcaster(\"order-submitted\", fromVersion: 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_upcaster_that_throws_is_reported_with_its_position_in_the_journal_and_its_step()
    {
        // The v1 -> v2 upcaster reads "Id", which this row lacks: it throws a NullReferenceException of its own.
        var serializer = NewSerializer();

        var error = Assert.Throws<PersistenceSerializationException>(() =>
            serializer.Deserialize("order-submitted", Utf8("""{"v":1,"data":{"Quantity":1}}"""), "orders-1", 7));

        Assert.Contains("\"orders-1\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("7", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"order-submitted\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("version 1", error.Message, StringComparison.Ordinal);
        Assert.IsType<NullReferenceException>(error.InnerException);
    }

    [Fact]
    public void Writing_an_unregistered_type_is_refused_with_the_type_name_and_the_fix()
    {
        var error = Assert.Throws<PersistenceSerializationException>(() => NewSerializer().Serialize(new Unregistered("x"), "orders-1", 3));

        Assert.Contains(typeof(Unregistered).FullName!, error.Message, StringComparison.Ordinal);
        Assert.Contains("Register<Unregistered>(\"unregistered\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_manifest_cannot_name_two_types()
    {
        var serializer = new EventSerializer().Register<OrderSubmitted>("order-submitted");

        Assert.Throws<ArgumentException>(() => serializer.Register<Appended>("order-submitted"));
    }

    [Fact]
    public void A_delivery_snapshot_round_trips_with_its_messages_as_their_registered_types()
    {
        var serializer = TestEvents.Serializer();
        var snapshot = new AtLeastOnceDeliverySnapshot(7, [new UnconfirmedDelivery(6, "/user/ledger", new Delivered(6, "x")), new UnconfirmedDelivery(7, "/user/risk", new Appended("y"))]);

        var payload = serializer.SerializeSnapshot(snapshot, "orders-1", 12);
        var read = (AtLeastOnceDeliverySnapshot)serializer.DeserializeSnapshot(payload.Manifest, payload.Bytes, "orders-1", 12);

        Assert.Equal(EventSerializer.DeliverySnapshotManifest, payload.Manifest);
        Assert.Equal(7, read.CurrentDeliveryId);
        Assert.Equal(snapshot.UnconfirmedDeliveries, read.UnconfirmedDeliveries);
    }
}
