using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ActorTrader.Trading.Sleeves.Pipeline;

/// <summary>
/// The one JSON convention of sleeve artifacts: snake_case names, indented with '\n', enums as snake_case text, doubles in
/// shortest round-trip form with NaN/Infinity written as strings, and no escaping of readable characters. Records are
/// written in declaration order and every list is built in a fixed order, so equal runs give equal bytes.
/// </summary>
public static class SleeveJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NewLine = "\n",
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static byte[] Serialize<T>(T value)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(value, Options);
        var withNewLine = new byte[bytes.Length + 1];
        bytes.CopyTo(withNewLine, 0);
        withNewLine[^1] = (byte)'\n';
        return withNewLine;
    }
}
