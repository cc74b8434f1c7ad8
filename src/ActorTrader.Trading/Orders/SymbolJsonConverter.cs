using System.Text.Json;
using System.Text.Json.Serialization;
using ActorTrader.Domain.Instruments;

namespace ActorTrader.Trading.Orders;

/// <summary>Journals a <see cref="Symbol"/> as its text <c>EXCHANGE:TICKER</c>.</summary>
public sealed class SymbolJsonConverter : JsonConverter<Symbol>
{
    public override Symbol Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return Symbol.TryParse(text, out var symbol, out var error) ? symbol : throw new JsonException(error);
    }

    public override void Write(Utf8JsonWriter writer, Symbol value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
