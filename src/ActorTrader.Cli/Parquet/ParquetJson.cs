using ActorTrader.Parquet;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ActorTrader.Cli.Parquet;

/// <summary>
/// JSON form of Parquet values for <c>parquet cat</c>: numbers stay JSON numbers; decimals are strings (JSON
/// readers would round them to doubles), and so are NaN and infinities, which JSON cannot express; list
/// values are JSON arrays of their elements (null for a null list or element).
/// </summary>
internal static class ParquetJson
{
    // Keeps non-ASCII text readable; the output is never embedded in HTML.
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WriteValue(Utf8JsonWriter json, object? value, ParquetColumnType type)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(type);
        if (value is Array list && type.Kind == ParquetTypeKind.List)
        {
            json.WriteStartArray();
            foreach (var element in list)
            {
                WriteValue(json, element, type.ElementType!);
            }
            json.WriteEndArray();
            return;
        }

        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case bool b: json.WriteBooleanValue(b); break;
            case sbyte or byte or short or ushort or int or uint or long:
                json.WriteNumberValue(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            case ulong u: json.WriteNumberValue(u); break;
            case float f when float.IsFinite(f): json.WriteNumberValue(f); break;
            case double d when double.IsFinite(d): json.WriteNumberValue(d); break;
            default: json.WriteStringValue(ParquetValueText.Format(value, type)); break;
        }
    }

    /// <summary>One list value as JSON array text, e.g. <c>[1,null,3]</c> (what CSV cells of list columns hold).</summary>
    public static string ListText(Array list, ParquetColumnType type)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            WriteValue(json, list, type);
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
