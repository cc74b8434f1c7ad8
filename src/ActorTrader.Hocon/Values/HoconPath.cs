using System.Text;

namespace ActorTrader.Hocon;

/// <summary>Path expressions as used by the getters: <c>a.b.c</c>, with quoted elements for keys holding dots (<c>a."b.c"</c>).</summary>
public static class HoconPath
{
    /// <summary>Splits a path expression into its keys; throws <see cref="HoconException"/> for empty elements or bad quoting.</summary>
    public static IReadOnlyList<string> Parse(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var segments = new List<string>();
        var current = new StringBuilder();
        var hasContent = false;
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '.')
            {
                if (!hasContent)
                {
                    throw EmptyElement(path);
                }

                segments.Add(current.ToString());
                current.Clear();
                hasContent = false;
            }
            else if (c == '"')
            {
                i = ReadQuoted(path, i, current);
                hasContent = true;
            }
            else
            {
                current.Append(c);
                hasContent = true;
            }
        }

        if (!hasContent)
        {
            throw EmptyElement(path);
        }

        segments.Add(current.ToString());
        return segments;
    }

    /// <summary>Joins keys into a path expression, quoting keys that would not read back as one element.</summary>
    public static string Format(IEnumerable<string> keys) => string.Join('.', keys.Select(FormatKey));

    /// <summary>Quotes a single key when it is empty or holds characters that are not allowed unquoted (such as '.').</summary>
    public static string FormatKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return NeedsQuotes(key) ? Quote(key) : key;
    }

    internal static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                default:
                    if (c < ' ')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    private static bool NeedsQuotes(string key)
    {
        if (key.Length == 0 || key is "include" || key.Contains("//", StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var c in key)
        {
            if (c == '.' || !Parsing.CharClasses.IsUnquotedChar(c))
            {
                return true;
            }
        }

        return false;
    }

    private static int ReadQuoted(string path, int start, StringBuilder into)
    {
        for (var i = start + 1; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '"')
            {
                return i;
            }

            if (c == '\\' && i + 1 < path.Length)
            {
                i++;
                into.Append(path[i] switch
                {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    'b' => '\b',
                    'f' => '\f',
                    var other => other,
                });
            }
            else
            {
                into.Append(c);
            }
        }

        throw new HoconException($"Path '{path}' has an unterminated quoted element; close it with '\"'", null, path);
    }

    private static HoconException EmptyElement(string path) =>
        new($"Path '{path}' has an empty element; write keys separated by single dots, or quote an empty key as \"\"", null, path);
}
