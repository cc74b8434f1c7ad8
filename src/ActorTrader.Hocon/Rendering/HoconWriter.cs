using System.Text;

namespace ActorTrader.Hocon.Rendering;

/// <summary>Renders resolved values as readable HOCON (<c>key = value</c>, nested braces, quoted strings).</summary>
internal static class HoconWriter
{
    public static string Write(HoconValue value)
    {
        var builder = new StringBuilder();
        if (value.IsObject)
        {
            WriteFields(builder, value, 0);
        }
        else
        {
            WriteValue(builder, value, 0);
        }

        return builder.ToString();
    }

    private static void WriteFields(StringBuilder builder, HoconValue obj, int depth)
    {
        foreach (var key in obj.Keys)
        {
            builder.Append(' ', depth * 2).Append(HoconPath.FormatKey(key)).Append(" = ");
            WriteValue(builder, obj[key]!, depth);
            builder.Append('\n');
        }
    }

    private static void WriteValue(StringBuilder builder, HoconValue value, int depth)
    {
        switch (value.Kind)
        {
            case HoconValueKind.Object:
                builder.Append("{\n");
                WriteFields(builder, value, depth + 1);
                builder.Append(' ', depth * 2).Append('}');
                break;
            case HoconValueKind.Array:
                builder.Append('[');
                for (var i = 0; i < value.Items.Count; i++)
                {
                    builder.Append(i == 0 ? "" : ", ");
                    WriteValue(builder, value.Items[i], depth);
                }

                builder.Append(']');
                break;
            case HoconValueKind.String:
                builder.Append(HoconPath.Quote(value.AsString()));
                break;
            default:
                builder.Append(value.AsString());
                break;
        }
    }
}
