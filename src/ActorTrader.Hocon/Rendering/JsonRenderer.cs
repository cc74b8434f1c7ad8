using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ActorTrader.Hocon.Rendering;

/// <summary>Writes resolved values as plain JSON; numbers keep their source text when it is valid JSON.</summary>
internal static partial class JsonRenderer
{
    public static string Write(HoconValue value, bool indented)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteValue(writer, value);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteValue(Utf8JsonWriter writer, HoconValue value)
    {
        switch (value.Kind)
        {
            case HoconValueKind.Object:
                writer.WriteStartObject();
                foreach (var key in value.Keys)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, value[key]!);
                }

                writer.WriteEndObject();
                break;
            case HoconValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.Items)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            case HoconValueKind.Number:
                // HOCON allows leading zeros ("007", "01e400"); JSON does not. Dropping them keeps the exact text,
                // where going through a double would turn values beyond its range into invalid "Infinity".
                var text = LeadingZeros().Replace(value.AsString(), "$1$2");
                if (JsonNumber().IsMatch(text))
                {
                    writer.WriteRawValue(text);
                }
                else
                {
                    writer.WriteStringValue(value.AsString());
                }

                break;
            case HoconValueKind.Boolean:
                writer.WriteBooleanValue(value.AsString() == "true");
                break;
            case HoconValueKind.Null:
                writer.WriteNullValue();
                break;
            default:
                writer.WriteStringValue(value.AsString());
                break;
        }
    }

    [GeneratedRegex(@"^(-?)0+([0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingZeros();

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex JsonNumber();
}
