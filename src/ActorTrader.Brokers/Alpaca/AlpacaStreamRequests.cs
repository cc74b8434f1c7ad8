using System.Text.Json;
using ActorTrader.Data.Providers.Alpaca;

namespace ActorTrader.Brokers.Alpaca;

/// <summary>The two messages the broker sends on the trade-updates stream. The authenticate message holds the secret: never log it.</summary>
internal static class AlpacaStreamRequests
{
    public static byte[] Authenticate(AlpacaCredentials credentials) => Write(writer =>
    {
        writer.WriteString("action", "authenticate");
        writer.WriteStartObject("data");
        writer.WriteString("key_id", credentials.KeyId);
        writer.WriteString("secret_key", credentials.SecretKey);
        writer.WriteEndObject();
    });

    public static byte[] ListenToTradeUpdates() => Write(writer =>
    {
        writer.WriteString("action", "listen");
        writer.WriteStartObject("data");
        writer.WriteStartArray("streams");
        writer.WriteStringValue("trade_updates");
        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }
}
