using System.Globalization;
using System.Text;
using ActorTrader.Hocon.Syntax;

namespace ActorTrader.Hocon.Parsing;

/// <summary>
/// Java .properties files: <c>key=value</c>, <c>key:value</c> or <c>key value</c>, '#'/'!' comments, backslash
/// continuations and escapes. Keys split at dots into paths; values are strings. When a key is both a value and
/// a parent of other keys, the object wins (as in lightbend config).
/// </summary>
internal static class PropertiesParser
{
    /// <summary>Parses a .properties document landing in an object nested <paramref name="depth"/> levels deep.</summary>
    public static ObjectNode Parse(string text, string sourceName, int depth)
    {
        var entries = new List<(List<string> Path, string Value, HoconPosition At)>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var at = new HoconPosition(sourceName, i + 1, 1);
            var logical = lines[i].TrimStart();
            if (logical.Length == 0 || logical[0] is '#' or '!')
            {
                continue;
            }

            while (EndsWithContinuation(logical) && i + 1 < lines.Length)
            {
                logical = logical[..^1] + lines[++i].TrimStart();
            }

            var (key, value) = Split(logical);
            var path = key.Split('.').ToList();
            if (depth + path.Count > HoconLimits.MaxDepth)
            {
                throw new HoconException($"Property key nests deeper than {HoconLimits.MaxDepth} levels; use fewer dots in the key", at, key);
            }

            entries.Add((path, value, at));
        }

        // A key that is also the parent of other keys is dropped (the object wins); a set of all parents keeps this linear.
        var parents = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, _, _) in entries)
        {
            for (var length = 1; length < path.Count; length++)
            {
                parents.Add(string.Join('\0', path.Take(length)));
            }
        }

        var root = new ObjectNode(new HoconPosition(sourceName, 1, 1));
        foreach (var (path, value, at) in entries)
        {
            if (parents.Contains(string.Join('\0', path)))
            {
                continue;
            }

            Node node = new ScalarNode(at, HoconValueKind.String, value);
            for (var i = path.Count - 1; i > 0; i--)
            {
                var wrapper = new ObjectNode(at);
                wrapper.Assign(path[i], node);
                node = wrapper;
            }

            root.Assign(path[0], node);
        }

        return root;
    }

    private static bool EndsWithContinuation(string line)
    {
        var slashes = 0;
        for (var i = line.Length - 1; i >= 0 && line[i] == '\\'; i--)
        {
            slashes++;
        }

        return slashes % 2 == 1;
    }

    private static (string Key, string Value) Split(string line)
    {
        var key = new StringBuilder();
        var i = 0;
        for (; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\\' && i + 1 < line.Length)
            {
                i = Unescape(line, i, key);
            }
            else if (c is '=' or ':' || char.IsWhiteSpace(c))
            {
                break;
            }
            else
            {
                key.Append(c);
            }
        }

        while (i < line.Length && char.IsWhiteSpace(line[i]))
        {
            i++;
        }

        if (i < line.Length && line[i] is '=' or ':')
        {
            i++;
        }

        while (i < line.Length && char.IsWhiteSpace(line[i]))
        {
            i++;
        }

        var value = new StringBuilder();
        for (; i < line.Length; i++)
        {
            if (line[i] == '\\' && i + 1 < line.Length)
            {
                i = Unescape(line, i, value);
            }
            else
            {
                value.Append(line[i]);
            }
        }

        return (key.ToString(), value.ToString());
    }

    private static int Unescape(string line, int backslash, StringBuilder into)
    {
        var c = line[backslash + 1];
        switch (c)
        {
            case 't': into.Append('\t'); break;
            case 'n': into.Append('\n'); break;
            case 'r': into.Append('\r'); break;
            case 'f': into.Append('\f'); break;
            case 'u' when backslash + 5 < line.Length
                          && int.TryParse(line.AsSpan(backslash + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                into.Append((char)code);
                return backslash + 5;
            default: into.Append(c); break;
        }

        return backslash + 1;
    }
}
